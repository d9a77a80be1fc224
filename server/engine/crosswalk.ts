import type { BudgetColumns, CrosswalkRule, Loc, Series, WorkbookModel } from '../../models';
import { AMOUNT_TYPES, RECEIPT, SPENDING } from './budget';
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
import { SplitScratch } from './money';
import {
  accountKey,
  type AccountKinds,
  activityKey,
  type Interner,
  LineMatcher,
  SetIndex,
  type SetPlace,
  tableKey,
} from './crosswalkMatch';
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
  /** The set's position in `CrosswalkResult.sets`. */
  position: number;
  /** Its split as numbers, with every other set's (see `SetLayout`): made by `allocateCrosswalk`. */
  layout: SetLayout | null;
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

/** Undated rows and the rows of each recast year form separate sets (their key, as `RuleSet.key`). */
const setKey = (place: SetPlace) =>
  `${place.year ?? ''}\u0000${place.account}\u0000${place.activity}\u0000${place.objectClass}`;

/**
 * Resolves rules' targets against the plan; an unknown one is Unmapped (the rules registry says why). Each
 * target is made once and shared by every set that uses it: a department's Crosswalk names the same few dozen
 * objectives in a hundred thousand rows.
 */
class TargetResolver {
  /** By kind, then by the ID or name as typed: the rows' own texts, so no key is made per row. */
  private readonly objectives = new Map<string, Target>();
  private readonly goals = new Map<string, Target>();
  private readonly pools = new Map<string, Target>();

  constructor(private readonly known: KnownTargets) {}

  of(rule: CrosswalkRule): Target {
    const t = rule.target;
    const made = t.kind === 'pool' ? this.pools : t.kind === 'goal' ? this.goals : this.objectives;
    const typed = t.kind === 'pool' ? t.name : t.id;
    let target = made.get(typed);
    if (!target) {
      target = this.resolve(rule);
      made.set(typed, target);
    }
    return target;
  }

  private resolve(rule: CrosswalkRule): Target {
    const t = rule.target;
    if (t.kind === 'objective' && this.known.objectives.has(t.id))
      return { kind: 'objective', id: t.id, key: targetKey('objective', t.id) };
    if (t.kind === 'goal' && this.known.goals.has(t.id))
      return { kind: 'goal', id: t.id, key: targetKey('goal', t.id) };
    if (t.kind === 'pool') {
      const name = this.known.pools.get(t.name.toUpperCase());
      if (name) return { kind: 'pool', id: name, key: targetKey('pool', name) };
    }
    return UNMAPPED;
  }
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

/** Crosswalk rows grouped into rule sets with their weights, the index that finds them, and its accounts' kinds. */
export interface RuleSets {
  sets: RuleSet[];
  index: SetIndex;
  kinds: AccountKinds;
}

/**
 * Groups Crosswalk rows into rule sets and decides each set's weights; the index finds them by numbers. Its
 * loops (and the layout's) index their arrays: they run once per workbook, much of it before they are
 * optimised, where a for-of loop makes an iterator result for every row and set.
 */
export function buildRuleSets(model: WorkbookModel, known: KnownTargets): RuleSets {
  const rows = model.crosswalk;
  const sets: BuiltSet[] = [];
  const setOfRow = new Int32Array(rows.length);
  const index = new SetIndex();
  const kinds: AccountKinds = { specific: new Set(), recast: new Set(), recastAccounts: new Set() };
  const accounts = new KeyMemo(accountKey);
  const activities = new NumberMemo(activityKey, index.activities);
  const classes = new NumberMemo(objectClassKey, index.objectClasses);
  let set: BuiltSet | null = null;
  for (let r = 0; r < rows.length; r++) {
    const rule = rows[r] as CrosswalkRule;
    // A set's rows are usually neighbours: one with the texts of the row before joins its set unlooked-up.
    if (!set || !sameIdentity(rule, rows[r - 1] as CrosswalkRule)) {
      const account = accounts.of(rule.account);
      noteKind(kinds, rule, account);
      const table = index.table(account, rule.year);
      const key = index.key(activities.of(rule.programActivity), classes.of(rule.objectClass));
      set = (table.get(key) as BuiltSet | undefined) ?? null;
      if (!set) {
        set = new BuiltSet(sets.length, rule);
        sets.push(set);
        table.set(key, set);
      }
    }
    setOfRow[r] = set.position;
    set.rowCount += 1;
  }
  giveRows(sets, rows, setOfRow);
  const weigher = new Weigher(new TargetResolver(known));
  for (let s = 0; s < sets.length; s++) weigher.weigh(sets[s] as BuiltSet);
  return { sets, index, kinds };
}

/** Two Crosswalk rows typed with the same year, account, program activity and object class. */
const sameIdentity = (a: CrosswalkRule, b: CrosswalkRule) =>
  a.year === b.year &&
  a.account === b.account &&
  a.programActivity === b.programActivity &&
  a.objectClass === b.objectClass;

/** Notes whether a row makes its account specific (rows by program activity or object class) or recast. */
function noteKind(kinds: AccountKinds, rule: CrosswalkRule, account: string): void {
  if (rule.programActivity || rule.objectClass) kinds.specific.add(account);
  if (rule.year === null) return;
  kinds.recast.add(tableKey(account, rule.year));
  kinds.recastAccounts.add(account);
}

/**
 * A text's key, worked out once per distinct text (a Crosswalk repeats its accounts, codes and classes); the
 * last text asked is answered without a lookup (a Crosswalk's rows come account by account).
 */
class KeyMemo {
  private readonly keys = new Map<string, string>();
  private lastText: string | null = null;
  private lastKey = '';

  constructor(private readonly key: (text: string) => string) {}

  of(text: string): string {
    if (text === this.lastText) return this.lastKey;
    let key = this.keys.get(text);
    if (key === undefined) {
      key = this.key(text);
      this.keys.set(text, key);
    }
    this.lastText = text;
    this.lastKey = key;
    return key;
  }
}

/** A text's key's number among the index's activities or object classes, worked out as `KeyMemo` works keys. */
class NumberMemo {
  private readonly numbers = new Map<string, number>();
  private lastText: string | null = null;
  private lastNumber = 0;

  constructor(
    private readonly key: (text: string) => string,
    private readonly among: Interner,
  ) {}

  of(text: string): number {
    if (text === this.lastText) return this.lastNumber;
    let n = this.numbers.get(text);
    if (n === undefined) {
      n = this.among.intern(this.key(text));
      this.numbers.set(text, n);
    }
    this.lastText = text;
    this.lastNumber = n;
    return n;
  }
}

/** Shared by sets until their own arrays are made (`giveRows`, `Weigher`): never written to. */
const NONE: never[] = [];

/**
 * A rule set as `buildRuleSets` makes it. A department's Crosswalk makes tens of thousands of sets, so each
 * holds arrays of its own exact length (an array grown by pushing keeps room for 17), and its `key` and `where`
 * are worked out from its first row only when asked (by a message, or a test).
 */
class BuiltSet implements RuleSet {
  rules: CrosswalkRule[] = NONE;
  targets: Target[] = NONE;
  weights: number[] = NONE;
  shares: number[] = NONE;
  ruleLocs: (Loc | null)[] = NONE;
  sum = 0;
  wholeNumbers = false;
  layout: SetLayout | null = null;
  linesMatched = 0;
  /** How many Crosswalk rows are the set's, while they are grouped. */
  rowCount = 0;

  constructor(
    public position: number,
    private readonly first: CrosswalkRule,
  ) {}

  get key(): string {
    const r = this.first;
    return setKey({
      year: r.year,
      account: accountKey(r.account),
      activity: activityKey(r.programActivity),
      objectClass: objectClassKey(r.objectClass),
    });
  }

  get where(): string {
    const r = this.first;
    const where = describeLine(r.account, r.programActivity, r.objectClass);
    return r.year === null ? where : `${where}, FY${r.year}`;
  }
}

/** Gives each set its rows (`setOfRow[r]` is row r's set), in Crosswalk order, each list its exact length. */
function giveRows(sets: readonly BuiltSet[], rows: readonly CrosswalkRule[], setOfRow: Int32Array): void {
  const next = new Int32Array(sets.length);
  for (let s = 1; s < sets.length; s++)
    next[s] = (next[s - 1] as number) + (sets[s - 1] as BuiltSet).rowCount;
  const order = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const s = setOfRow[r] as number;
    order[next[s] as number] = r;
    next[s] = (next[s] as number) + 1;
  }
  const bySet: CrosswalkRule[] = [];
  for (let k = 0; k < rows.length; k++) bySet.push(rows[order[k] as number] as CrosswalkRule);
  let at = 0;
  for (let s = 0; s < sets.length; s++) {
    const set = sets[s] as BuiltSet;
    set.rules = bySet.slice(at, at + set.rowCount);
    at += set.rowCount;
  }
}

/** A row's share as a weight: shares typed as whole numbers (40 for 40%) are read as percents. */
const shareOf = (rule: CrosswalkRule, wholeNumbers: boolean) =>
  wholeNumbers ? Math.round(rule.share / 100) : rule.share;

/**
 * Decides sets' targets and weights from their rows: one part per target, its rows' shares added. Works in
 * scratch arrays and gives each set copies of their exact length.
 */
class Weigher {
  // Scratch, written from the start and never shortened: setting an array's length to 0 drops its storage,
  // and every set would then grow new storage.
  private readonly targets: Target[] = [];
  private readonly weights: number[] = [];
  private readonly locs: (Loc | null)[] = [];

  constructor(private readonly resolver: TargetResolver) {}

  weigh(set: RuleSet): void {
    const { targets, weights, locs } = this;
    let n = 0;
    const wholeNumbers = typedAsWholeNumbers(set.rules);
    set.wholeNumbers = wholeNumbers;
    let sum = 0;
    for (let r = 0; r < set.rules.length; r++) {
      const rule = set.rules[r] as CrosswalkRule;
      const share = shareOf(rule, wholeNumbers);
      sum += share;
      if (rule.share === 0) continue;
      const target = this.resolver.of(rule);
      const at = targets.indexOf(target);
      if (at >= 0 && at < n) {
        weights[at] = (weights[at] as number) + share;
        continue;
      }
      targets[n] = target;
      weights[n] = share;
      locs[n] = rule.loc;
      n += 1;
    }
    set.sum = sum;
    // Shares short of 100% leave the rest Unmapped; shares over 100% are scaled down by the weights themselves.
    if (sum < SHARE_SCALE - TOLERANCE) {
      targets[n] = UNMAPPED;
      weights[n] = SHARE_SCALE - sum;
      locs[n] = null;
      n += 1;
    }
    set.targets = targets.slice(0, n);
    set.weights = weights.slice(0, n);
    // A part's share shown is its weight: one array serves as both.
    set.shares = set.weights;
    set.ruleLocs = locs.slice(0, n);
  }
}

/** Every share typed (not zero) was typed as a whole number; the rules registry reports such sets. */
function typedAsWholeNumbers(rules: readonly CrosswalkRule[]): boolean {
  let typed = 0;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i] as CrosswalkRule;
    if (r.share === 0) continue;
    typed += 1;
    if (!r.shareAsWholeNumber) return false;
  }
  return typed > 0;
}

/**
 * Splits an amount by a set's weights. Largest-remainder rounding gives a tied unit to the earlier part, so
 * the parts are taken in target-key order: which objective gets the odd cent then does not depend on the
 * order of the Crosswalk rows (moving a row must not move a cent). The parts come back in row order.
 */
export function splitInSet(whole: number, set: RuleSet): number[] {
  const splitter = new Splitter();
  // Split first: a set of more targets than the buffers hold gets new buffers.
  const n = splitter.split(set, whole);
  return Array.from(splitter.parts.subarray(0, n));
}

/**
 * Splits amounts as `splitInSet` does, into buffers it reuses: the crosswalk and its tables split every budget
 * amount, and a new array per split was most of their garbage. `split` writes the parts to `parts[0..n)` (in
 * the set's row order; the whole as one part when `set` is null) and returns n; they hold until the next call.
 */
export class Splitter {
  parts = new Float64Array(8);
  /** The parts in the set's tie order, as `splitKeyed` leaves them. */
  keyed = new Float64Array(8);
  private readonly scratch = new SplitScratch();

  split(set: RuleSet | null, whole: number): number {
    if (!set) {
      this.parts[0] = whole;
      return 1;
    }
    return this.splitAt(set.layout as SetLayout, set.position, whole);
  }

  /** `split` by the set at `position` in a layout. */
  splitAt(layout: SetLayout, position: number, whole: number): number {
    const n = this.splitKeyed(layout, position, whole);
    const from = layout.start[position] as number;
    for (let i = 0; i < n; i++) this.parts[i] = this.keyed[layout.tiePlace[from + i] as number] as number;
    return n;
  }

  /**
   * The parts of a split by the set at `position`, in its tie order, to `keyed[0..n)`; returns n. The
   * crosswalk's inner loop adds them from there through `SetLayout.tiePlace`, rather than copying them into
   * row order first.
   */
  splitKeyed(layout: SetLayout, position: number, whole: number): number {
    const from = layout.start[position] as number;
    const n = (layout.start[position + 1] as number) - from;
    if (n > this.parts.length) {
      this.parts = new Float64Array(n);
      this.keyed = new Float64Array(n);
    }
    const total = layout.total[position] as number;
    if (n === 1) this.keyed[0] = whole;
    else if (!(total > 0 && this.scratch.splitChecked(whole, layout.weight, from, n, total, this.keyed)))
      this.scratch.split(whole, layout.weight.subarray(from, from + n), undefined, this.keyed);
    return n;
  }
}

/**
 * Every rule set's split as numbers, one set after another in flat arrays, so the loops that split every budget
 * amount read typed arrays rather than objects. Set s has parts `start[s]` to `start[s + 1]`; each part (in row
 * order) has its target's number among all the crosswalk's targets (see `TargetNumbers`) and its place in the
 * set's tie order (target-key order, see `splitInSet`); the weights are kept in tie order, divided by their
 * greatest common divisor (the same split, with smaller numbers).
 */
export class SetLayout {
  readonly start: Int32Array;
  readonly target: Int32Array;
  readonly tiePlace: Int32Array;
  readonly weight: Float64Array;
  /**
   * Per set: the sum of its weights when they are checked safe non-negative integers with a positive sum, else
   * 0 (splitting by such weights takes the general path, which still refuses them). Checked once per set here,
   * not once per amount.
   */
  readonly total: Float64Array;
  /** Per set: 1 when some weight is above zero, else 0 (its lines then go whole to Unmapped). */
  readonly usable: Uint8Array;

  constructor(sets: readonly RuleSet[], numbers: TargetNumbers) {
    let parts = 0;
    for (let s = 0; s < sets.length; s++) parts += (sets[s] as RuleSet).targets.length;
    this.start = new Int32Array(sets.length + 1);
    this.target = new Int32Array(parts);
    this.tiePlace = new Int32Array(parts);
    this.weight = new Float64Array(parts);
    this.total = new Float64Array(sets.length);
    this.usable = new Uint8Array(sets.length);
    const order: number[] = [];
    let at = 0;
    for (let s = 0; s < sets.length; s++) {
      const set = sets[s] as RuleSet;
      this.start[s] = at;
      this.place(set, s, at, numbers, order);
      at += set.targets.length;
      set.layout = this;
    }
    this.start[sets.length] = at;
  }

  /** Lays out set s from part `at`; `order` is scratch for its tie order. */
  private place(set: RuleSet, s: number, at: number, numbers: TargetNumbers, order: number[]): void {
    const n = set.targets.length;
    let divisor = 0;
    tieOrder(set.targets, order);
    for (let k = 0; k < n; k++) {
      const i = order[k] as number;
      this.target[at + i] = numbers.number(set.targets[i] as Target);
      this.tiePlace[at + i] = k;
      divisor = gcd(divisor, set.weights[i] as number);
      if ((set.weights[i] as number) > 0) this.usable[s] = 1;
    }
    // One part splits nothing: its weight as typed, like a set of one target always had.
    if (n === 1 || !divisor) divisor = 1;
    // Safe non-negative integers, tested inline: `Number.isSafeInteger` boxed each weight to be called.
    let checked = true;
    let total = 0;
    for (let k = 0; k < n; k++) {
      const w = (set.weights[order[k] as number] as number) / divisor;
      this.weight[at + k] = w;
      checked &&= w >= 0 && w <= Number.MAX_SAFE_INTEGER && Math.floor(w) === w;
      total += w;
    }
    if (checked && total > 0 && total <= Number.MAX_SAFE_INTEGER) this.total[s] = total;
  }
}

/**
 * Target positions in target-key order into `order[0, targets.length)` (a stable insertion sort: sets have a few
 * targets). `order` is scratch, never shortened (see `Weigher`).
 */
function tieOrder(targets: readonly Target[], order: number[]): void {
  for (let i = 0; i < targets.length; i++) {
    const key = (targets[i] as Target).key;
    let k = i;
    while (k > 0 && (targets[order[k - 1] as number] as Target).key > key) {
      order[k] = order[k - 1] as number;
      k--;
    }
    order[k] = i;
  }
}

/** Greatest common divisor, to split by the smallest weights with the same proportions (a faster split). */
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

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

export function allocateCrosswalk(
  model: WorkbookModel,
  known: KnownTargets = knownTargets(model),
): CrosswalkResult {
  const b = model.budgetColumns;
  const { sets, index, kinds } = buildRuleSets(model, known);
  const numbers = new TargetNumbers();
  for (const t of DESTINATIONS) numbers.number(t);
  const layout = new SetLayout(sets, numbers);
  const lines = new Allocation(b, layout, numbers.keys, model.series.length);
  const matcher = new LineMatcher(b, index, kinds);
  const yearOf = (series: number) => (model.series[series] as Series).year;
  // Local copies: a constant imported from another module is a getter call per use under tsx (CommonJS).
  const spending = SPENDING;
  // Most Crosswalks recast no account by year: their lines need not be asked.
  const anyRecast = kinds.recastAccounts.size > 0;
  const receipt = RECEIPT;
  for (let line = 0; line < b.size; line++) {
    // Receipts and intra-agency amounts are never allocated: they sit on their own rows so totals tie out.
    const lineType = b.lineType[line] as number;
    if (lineType !== spending) {
      lines.whole(line, lineType === receipt ? 1 : 2);
      continue;
    }
    const years = anyRecast ? matcher.recastYears(line, yearOf) : null;
    if (years) {
      lines.recast(line, years, matcher, yearOf);
      continue;
    }
    const set = matcher.undatedSet(line);
    if (set) set.linesMatched += 1;
    if (set && layout.usable[set.position] === 1) lines.split(line, set.position);
    else lines.whole(line, 0);
  }
  return lines.result(sets);
}

/**
 * The crosswalk's sums while lines are allocated (direct amounts by target, and in the same slots the budget
 * totals: see `LedgerSums`) and where each line went.
 */
class Allocation {
  private readonly lineSet: Int32Array;
  private readonly lineTo: Uint8Array;
  private readonly recastSets = new Map<number, Int32Array>();
  private readonly sums: LedgerSums;
  private readonly splitter = new Splitter();

  constructor(
    private readonly b: BudgetColumns,
    private readonly layout: SetLayout,
    keys: readonly string[],
    seriesCount: number,
  ) {
    this.lineSet = new Int32Array(b.size).fill(-1);
    this.lineTo = new Uint8Array(b.size);
    this.sums = new LedgerSums(keys, seriesCount, AMOUNT_TYPES.length, !magnitudesStayExact(b));
  }

  /** A line whose amounts go whole to one place (`to`, a position in `DESTINATIONS`). */
  whole(line: number, to: number): void {
    const b = this.b;
    const sums = this.sums;
    this.lineTo[line] = to;
    const type = b.amountType[line] as number;
    for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
      const slot = sums.slot(type, b.amountSeries[a] as number);
      sums.addTotal(slot, b.amountValue, a);
      sums.add(slot, to, b.amountValue, a);
    }
  }

  /** A line whose every amount is split by the set at `position`. */
  split(line: number, position: number): void {
    const b = this.b;
    const sums = this.sums;
    this.lineSet[line] = position;
    const type = b.amountType[line] as number;
    const from = this.layout.start[position] as number;
    const single = (this.layout.start[position + 1] as number) - from === 1;
    const target = this.layout.target[from] as number;
    for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
      const slot = sums.slot(type, b.amountSeries[a] as number);
      sums.addTotal(slot, b.amountValue, a);
      if (single) sums.add(slot, target, b.amountValue, a);
      else this.splitAmount(slot, position, a);
    }
  }

  /** A line of a recast account: each amount uses its year's rows when the year has any, else the undated rows. */
  recast(line: number, years: Set<number>, matcher: LineMatcher, yearOf: (series: number) => number): void {
    const b = this.b;
    const sums = this.sums;
    const type = b.amountType[line] as number;
    const start = b.amountStart[line] as number;
    const out = new Int32Array((b.amountStart[line + 1] as number) - start);
    const counted = new Set<RuleSet>();
    for (let a = start; a < (b.amountStart[line + 1] as number); a++) {
      const slot = sums.slot(type, b.amountSeries[a] as number);
      sums.addTotal(slot, b.amountValue, a);
      const year = yearOf(b.amountSeries[a] as number);
      const matched = years.has(year) ? matcher.datedSet(line, year) : matcher.undatedSet(line);
      if (matched && !counted.has(matched)) {
        matched.linesMatched += 1;
        counted.add(matched);
      }
      const usable = matched !== null && this.layout.usable[matched.position] === 1;
      out[a - start] = usable ? matched.position : -1;
      if (usable) this.addParts(slot, matched.position, a);
      else sums.add(slot, 0, b.amountValue, a);
    }
    this.recastSets.set(line, out);
  }

  /** Amount `a`'s parts by the set at `position`, added to their targets in its slot. */
  private addParts(slot: number, position: number, a: number): void {
    const from = this.layout.start[position] as number;
    if ((this.layout.start[position + 1] as number) - from === 1)
      this.sums.add(slot, this.layout.target[from] as number, this.b.amountValue, a);
    else this.splitAmount(slot, position, a);
  }

  /**
   * `addParts` for a set of several targets. It takes the amount's position, not its value: a fractional or
   * large number passed to a call the compiler did not inline is boxed, and per amount that was most of the
   * crosswalk's garbage.
   */
  private splitAmount(slot: number, position: number, a: number): void {
    const layout = this.layout;
    const n = this.splitter.splitKeyed(layout, position, this.b.amountValue[a] as number);
    const keyed = this.splitter.keyed;
    const from = layout.start[position] as number;
    for (let i = 0; i < n; i++)
      this.sums.add(slot, layout.target[from + i] as number, keyed, layout.tiePlace[from + i] as number);
  }

  result(sets: RuleSet[]): CrosswalkResult {
    return {
      sets,
      lineSet: this.lineSet,
      lineTo: this.lineTo,
      recast: this.recastSets,
      direct: this.sums.toLedger(AMOUNT_TYPES),
      budget: this.sums.totalsLedger(AMOUNT_TYPES, 'total'),
      // A target's total first: it names the overflow more closely than the Budget's.
      overflows: [...this.sums.overflows(AMOUNT_TYPES), ...this.sums.totalOverflows(AMOUNT_TYPES, 'total')],
    };
  }
}

/**
 * The magnitudes of all the Budget's amounts add up within the exact range, so no total of any of them (or of
 * their parts, each no bigger than its amount) can pass it, and the sums need not test each addition. A float
 * sum of integers is exact while it stays within the range, and cannot come back within it once past.
 */
function magnitudesStayExact(b: BudgetColumns): boolean {
  let sum = 0;
  for (let a = 0; a < b.amountValue.length; a++) sum += Math.abs(b.amountValue[a] as number);
  return sum <= Number.MAX_SAFE_INTEGER;
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
