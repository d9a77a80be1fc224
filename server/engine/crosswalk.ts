import type { BudgetColumns, BudgetLine, CrosswalkRule, Loc, WorkbookModel } from '../../models';
import { AMOUNT_TYPES, RECEIPT, SPENDING, text } from './budget';
import { SHARE_SCALE } from '../../models';
import {
  ELIMINATED,
  type Ledger,
  type LedgerOverflow,
  LedgerSums,
  RECEIPTS,
  type Target,
  targetKey,
  UNMAPPED,
} from './ledger';
import { splitLargestRemainderInto } from './money';
import { federalAccount, padCode, parseTas, renderTas } from './dataAct/tas';
import { describeLine } from './messages';
import { objectClassKey } from './read/crosswalk';

/**
 * The crosswalk: which objectives (goals, pools) each budget line serves. A line uses the most specific set of
 * Crosswalk rows that matches it: account + program activity + object class, then account + program activity,
 * then account + object class, then account. Each amount is split by the set's shares with largest-remainder
 * rounding, so a line's parts always sum to the line.
 */

export interface RuleSet {
  key: string;
  /** For messages: "account 023-05-4542, program activity 0001". */
  where: string;
  rules: CrosswalkRule[];
  /** Parallel arrays: where each part goes, its integer weight, the share shown, and the row it came from. */
  targets: Target[];
  weights: number[];
  shares: number[];
  ruleLocs: (Loc | null)[];
  /** Sum of the typed shares, in parts per billion. */
  sum: number;
  wholeNumbers: boolean;
  /** `targets[i].key`, kept for the hot loop. */
  keys?: string[];
  /** Target positions by key, when that differs from row order (see `splitInSet`). */
  tieOrder?: number[] | null;
  /** The weights in tie order, divided by their greatest common divisor: the same split, faster. */
  splitWeights?: number[];
  /** Each target's number among all the crosswalk's targets (see `TargetNumbers`). */
  numbers?: Int32Array;
  /** The set's position in `CrosswalkResult.sets`. */
  position?: number;
  linesMatched: number;
}

/** Where a line goes when no set splits it, by `CrosswalkResult.lineTo`. */
export const DESTINATIONS: readonly Target[] = [UNMAPPED, RECEIPTS, ELIMINATED];

export interface CrosswalkResult {
  sets: RuleSet[];
  /** Per budget line: the position in `sets` of the set that splits every amount, or -1 (see `lineTo`). */
  lineSet: Int32Array;
  /** Per budget line: where it goes whole when no set splits it, as a position in `DESTINATIONS`. */
  lineTo: Uint8Array;
  /**
   * Only lines whose account is recast for some years (Crosswalk rows with a Fiscal Year): each amount's own
   * set (a position in `sets`, -1 for Unmapped), by its place among the line's amounts, since years use
   * different rows. Read through `setOf`.
   */
  recast: Map<number, Int32Array>;
  /** Direct amounts by amount type, year and target key. */
  direct: Ledger;
  /** Budget totals by amount type and year (the source every output must tie out to). */
  budget: Ledger;
  /**
   * Totals past the exact range; their (type, series) slots are left out of `direct` and `budget` (and, after
   * `compute`, their amounts out of the Budget), so figures of those slots show blank (`isLeftOut`).
   */
  overflows: LedgerOverflow[];
}

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
function lineAccountKeys(account: string): string[] {
  const tas = parseTas(account);
  return tas ? [renderTas(tas).toUpperCase(), federalAccount(tas)] : [norm(account)];
}

/** A program activity code as one key (`1` is `0001`, as Excel shows a code typed as a number). */
const activityKey = (pa: string) => {
  const t = pa.trim();
  return /^\d{1,4}$/.test(t) ? padCode(t, 4) : t.toUpperCase();
};

/** Undated rows and the rows of each recast year form separate sets. */
const setKey = (account: string, pa: string, oc: string, year: number | null = null) =>
  `${year ?? ''}\u0000${account}\u0000${activityKey(pa)}\u0000${objectClassKey(oc)}`;

/** Resolves a rule's target against the plan; an unknown one is Unmapped (the rules registry says why). */
function resolveTarget(rule: CrosswalkRule, known: KnownTargets): Target {
  const t = rule.target;
  if (t.kind === 'objective' && known.objectives.has(t.id))
    return { kind: 'objective', id: t.id, key: targetKey('objective', t.id) };
  if (t.kind === 'goal' && known.goals.has(t.id))
    return { kind: 'goal', id: t.id, key: targetKey('goal', t.id) };
  if (t.kind === 'pool') {
    const name = known.pools.get(t.name.toUpperCase());
    if (name) return { kind: 'pool', id: name, key: targetKey('pool', name) };
  }
  return UNMAPPED;
}

export interface KnownTargets {
  objectives: Set<string>;
  goals: Set<string>;
  /** Upper-cased name → the name as the Cost Pools table spells it. */
  pools: Map<string, string>;
}

export function knownTargets(model: WorkbookModel): KnownTargets {
  return {
    objectives: new Set(model.objectives.map((o) => o.id)),
    goals: new Set(model.goals.map((g) => g.id)),
    pools: new Map(model.pools.map((p) => [p.name.toUpperCase(), p.name])),
  };
}

const TOLERANCE = SHARE_SCALE / 10_000; // 0.01%

/** Groups Crosswalk rows into rule sets and decides each set's weights. */
export function buildRuleSets(model: WorkbookModel, known: KnownTargets): Map<string, RuleSet> {
  const sets = new Map<string, RuleSet>();
  for (const rule of model.crosswalk) {
    const key = setKey(accountKey(rule.account), rule.programActivity, rule.objectClass, rule.year);
    let set = sets.get(key);
    if (!set) {
      const where = describeLine(rule.account, rule.programActivity, rule.objectClass);
      set = {
        key,
        where: rule.year === null ? where : `${where}, FY${rule.year}`,
        rules: [],
        targets: [],
        weights: [],
        shares: [],
        ruleLocs: [],
        sum: 0,
        wholeNumbers: false,
        linesMatched: 0,
      };
      sets.set(key, set);
    }
    set.rules.push(rule);
  }
  for (const set of sets.values()) {
    // Shares typed as whole numbers (40 for 40%) are read as percents; the rules registry reports them.
    const typed = set.rules.filter((r) => r.share !== 0);
    set.wholeNumbers = typed.length > 0 && typed.every((r) => r.shareAsWholeNumber);
    const shareOf = (r: CrosswalkRule) => (set.wholeNumbers ? Math.round(r.share / 100) : r.share);
    set.sum = set.rules.reduce((s, r) => s + shareOf(r), 0);
    const byKey = new Map<string, number>();
    for (const rule of set.rules) {
      if (rule.share === 0) continue;
      const target = resolveTarget(rule, known);
      const at = byKey.get(target.key);
      if (at !== undefined) {
        set.weights[at] = (set.weights[at] as number) + shareOf(rule);
        set.shares[at] = (set.shares[at] as number) + shareOf(rule);
        continue;
      }
      byKey.set(target.key, set.targets.length);
      set.targets.push(target);
      set.weights.push(shareOf(rule));
      set.shares.push(shareOf(rule));
      set.ruleLocs.push(rule.loc);
    }
    // Shares short of 100% leave the rest Unmapped; shares over 100% are scaled down by the weights themselves.
    if (set.sum < SHARE_SCALE - TOLERANCE) {
      set.targets.push(UNMAPPED);
      set.weights.push(SHARE_SCALE - set.sum);
      set.shares.push(SHARE_SCALE - set.sum);
      set.ruleLocs.push(null);
    }
  }
  return sets;
}

/**
 * The rule set a line uses: the most specific that matches, among the undated rows or one year's rows. Its own
 * account is tried before its federal account; a program activity matches by code, then by title.
 */
type LineIdentity = Pick<BudgetLine, 'account' | 'programActivity' | 'programActivityTitle' | 'objectClass'>;

function matchSet(
  line: LineIdentity,
  sets: Map<string, RuleSet>,
  year: number | null = null,
): RuleSet | null {
  const { programActivity, programActivityTitle, objectClass: oc } = line;
  const activities = [programActivity, programActivityTitle].filter(Boolean);
  for (const a of lineAccountKeys(line.account)) {
    for (const pa of activities) {
      const found = (oc ? sets.get(setKey(a, pa, oc, year)) : undefined) ?? sets.get(setKey(a, pa, '', year));
      if (found) return found;
    }
    const found = (oc ? sets.get(setKey(a, '', oc, year)) : undefined) ?? sets.get(setKey(a, '', '', year));
    if (found) return found;
  }
  return null;
}

const compareKeys = (keys: readonly string[], a: number, b: number) =>
  (keys[a] as string) < (keys[b] as string) ? -1 : (keys[a] as string) > (keys[b] as string) ? 1 : 0;

/**
 * Splits an amount by a set's weights. Largest-remainder rounding gives a tied unit to the earlier part, so
 * the parts are taken in target-key order: which objective gets the odd cent then does not depend on the
 * order of the Crosswalk rows (moving a row must not move a cent). The parts come back in row order.
 */
export function splitInSet(whole: number, set: RuleSet): number[] {
  const splitter = new Splitter();
  return Array.from(splitter.parts.subarray(0, splitter.split(set, whole)));
}

/**
 * Splits amounts as `splitInSet` does, into buffers it reuses: the crosswalk and its tables split every budget
 * amount, and a new array per split was most of their garbage. `split` writes the parts to `parts[0..n)` (in
 * the set's row order; the whole as one part when `set` is null) and returns n; they hold until the next call.
 */
export class Splitter {
  parts = new Float64Array(8);
  private inKeyOrder = new Float64Array(8);
  private remainders = new Float64Array(8);

  split(set: RuleSet | null, whole: number): number {
    const n = set ? set.targets.length : 1;
    if (!set || n === 1) {
      this.parts[0] = whole;
      return 1;
    }
    if (n > this.parts.length) this.grow(n);
    const order = set.tieOrder;
    const weights = set.splitWeights ?? (order ? order.map((i) => set.weights[i] as number) : set.weights);
    if (!order) {
      splitLargestRemainderInto(whole, weights, this.parts, this.remainders);
      return n;
    }
    splitLargestRemainderInto(whole, weights, this.inKeyOrder, this.remainders);
    for (let k = 0; k < n; k++) this.parts[order[k] as number] = this.inKeyOrder[k] as number;
    return n;
  }

  private grow(n: number): void {
    this.parts = new Float64Array(n);
    this.inKeyOrder = new Float64Array(n);
    this.remainders = new Float64Array(n);
  }
}

/** Greatest common divisor, to split by the smallest weights with the same proportions (a faster split). */
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Readies sets for the hot loop: their keys, their tie order, their weights in that order divided by their
 * common divisor (the same split, with smaller numbers), and the numbers of their targets among all targets.
 */
function prepareSets(sets: Map<string, RuleSet>, targetNumber: (t: Target) => number): void {
  for (const set of sets.values()) {
    set.keys = set.targets.map((t) => t.key);
    const byKey = set.keys.map((_, i) => i).sort((a, b) => compareKeys(set.keys as string[], a, b));
    set.tieOrder = byKey.every((t, i) => t === i) ? null : byKey;
    const ordered = (set.tieOrder ?? byKey).map((i) => set.weights[i] as number);
    const divisor = ordered.reduce(gcd, 0) || 1;
    set.splitWeights = ordered.map((w) => w / divisor);
    set.numbers = Int32Array.from(set.targets, targetNumber);
  }
}

/** Every target money can land on, numbered: the Ledger's keys, in the order first met. */
class TargetNumbers {
  readonly keys: string[] = [];
  private readonly byKey = new Map<string, number>();

  number(t: Target): number {
    let n = this.byKey.get(t.key);
    if (n === undefined) {
      n = this.keys.length;
      this.keys.push(t.key);
      this.byKey.set(t.key, n);
    }
    return n;
  }
}

/** The crosswalk's sums while lines are allocated: direct amounts by target, and the budget totals. */
interface Sums {
  direct: LedgerSums;
  budget: LedgerSums;
  splitter: Splitter;
}

export function allocateCrosswalk(
  model: WorkbookModel,
  known: KnownTargets = knownTargets(model),
): CrosswalkResult {
  const b = model.budgetColumns;
  const sets = buildRuleSets(model, known);
  const numbers = new TargetNumbers();
  for (const t of DESTINATIONS) numbers.number(t);
  prepareSets(sets, (t) => numbers.number(t));
  const setList = [...sets.values()];
  setList.forEach((set, i) => (set.position = i));
  const sums: Sums = {
    direct: new LedgerSums(numbers.keys, model.series.length),
    budget: new LedgerSums(['total'], model.series.length),
    splitter: new Splitter(),
  };
  const lineSet = new Int32Array(b.size).fill(-1);
  const lineTo = new Uint8Array(b.size);
  const recast = new Map<number, Int32Array>();
  const matcher = new LineMatcher(model, sets);
  for (let line = 0; line < b.size; line++) {
    // Receipts and intra-agency amounts are never allocated: they sit on their own rows so totals tie out.
    if (b.lineType[line] !== SPENDING) {
      lineTo[line] = b.lineType[line] === RECEIPT ? 1 : 2;
      addWhole(b, line, DESTINATIONS[lineTo[line] as number] as Target, sums);
      continue;
    }
    const years = matcher.recastYears(line);
    if (years) {
      recast.set(line, allocateRecast(b, line, years, matcher, sums));
      continue;
    }
    const set = matcher.undatedSet(line);
    if (set) set.linesMatched += 1;
    const usable = usableOf(set);
    if (usable) {
      lineSet[line] = usable.position as number;
      addSplit(b, line, usable, sums);
    } else addWhole(b, line, UNMAPPED, sums);
  }
  return {
    sets: setList,
    lineSet,
    lineTo,
    recast,
    direct: sums.direct.toLedger(AMOUNT_TYPES),
    budget: sums.budget.toLedger(AMOUNT_TYPES),
    // A target's total first: it names the overflow more closely than the Budget's.
    overflows: [...sums.direct.overflows(AMOUNT_TYPES), ...sums.budget.overflows(AMOUNT_TYPES)],
  };
}

const usableOf = (set: RuleSet | null) => (set && set.weights.some((w) => w > 0) ? set : null);

/** Adds one amount to the budget total of its type and series. */
function addTotal(b: BudgetColumns, line: number, a: number, sums: Sums): void {
  const slot = sums.budget.slot(b.amountType[line] as number, b.amountSeries[a] as number);
  sums.budget.add(slot, 0, b.amountValue[a] as number);
}

/** A line whose amounts go whole to one place. */
function addWhole(b: BudgetColumns, line: number, to: Target, sums: Sums): void {
  const target = DESTINATIONS.indexOf(to);
  for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
    addTotal(b, line, a, sums);
    const slot = sums.direct.slot(b.amountType[line] as number, b.amountSeries[a] as number);
    sums.direct.add(slot, target, b.amountValue[a] as number);
  }
}

/** A line whose every amount is split by one set. */
function addSplit(b: BudgetColumns, line: number, set: RuleSet, sums: Sums): void {
  for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
    addTotal(b, line, a, sums);
    addParts(b, line, a, set, sums);
  }
}

/** One amount's parts, added to their targets. */
function addParts(b: BudgetColumns, line: number, a: number, set: RuleSet, sums: Sums): void {
  const slot = sums.direct.slot(b.amountType[line] as number, b.amountSeries[a] as number);
  const ids = set.numbers as Int32Array;
  if (ids.length === 1) {
    sums.direct.add(slot, ids[0] as number, b.amountValue[a] as number);
    return;
  }
  sums.splitter.split(set, b.amountValue[a] as number);
  const parts = sums.splitter.parts;
  for (let t = 0; t < ids.length; t++) sums.direct.add(slot, ids[t] as number, parts[t] as number);
}

/** A line of a recast account: each amount uses its year's rows when the year has any, else the undated rows. */
function allocateRecast(
  b: BudgetColumns,
  line: number,
  years: Set<number>,
  matcher: LineMatcher,
  sums: Sums,
): Int32Array {
  const start = b.amountStart[line] as number;
  const out = new Int32Array((b.amountStart[line + 1] as number) - start);
  const counted = new Set<RuleSet>();
  for (let a = start; a < (b.amountStart[line + 1] as number); a++) {
    addTotal(b, line, a, sums);
    const year = matcher.yearOf(b.amountSeries[a] as number);
    const matched = years.has(year) ? matcher.datedSet(line, year) : matcher.undatedSet(line);
    if (matched && !counted.has(matched)) {
      matched.linesMatched += 1;
      counted.add(matched);
    }
    const set = usableOf(matched);
    out[a - start] = set ? (set.position as number) : -1;
    if (set) addParts(b, line, a, set, sums);
    else {
      const slot = sums.direct.slot(b.amountType[line] as number, b.amountSeries[a] as number);
      sums.direct.add(slot, 0, b.amountValue[a] as number);
    }
  }
  return out;
}

/**
 * Finds the rule set of a budget line. Most accounts are mapped at account level only: those are matched once
 * per account. Accounts with rows by program activity or object class are matched once per combination.
 */
class LineMatcher {
  private readonly b: BudgetColumns;
  private readonly specific: Set<string>;
  /** `year account` of the accounts recast for a year: for that year their dated rows replace the undated. */
  private readonly recast: Set<string>;
  private readonly recastAccounts: Set<string>;
  private readonly byAccount = new Map<number, RuleSet | null>();
  private readonly byCombination = new Map<string, RuleSet | null>();
  private readonly years: number[];

  constructor(
    model: WorkbookModel,
    private readonly sets: Map<string, RuleSet>,
  ) {
    this.b = model.budgetColumns;
    this.years = model.series.map((s) => s.year);
    const dated = model.crosswalk.filter((r) => r.year !== null);
    this.specific = new Set(
      model.crosswalk.filter((r) => r.programActivity || r.objectClass).map((r) => accountKey(r.account)),
    );
    this.recast = new Set(dated.map((r) => `${r.year}\u0000${accountKey(r.account)}`));
    this.recastAccounts = new Set(dated.map((r) => accountKey(r.account)));
  }

  yearOf(series: number): number {
    return this.years[series] as number;
  }

  private identity(line: number) {
    const b = this.b;
    return {
      account: text(b, b.account, line),
      programActivity: text(b, b.programActivity, line),
      programActivityTitle: text(b, b.programActivityTitle, line),
      objectClass: text(b, b.objectClass, line),
    };
  }

  undatedSet(line: number): RuleSet | null {
    const b = this.b;
    const accountId = b.account[line] as number;
    const byAccount = this.byAccount.get(accountId);
    if (byAccount !== undefined) return byAccount;
    const id = this.identity(line);
    if (!lineAccountKeys(id.account).some((k) => this.specific.has(k))) {
      const set = matchSet(id, this.sets);
      this.byAccount.set(accountId, set);
      return set;
    }
    const combo = `${accountId} ${b.programActivity[line] as number} ${b.objectClass[line] as number}`;
    let set = this.byCombination.get(combo);
    if (set === undefined) {
      set = matchSet(id, this.sets);
      this.byCombination.set(combo, set);
    }
    return set;
  }

  datedSet(line: number, year: number): RuleSet | null {
    return matchSet(this.identity(line), this.sets, year);
  }

  /** The recast years of a line's account that its amounts fall in, or null (most lines). */
  recastYears(line: number): Set<number> | null {
    if (this.recastAccounts.size === 0) return null;
    const b = this.b;
    const accounts = lineAccountKeys(text(b, b.account, line));
    if (!accounts.some((k) => this.recastAccounts.has(k))) return null;
    const years = new Set<number>();
    for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
      const year = this.yearOf(b.amountSeries[a] as number);
      if (accounts.some((k) => this.recast.has(`${year}\u0000${k}`))) years.add(year);
    }
    return years.size > 0 ? years : null;
  }
}

/**
 * The rule set that split one amount (`amount` is its position among the Budget's amounts), or null when it
 * went whole to `destinationOf(c, line)`.
 */
export function setOf(c: CrosswalkResult, b: BudgetColumns, line: number, amount: number): RuleSet | null {
  const recast = c.recast.get(line);
  const position = recast ? recast[amount - (b.amountStart[line] as number)] : c.lineSet[line];
  return c.sets[position as number] ?? null;
}

/** Where a line's amounts go when no set splits them: Unmapped, offsetting receipts, or eliminated. */
export const destinationOf = (c: CrosswalkResult, line: number): Target =>
  DESTINATIONS[c.lineTo[line] as number] as Target;
