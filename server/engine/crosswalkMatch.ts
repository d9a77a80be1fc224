import type { BudgetColumns } from '../../models';
import type { RuleSet } from './crosswalk';
import { federalAccount, padCode, parseTas, renderTas } from './dataAct/tas';
import { objectClassKey } from './read/crosswalk';

/**
 * Which rule set a budget line uses, by numbers rather than text. The Crosswalk's keys (account, program
 * activity, object class, each normalised as a budget office types them in several ways) are normalised once
 * per distinct text and numbered, so matching a million lines is a few integer Map lookups per line: building
 * and hashing a joined text key for every line and every specificity level was most of the crosswalk's time.
 */

const norm = (s: string) => s.trim().toUpperCase();

/**
 * An account as one key, however it is typed: a Treasury Account Symbol in its padded form (`47-X-4542-0` is
 * `047-X-4542-000`), a federal account padded (`47-4542` is `047-4542`), anything else trimmed and in capitals.
 */
export function accountKey(account: string): string {
  const tas = parseTas(account);
  if (tas) return renderTas(tas).toUpperCase();
  const federal = /^(\d{1,3})-(\d{1,4})$/.exec(account.trim());
  if (federal) return `${padCode(federal[1] ?? '', 3)}-${padCode(federal[2] ?? '', 4)}`;
  return norm(account);
}

/**
 * The keys a Budget line's account is matched by, most specific first: its own, then, for a TAS, its federal
 * account, so a Crosswalk can map at whichever level a budget office decides at.
 */
export function lineAccountKeys(account: string): string[] {
  const tas = parseTas(account);
  return tas ? [renderTas(tas).toUpperCase(), federalAccount(tas)] : [norm(account)];
}

/** A program activity code as one key (`1` is `0001`, as Excel shows a code typed as a number). */
export const activityKey = (pa: string): string => {
  const t = pa.trim();
  return /^\d{1,4}$/.test(t) ? padCode(t, 4) : t.toUpperCase();
};

/** The table of one account's sets: undated rows and the rows of each recast year are separate tables. */
export const tableKey = (account: string, year: number | null): string => `${year ?? ''}\u0000${account}`;

/** Where a rule set sits: its year (null for undated rows) and its normalised account, activity, object class. */
export interface SetPlace {
  year: number | null;
  account: string;
  activity: string;
  objectClass: string;
}

/** Numbers for distinct texts, the empty text first (number 0: "no program activity", "no object class"). */
export class Interner {
  private readonly ids = new Map<string, number>([['', 0]]);
  private readonly texts: string[] = [''];

  get size(): number {
    return this.ids.size;
  }

  intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(text, id);
      this.texts.push(text);
    }
    return id;
  }

  /** The text's number, or -1 when it was never interned (no set can match it). */
  find(text: string): number {
    return this.ids.get(text) ?? -1;
  }

  /** The text of a number `intern` gave. */
  text(id: number): string {
    return this.texts[id] as string;
  }
}

/** One account's sets (undated, or one year's), by `activity * stride + objectClass` numbers. */
export type SetTable = Map<number, RuleSet>;

const NO_TABLES: readonly SetTable[] = [];

/**
 * Object class numbers are below this, so `activity * STRIDE + objectClass` is one exact key per pair while both
 * are below 2^26: far more distinct texts than a Crosswalk sheet has rows. A fixed stride lets the index grow
 * set by set as the Crosswalk is read.
 */
const STRIDE = 2 ** 26;

/**
 * Rule sets by integer keys: a table per account and year, and within it each set under its program activity
 * and object class numbers (the empty activity and object class are number 0).
 */
export class SetIndex {
  readonly activities = new Interner();
  readonly objectClasses = new Interner();
  /** Undated tables by account key; a recast year's by `tableKey` (rare, so only they pay for a joined key). */
  private readonly undated = new Map<string, SetTable>();
  private readonly dated = new Map<string, SetTable>();
  readonly stride = STRIDE;

  constructor(sets: readonly { place: SetPlace; set: RuleSet }[] = []) {
    for (const { place, set } of sets)
      this.table(place.account, place.year).set(
        this.key(this.activities.intern(place.activity), this.objectClasses.intern(place.objectClass)),
        set,
      );
  }

  /** The table of one account key and year (null: the undated rows), made on first use. */
  table(account: string, year: number | null): SetTable {
    const tables = year === null ? this.undated : this.dated;
    const key = year === null ? account : tableKey(account, year);
    let table = tables.get(key);
    if (!table) {
      table = new Map();
      tables.set(key, table);
    }
    return table;
  }

  /** A set's key in its table, from its activity and object class numbers. */
  key(activity: number, objectClass: number): number {
    return activity * STRIDE + objectClass;
  }

  /** The tables of these account keys that exist, in their order. */
  tablesOf(accounts: readonly string[], year: number | null): readonly SetTable[] {
    // Most accounts have one table or none: a list of exactly that, or the one shared empty list.
    let out: SetTable[] | null = null;
    for (const account of accounts) {
      const table = year === null ? this.undated.get(account) : this.dated.get(tableKey(account, year));
      if (!table) continue;
      if (out) out.push(table);
      else out = [table];
    }
    return out ?? NO_TABLES;
  }
}

/**
 * A line's identity as numbers: its program activity code and title and its object class as numbers in the
 * index (-1 when no set has them), and whether each was typed at all (an untyped one is never tried).
 */
export interface LineKeys {
  activity: number;
  hasActivity: boolean;
  title: number;
  hasTitle: boolean;
  objectClass: number;
  hasObjectClass: boolean;
}

/**
 * The most specific set that matches, as `matchSet` always did with text keys: for each account key in turn,
 * the program activity code then title, each with the object class then without, then the object class alone,
 * then the account alone.
 */
export function findSet(tables: readonly SetTable[], k: LineKeys, stride: number): RuleSet | null {
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as SetTable;
    if (k.hasActivity) {
      const found = inActivity(table, k.activity, k, stride);
      if (found) return found;
    }
    if (k.hasTitle) {
      const found = inActivity(table, k.title, k, stride);
      if (found) return found;
    }
    const found = inActivity(table, 0, k, stride);
    if (found) return found;
  }
  return null;
}

/** One activity's set: with the line's object class when it has one that any set has, else without. */
function inActivity(table: SetTable, activity: number, k: LineKeys, stride: number): RuleSet | null {
  if (activity < 0) return null;
  const withClass =
    k.hasObjectClass && k.objectClass >= 0 ? table.get(activity * stride + k.objectClass) : undefined;
  return withClass ?? table.get(activity * stride) ?? null;
}

/** What is known of one account text of the Budget, worked out once however many lines it has. */
interface AccountEntry {
  /** `lineAccountKeys` of the text. */
  keys: string[];
  undated: readonly SetTable[];
  /** Some Crosswalk row of its account has a program activity or object class, so lines differ. */
  specific: boolean;
  /** Some Crosswalk row of its account has a Fiscal Year. */
  recast: boolean;
  /** For an account that is not specific: the set of all its lines (their activity and class do not matter). */
  whole: RuleSet | null;
}

/** Some of the keys is in the set (a loop, not `keys.some` with a closure made per account). */
function someIn(keys: readonly string[], set: ReadonlySet<string>): boolean {
  for (const key of keys) if (set.has(key)) return true;
  return false;
}

/** The accounts of the Crosswalk that have rows by program activity or object class, and that are recast by year. */
export interface AccountKinds {
  specific: Set<string>;
  recastAccounts: Set<string>;
  /** `tableKey(account, year)` of each recast account and year. */
  recast: Set<string>;
}

/**
 * Finds the rule set of a budget line. Accounts mapped at account level only (most) are matched once per
 * account text; other lines by their numbers, reusing the previous line's answer when it has the same identity
 * (a line's amount types sit on neighbouring rows).
 */
export class LineMatcher {
  private readonly accountOf: Int32Array;
  private readonly activityOf: Int32Array;
  private readonly classOf: Int32Array;
  private readonly accounts: AccountEntry[] = [];
  private readonly keys: LineKeys = {
    activity: -1,
    hasActivity: false,
    title: -1,
    hasTitle: false,
    objectClass: -1,
    hasObjectClass: false,
  };
  private last = { account: -1, activity: -1, title: -1, objectClass: -1, set: null as RuleSet | null };

  constructor(
    private readonly b: BudgetColumns,
    private readonly index: SetIndex,
    private readonly kinds: AccountKinds,
  ) {
    // -2: not worked out yet, -1: no set has it, else its number (an account's: its entry).
    this.accountOf = new Int32Array(b.strings.length).fill(-2);
    this.activityOf = new Int32Array(b.strings.length).fill(-2);
    this.classOf = new Int32Array(b.strings.length).fill(-2);
  }

  /** The account entry of a line. */
  private account(line: number): AccountEntry {
    const id = this.b.account[line] as number;
    let at = this.accountOf[id] as number;
    if (at < 0) {
      at = this.accounts.length;
      this.accountOf[id] = at;
      this.accounts.push(this.entry(this.b.strings[id] as string));
    }
    return this.accounts[at] as AccountEntry;
  }

  private entry(text: string): AccountEntry {
    const keys = lineAccountKeys(text);
    const entry: AccountEntry = {
      keys,
      undated: this.index.tablesOf(keys, null),
      specific: someIn(keys, this.kinds.specific),
      recast: someIn(keys, this.kinds.recastAccounts),
      whole: null,
    };
    if (!entry.specific && entry.undated.length > 0) {
      // No set of these keys has an activity or object class: only the account-level ones can match.
      for (const table of entry.undated) if ((entry.whole = table.get(0) ?? null)) break;
    }
    return entry;
  }

  /** A text's number among the index's activities or object classes, worked out once per text. */
  private numberOf(cache: Int32Array, id: number, key: (text: string) => string, among: Interner): number {
    let n = cache[id] as number;
    if (n === -2) {
      n = among.find(key(this.b.strings[id] as string));
      cache[id] = n;
    }
    return n;
  }

  private lineKeys(line: number): LineKeys {
    const b = this.b;
    const k = this.keys;
    const activities = this.index.activities;
    const pa = b.programActivity[line] as number;
    const title = b.programActivityTitle[line] as number;
    const oc = b.objectClass[line] as number;
    k.hasActivity = b.strings[pa] !== '';
    k.activity = this.numberOf(this.activityOf, pa, activityKey, activities);
    k.hasTitle = b.strings[title] !== '';
    k.title = this.numberOf(this.activityOf, title, activityKey, activities);
    k.hasObjectClass = b.strings[oc] !== '';
    k.objectClass = this.numberOf(this.classOf, oc, objectClassKey, this.index.objectClasses);
    return k;
  }

  /** The set of a line among the undated rows. */
  undatedSet(line: number): RuleSet | null {
    const entry = this.account(line);
    if (!entry.specific || entry.undated.length === 0) return entry.whole;
    const b = this.b;
    const last = this.last;
    const account = b.account[line] as number;
    const activity = b.programActivity[line] as number;
    const title = b.programActivityTitle[line] as number;
    const objectClass = b.objectClass[line] as number;
    if (
      account !== last.account ||
      activity !== last.activity ||
      title !== last.title ||
      objectClass !== last.objectClass
    ) {
      last.account = account;
      last.activity = activity;
      last.title = title;
      last.objectClass = objectClass;
      last.set = findSet(entry.undated, this.lineKeys(line), this.index.stride);
    }
    return last.set;
  }

  /** The set of a line among one recast year's rows. */
  datedSet(line: number, year: number): RuleSet | null {
    const tables = this.index.tablesOf(this.account(line).keys, year);
    return tables.length > 0 ? findSet(tables, this.lineKeys(line), this.index.stride) : null;
  }

  /**
   * The recast years of a line's account that its amounts fall in, or null (most lines). `yearOf` gives a
   * series' fiscal year.
   */
  recastYears(line: number, yearOf: (series: number) => number): Set<number> | null {
    const entry = this.account(line);
    if (!entry.recast) return null;
    const b = this.b;
    const years = new Set<number>();
    for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
      const year = yearOf(b.amountSeries[a] as number);
      if (entry.keys.some((k) => this.kinds.recast.has(tableKey(k, year)))) years.add(year);
    }
    return years.size > 0 ? years : null;
  }
}
