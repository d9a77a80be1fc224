import type { BudgetLine, CrosswalkRule, Loc, WorkbookModel } from '../../models';
import { SHARE_SCALE } from '../../models';
import { ELIMINATED, Ledger, RECEIPTS, type Target, targetKey, UNMAPPED } from './ledger';
import { splitLargestRemainder } from './money';
import { federalAccount, padCode, parseTas, renderTas } from './dataAct/tas';
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
  linesMatched: number;
}

export interface LineAllocation {
  line: BudgetLine;
  /** The rule set every amount of the line uses; null when none splits it (see `to`). */
  set: RuleSet | null;
  /** Where the whole line goes when no set splits it: Unmapped, offsetting receipts, or eliminated. */
  to: Target;
  /**
   * What each amount sends to each target, flat: `parts[a * width + t]` for `line.amounts[a]` and
   * `set.targets[t]`. Null when every amount goes whole to one place (a one-target set, or Unmapped), which is
   * most lines; read it through `partsOf`.
   */
  parts: number[] | null;
  /**
   * Only for a line whose account is recast for some years (Crosswalk rows with a Fiscal Year): each amount's
   * own set and parts, since the years use different rows. Read through `setOf` and `partsOf`.
   */
  byAmount?: { set: RuleSet | null; parts: number[] }[];
}

export interface CrosswalkResult {
  sets: RuleSet[];
  lines: LineAllocation[];
  /** Direct amounts by amount type, year and target key. */
  direct: Ledger;
  /** Budget totals by amount type and year (the source every output must tie out to). */
  budget: Ledger;
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

export function describe(account: string, pa: string, oc: string): string {
  return [`account ${account}`, pa && `program activity ${pa}`, oc && `object class ${oc}`]
    .filter(Boolean)
    .join(', ');
}

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
      const where = describe(rule.account, rule.programActivity, rule.objectClass);
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
function matchSet(line: BudgetLine, sets: Map<string, RuleSet>, year: number | null = null): RuleSet | null {
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
  const order = set.tieOrder;
  if (!order) return splitLargestRemainder(whole, set.weights);
  const split = splitLargestRemainder(
    whole,
    order.map((i) => set.weights[i] as number),
  );
  const parts = new Array<number>(order.length);
  order.forEach((i, k) => (parts[i] = split[k] as number));
  return parts;
}

export function allocateCrosswalk(
  model: WorkbookModel,
  known: KnownTargets = knownTargets(model),
): CrosswalkResult {
  const sets = buildRuleSets(model, known);
  for (const set of sets.values()) {
    set.keys = set.targets.map((t) => t.key);
    const byKey = set.keys.map((_, i) => i).sort((a, b) => compareKeys(set.keys as string[], a, b));
    set.tieOrder = byKey.every((t, i) => t === i) ? null : byKey;
  }
  const direct = new Ledger();
  const budget = new Ledger();
  const lines: LineAllocation[] = [];
  // Most accounts are mapped at account level only: match those once per account. Accounts with rows by
  // program activity or object class are matched once per combination.
  const specific = new Set(
    model.crosswalk.filter((r) => r.programActivity || r.objectClass).map((r) => accountKey(r.account)),
  );
  // Accounts recast for a year: for that year their dated rows replace the undated ones.
  const recast = new Set(
    model.crosswalk.filter((r) => r.year !== null).map((r) => `${r.year}\u0000${accountKey(r.account)}`),
  );
  const recastAccounts = new Set(
    model.crosswalk.filter((r) => r.year !== null).map((r) => accountKey(r.account)),
  );
  const byAccount = new Map<string, RuleSet | null>();
  const byCombination = new Map<string, RuleSet | null>();
  const specificByRaw = new Map<string, boolean>();
  const unmapped = [UNMAPPED.key];
  const undatedSet = (line: BudgetLine): RuleSet | null => {
    let set = byAccount.get(line.account);
    if (set !== undefined) return set;
    let isSpecific = specificByRaw.get(line.account);
    if (isSpecific === undefined) {
      isSpecific = lineAccountKeys(line.account).some((k) => specific.has(k));
      specificByRaw.set(line.account, isSpecific);
    }
    if (!isSpecific) {
      set = matchSet(line, sets);
      byAccount.set(line.account, set);
      return set;
    }
    const combo = `${line.account}\u0000${line.programActivity}\u0000${line.objectClass}`;
    set = byCombination.get(combo);
    if (set === undefined) {
      set = matchSet(line, sets);
      byCombination.set(combo, set);
    }
    return set;
  };
  const usableOf = (set: RuleSet | null) => (set && set.weights.some((w) => w > 0) ? set : null);

  for (const line of model.budget) {
    // Receipts and intra-agency amounts are never allocated: they sit on their own rows so totals tie out.
    if (line.lineType !== 'Spending') {
      const to = line.lineType === 'Receipt' ? RECEIPTS : ELIMINATED;
      for (const amount of line.amounts) {
        budget.add(line.amountType, amount.series, 'total', amount.value);
        direct.add(line.amountType, amount.series, to.key, amount.value);
      }
      lines.push({ line, set: null, to, parts: null });
      continue;
    }
    // Recasts are rare: the account keys are worked out only when the Crosswalk has dated rows.
    if (recastAccounts.size > 0) {
      const accounts = lineAccountKeys(line.account);
      if (
        accounts.some((k) => recastAccounts.has(k)) &&
        line.amounts.some((a) => accounts.some((k) => recast.has(`${a.year}\u0000${k}`)))
      ) {
        lines.push(allocateRecast(line, sets, recast, undatedSet(line), direct, budget));
        continue;
      }
    }
    const set = undatedSet(line);
    const usable = usableOf(set);
    if (set) set.linesMatched += 1;
    const width = usable ? usable.targets.length : 1;
    const parts: number[] | null = width > 1 ? new Array<number>(line.amounts.length * width) : null;
    const keys = usable ? (usable.keys as string[]) : unmapped;
    line.amounts.forEach((amount, a) => {
      budget.add(line.amountType, amount.series, 'total', amount.value);
      if (parts === null || !usable) {
        direct.add(line.amountType, amount.series, keys[0] as string, amount.value);
        return;
      }
      const split = splitInSet(amount.value, usable);
      for (let t = 0; t < width; t++) parts[a * width + t] = split[t] as number;
      direct.addParts(line.amountType, amount.series, keys, split);
    });
    lines.push({ line, set: usable, to: UNMAPPED, parts });
  }
  return { sets: [...sets.values()], lines, direct, budget };
}

/** A line of a recast account: each amount uses its year's rows when the year has any, else the undated rows. */
function allocateRecast(
  line: BudgetLine,
  sets: Map<string, RuleSet>,
  recast: Set<string>,
  undated: RuleSet | null,
  direct: Ledger,
  budget: Ledger,
): LineAllocation {
  const keys = lineAccountKeys(line.account);
  const counted = new Set<RuleSet>();
  const byAmount = line.amounts.map((amount) => {
    budget.add(line.amountType, amount.series, 'total', amount.value);
    const matched = keys.some((k) => recast.has(`${amount.year}\u0000${k}`))
      ? matchSet(line, sets, amount.year)
      : undated;
    if (matched && !counted.has(matched)) {
      matched.linesMatched += 1;
      counted.add(matched);
    }
    const set = matched && matched.weights.some((w) => w > 0) ? matched : null;
    if (!set) {
      direct.add(line.amountType, amount.series, UNMAPPED.key, amount.value);
      return { set: null, parts: [amount.value] };
    }
    const parts = splitInSet(amount.value, set);
    direct.addParts(line.amountType, amount.series, set.keys as string[], parts);
    return { set, parts };
  });
  return { line, set: null, to: UNMAPPED, parts: null, byAmount };
}

/** The rule set that split one amount (null: it went whole to `allocation.to`). */
export function setOf(allocation: LineAllocation, amountIndex: number): RuleSet | null {
  return allocation.byAmount ? (allocation.byAmount[amountIndex]?.set ?? null) : allocation.set;
}

/** The targets of one amount's parts, in the order `partsOf` gives them. */
export function targetsOf(allocation: LineAllocation, amountIndex: number): readonly Target[] {
  const set = setOf(allocation, amountIndex);
  return set ? set.targets : [allocation.to];
}

/** The parts of one amount, in the order of its set's targets (one part, the whole, when it goes to one place). */
export function partsOf(allocation: LineAllocation, amountIndex: number): number[] {
  const amount = allocation.line.amounts[amountIndex];
  if (!amount) return [];
  if (allocation.byAmount) return allocation.byAmount[amountIndex]?.parts ?? [];
  if (allocation.parts === null) return [amount.value];
  const width = allocation.set ? allocation.set.targets.length : 1;
  return allocation.parts.slice(amountIndex * width, (amountIndex + 1) * width);
}
