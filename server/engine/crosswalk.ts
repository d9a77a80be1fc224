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
  /** Target positions by key, when that differs from row order (see `splitInSet`). */
  tieOrder?: number[] | null;
  /** The weights in tie order, divided by their greatest common divisor: the same split, faster. */
  splitWeights?: number[];
  /** The sum of `splitWeights`, when they are checked safe non-negative integers with a positive sum. */
  splitTotal?: number;
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
  private readonly made = {
    objective: new Map<string, Target>(),
    goal: new Map<string, Target>(),
    pool: new Map<string, Target>(),
  };

  constructor(private readonly known: KnownTargets) {}

  of(rule: CrosswalkRule): Target {
    const t = rule.target;
    const typed = t.kind === 'pool' ? t.name : t.id;
    const made = this.made[t.kind].get(typed);
    if (made) return made;
    const target = this.resolve(rule);
    this.made[t.kind].set(typed, target);
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

/** Groups Crosswalk rows into rule sets and decides each set's weights; the index finds them by numbers. */
export function buildRuleSets(model: WorkbookModel, known: KnownTargets): RuleSets {
  const byKey = new Map<string, RuleSet>();
  const placed: { place: SetPlace; set: RuleSet }[] = [];
  const kinds: AccountKinds = { specific: new Set(), recast: new Set(), recastAccounts: new Set() };
  const accountKeys = new KeyMemo(accountKey);
  const activityKeys = new KeyMemo(activityKey);
  const classKeys = new KeyMemo(objectClassKey);
  let previous: CrosswalkRule | null = null;
  let set: RuleSet | null = null;
  for (const rule of model.crosswalk) {
    // A set's rows are usually neighbours: one with the texts of the row before joins its set unkeyed.
    if (set && previous && sameIdentity(rule, previous)) {
      set.rules.push(rule);
      continue;
    }
    previous = rule;
    const place: SetPlace = {
      year: rule.year,
      account: accountKeys.of(rule.account),
      activity: activityKeys.of(rule.programActivity),
      objectClass: classKeys.of(rule.objectClass),
    };
    noteKind(kinds, rule, place.account);
    const key = setKey(place);
    set = byKey.get(key) ?? null;
    if (!set) {
      set = emptySet(key, rule);
      byKey.set(key, set);
      placed.push({ place, set });
    }
    set.rules.push(rule);
  }
  const targets = new TargetResolver(known);
  for (const { set } of placed) weighSet(set, targets);
  return { sets: placed.map((p) => p.set), index: new SetIndex(placed), kinds };
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

/** A text's key, worked out once per distinct text (a Crosswalk repeats its accounts, codes and classes). */
class KeyMemo {
  private readonly keys = new Map<string, string>();

  constructor(private readonly key: (text: string) => string) {}

  of(text: string): string {
    let key = this.keys.get(text);
    if (key === undefined) {
      key = this.key(text);
      this.keys.set(text, key);
    }
    return key;
  }
}

function emptySet(key: string, rule: CrosswalkRule): RuleSet {
  const where = describeLine(rule.account, rule.programActivity, rule.objectClass);
  return {
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
}

/** A row's share as a weight: shares typed as whole numbers (40 for 40%) are read as percents. */
const shareOf = (rule: CrosswalkRule, wholeNumbers: boolean) =>
  wholeNumbers ? Math.round(rule.share / 100) : rule.share;

/** A set's targets and weights from its rows: one part per target, its rows' shares added. */
function weighSet(set: RuleSet, targets: TargetResolver): void {
  // The rules registry reports shares typed as whole numbers.
  let typed = 0;
  let allWhole = true;
  for (const r of set.rules)
    if (r.share !== 0) {
      typed += 1;
      allWhole &&= r.shareAsWholeNumber;
    }
  const wholeNumbers = typed > 0 && allWhole;
  set.wholeNumbers = wholeNumbers;
  let sum = 0;
  for (const rule of set.rules) {
    const share = shareOf(rule, wholeNumbers);
    sum += share;
    if (rule.share === 0) continue;
    const target = targets.of(rule);
    const at = set.targets.indexOf(target);
    if (at >= 0) {
      set.weights[at] = (set.weights[at] as number) + share;
      set.shares[at] = (set.shares[at] as number) + share;
      continue;
    }
    set.targets.push(target);
    set.weights.push(share);
    set.shares.push(share);
    set.ruleLocs.push(rule.loc);
  }
  set.sum = sum;
  // Shares short of 100% leave the rest Unmapped; shares over 100% are scaled down by the weights themselves.
  if (set.sum < SHARE_SCALE - TOLERANCE) {
    set.targets.push(UNMAPPED);
    set.weights.push(SHARE_SCALE - set.sum);
    set.shares.push(SHARE_SCALE - set.sum);
    set.ruleLocs.push(null);
  }
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
  private readonly scratch = new SplitScratch();

  split(set: RuleSet | null, whole: number): number {
    const n = set ? set.targets.length : 1;
    if (!set || n === 1) {
      this.parts[0] = whole;
      return 1;
    }
    if (n > this.parts.length) {
      this.parts = new Float64Array(n);
      this.inKeyOrder = new Float64Array(n);
    }
    const order = set.tieOrder;
    const weights = set.splitWeights ?? (order ? order.map((i) => set.weights[i] as number) : set.weights);
    this.scratch.split(whole, weights, set.splitTotal, order ? this.inKeyOrder : this.parts);
    if (order) for (let k = 0; k < n; k++) this.parts[order[k] as number] = this.inKeyOrder[k] as number;
    return n;
  }
}

/** Greatest common divisor, to split by the smallest weights with the same proportions (a faster split). */
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Readies a set for the hot loop: its keys, its tie order, its weights in that order divided by their common
 * divisor (the same split, with smaller numbers) and their total, checked once here rather than per amount
 * (weights a split would refuse get no total, so splitting by them still throws), and the numbers of its
 * targets among all targets.
 */
function prepareSet(set: RuleSet, numbers: TargetNumbers): void {
  set.numbers = numbers.ofSet(set.targets);
  set.tieOrder = null;
  if (set.targets.length === 1) {
    set.splitWeights = set.weights;
    return;
  }
  const keys = set.targets.map((t) => t.key);
  const byKey = keys.map((_, i) => i).sort((a, b) => compareKeys(keys, a, b));
  set.tieOrder = byKey.every((t, i) => t === i) ? null : byKey;
  const ordered = byKey.map((i) => set.weights[i] as number);
  const divisor = ordered.reduce(gcd, 0) || 1;
  set.splitWeights = ordered.map((w) => w / divisor);
  const checked = set.splitWeights.every((w) => Number.isSafeInteger(w) && w >= 0);
  const total = set.splitWeights.reduce((s, w) => s + w, 0);
  if (checked && total > 0 && Number.isSafeInteger(total)) set.splitTotal = total;
}

/** Every target money can land on, numbered: the Ledger's keys, in the order first met. */
class TargetNumbers {
  readonly keys: string[] = [];
  private readonly byKey = new Map<string, number>();
  /** One array per target for the sets with that one target (most sets): they need not each have their own. */
  private readonly single: Int32Array[] = [];

  number(t: Target): number {
    let n = this.byKey.get(t.key);
    if (n === undefined) {
      n = this.keys.length;
      this.keys.push(t.key);
      this.byKey.set(t.key, n);
    }
    return n;
  }

  /** The numbers of a set's targets. */
  ofSet(targets: readonly Target[]): Int32Array {
    if (targets.length !== 1) return Int32Array.from(targets, (t) => this.number(t));
    const n = this.number(targets[0] as Target);
    return (this.single[n] ??= Int32Array.of(n));
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
  const { sets, index, kinds } = buildRuleSets(model, known);
  const numbers = new TargetNumbers();
  for (const t of DESTINATIONS) numbers.number(t);
  sets.forEach((set, i) => {
    prepareSet(set, numbers);
    set.position = i;
  });
  const sums: Sums = {
    direct: new LedgerSums(numbers.keys, model.series.length),
    budget: new LedgerSums(['total'], model.series.length),
    splitter: new Splitter(),
  };
  const lineSet = new Int32Array(b.size).fill(-1);
  const lineTo = new Uint8Array(b.size);
  const recast = new Map<number, Int32Array>();
  const matcher = new LineMatcher(b, index, kinds);
  const yearOf = (series: number) => (model.series[series] as Series).year;
  for (let line = 0; line < b.size; line++) {
    // Receipts and intra-agency amounts are never allocated: they sit on their own rows so totals tie out.
    if (b.lineType[line] !== SPENDING) {
      lineTo[line] = b.lineType[line] === RECEIPT ? 1 : 2;
      addWhole(b, line, lineTo[line] as number, sums);
      continue;
    }
    const years = matcher.recastYears(line, yearOf);
    if (years) {
      recast.set(line, allocateRecast(b, line, years, matcher, yearOf, sums));
      continue;
    }
    const set = matcher.undatedSet(line);
    if (set) set.linesMatched += 1;
    const usable = usableOf(set);
    if (usable) {
      lineSet[line] = usable.position as number;
      addSplit(b, line, usable, sums);
    } else addWhole(b, line, 0, sums);
  }
  return {
    sets,
    lineSet,
    lineTo,
    recast,
    direct: sums.direct.toLedger(AMOUNT_TYPES),
    budget: sums.budget.toLedger(AMOUNT_TYPES),
    // A target's total first: it names the overflow more closely than the Budget's.
    overflows: [...sums.direct.overflows(AMOUNT_TYPES), ...sums.budget.overflows(AMOUNT_TYPES)],
  };
}

/** A set that can split an amount: some weight above zero (else its lines go whole to Unmapped). */
const usableOf = (set: RuleSet | null) => (set && set.weights.some((w) => w > 0) ? set : null);

/** Adds one amount to the budget total of its type and series. */
function addTotal(b: BudgetColumns, line: number, a: number, sums: Sums): void {
  const slot = sums.budget.slot(b.amountType[line] as number, b.amountSeries[a] as number);
  sums.budget.add(slot, 0, b.amountValue[a] as number);
}

/** A line whose amounts go whole to one place (`to`, a position in `DESTINATIONS`). */
function addWhole(b: BudgetColumns, line: number, to: number, sums: Sums): void {
  for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
    addTotal(b, line, a, sums);
    const slot = sums.direct.slot(b.amountType[line] as number, b.amountSeries[a] as number);
    sums.direct.add(slot, to, b.amountValue[a] as number);
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
  sums.direct.addParts(slot, ids, sums.splitter.parts);
}

/** A line of a recast account: each amount uses its year's rows when the year has any, else the undated rows. */
function allocateRecast(
  b: BudgetColumns,
  line: number,
  years: Set<number>,
  matcher: LineMatcher,
  yearOf: (series: number) => number,
  sums: Sums,
): Int32Array {
  const start = b.amountStart[line] as number;
  const out = new Int32Array((b.amountStart[line + 1] as number) - start);
  const counted = new Set<RuleSet>();
  for (let a = start; a < (b.amountStart[line + 1] as number); a++) {
    addTotal(b, line, a, sums);
    const year = yearOf(b.amountSeries[a] as number);
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
