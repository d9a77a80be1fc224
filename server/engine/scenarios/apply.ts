import type { AmountType, BudgetColumns, Issue, Scenario } from '../../../models';
import { amountTypeOf, seriesAmount, SPENDING, text } from '../budget';
import { idKey, SHARE_SCALE } from '../../../models';
import type { Computation } from '../compute';
import { type CrosswalkResult, destinationOf, setOf, splitInSet } from '../crosswalk';
import { Ledger, targetKey } from '../ledger';
import { issueAt, MESSAGES } from '../messages';
import { addExact, splitLargestRemainder } from '../money';
import { allocateSupport } from '../pools';

/**
 * How a scenario moves money, so that a budget officer can defend every figure:
 * - Only where it says. A Goal or Objective change is a change to that goal's or objective's funding (its full
 *   cost: direct and the support it carries); every other objective keeps its funding to the cent. Support is
 *   never re-spread after a change, which is what made cutting one goal raise the others.
 * - An Account, Program Activity or All change changes budget lines, which flow through the same crosswalk
 *   splits as the baseline; what lands in a cost pool reaches objectives in the pool's base-year shares.
 * - Spending only: receipt and intra-agency lines never change.
 * - One number: the scenario's funding change is the sum of its changes over every target, which equals the
 *   change in spending lines; every output shows that figure.
 * Changes are in the Cost Basis, in the series that stands for the scenario's year; several rows of one
 * scenario add up, each measured against the baseline.
 */

export interface Deltas {
  /** Budget line index → change to its amount in the scenario year. */
  lines: Map<number, number>;
  /** Target key (`O:1.1`, `G:G1`) → change to its full cost. */
  targets: Map<string, number>;
}

/** percent of a whole, exact, rounded half away from zero. */
export function percentOf(whole: number, ppb: number): number {
  const product = BigInt(whole) * BigInt(ppb);
  const scale = BigInt(SHARE_SCALE);
  const q = product / scale;
  const r = product % scale;
  const twice = (r < 0n ? -r : r) * 2n;
  return Number(twice >= scale ? q + (product < 0n ? -1n : 1n) : q);
}

/** The series that stands for a scenario's fiscal year (-1, holding nothing, when the Budget has none). */
export const seriesOfYear = (c: Computation, year: number): number => c.plan.ofYear(year)?.index ?? -1;

/** Spreads an amount over parts in proportion to their size (equally when they are all zero). */
function spread(amount: number, sizes: readonly number[]): number[] {
  const weights = sizes.map((s) => Math.abs(s));
  return splitLargestRemainder(amount, weights.some((w) => w > 0) ? weights : weights.map(() => 1));
}

/**
 * A row's change over the lines or targets it names. A percent is taken of their total, then spread in
 * proportion to their size, so "G2 −5%" is 5% of G2 to the minor unit, not a sum of separately rounded parts.
 */
function changesFor(row: Scenario, sizes: readonly number[]): number[] {
  if (row.change.kind === 'amount') return spread(row.change.minor, sizes);
  return percentOfEach(sizes, row.change.ppb);
}

/**
 * Each size times a percent, in whole minor units that add up to the percent of their total (rounded half away
 * from zero): each part is its exact share rounded down, and the units left go to the largest remainders.
 * Signs are kept: a negative line changes the other way, as its own percent would.
 */
export function percentOfEach(sizes: readonly number[], ppb: number): number[] {
  const scale = BigInt(SHARE_SCALE);
  const exact = sizes.map((s) => BigInt(s) * BigInt(ppb));
  const floorDiv = (n: bigint) => (n >= 0n ? n / scale : -((-n + scale - 1n) / scale));
  const parts = exact.map(floorDiv);
  let sum = 0n;
  for (const n of exact) sum += n;
  const total = sum >= 0n ? (sum * 2n + scale) / (scale * 2n) : -((-sum * 2n + scale) / (scale * 2n));
  let left = total - parts.reduce((s, p) => s + p, 0n);
  const order = exact
    .map((n, i) => ({ i, rem: n - (parts[i] as bigint) * scale }))
    .sort((a, b) => (a.rem < b.rem ? 1 : a.rem > b.rem ? -1 : a.i - b.i));
  for (const { i } of order) {
    if (left <= 0n) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p));
}

/** The objectives (and the goal-level target) a Goal or Objective row names, by key. */
function namedTargets(c: Computation, row: Scenario): string[] {
  const key = idKey(row.key);
  if (row.scope === 'Objective') {
    const o = c.model.objectives.find((x) => idKey(x.id) === key && c.known.objectives.has(x.id));
    return o ? [targetKey('objective', o.id)] : [];
  }
  const goal = c.model.goals.find((g) => idKey(g.id) === key);
  if (!goal) return [];
  return [
    ...c.model.objectives
      .filter((o) => idKey(o.goalId) === key && c.known.objectives.has(o.id))
      .map((o) => targetKey('objective', o.id)),
    targetKey('goal', goal.id),
  ];
}

/** The spending lines of a basis with an amount in a series: the lines a scenario can change. */
function scenarioLines(b: BudgetColumns, basis: AmountType, series: number): number[] {
  const out: number[] = [];
  for (let line = 0; line < b.size; line++) {
    if (amountTypeOf(b, line) !== basis || b.lineType[line] !== SPENDING) continue;
    for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++)
      if (b.amountSeries[a] === series) {
        out.push(line);
        break;
      }
  }
  return out;
}

export function deltasFromRows(
  c: Computation,
  rows: readonly Scenario[],
  basis: AmountType,
  year: number,
  issues: Issue[],
): Deltas {
  const deltas: Deltas = { lines: new Map(), targets: new Map() };
  const add = <K>(m: Map<K, number>, k: K, v: number) => m.set(k, addExact(m.get(k) ?? 0, v));
  const series = seriesOfYear(c, year);
  // Receipts and intra-agency amounts never change in a scenario: only spending lines do.
  const b = c.model.budgetColumns;
  const lines = scenarioLines(b, basis, series);
  const norm = (s: string) => s.trim().toUpperCase();
  for (const row of rows) {
    if (row.scope === 'Best Allocation') continue;
    const key = norm(row.key);
    let matched: number[] | null = null;
    let targets: string[] | null = null;
    switch (row.scope) {
      case 'All':
        matched = lines;
        break;
      case 'Account':
        matched = lines.filter((l) => norm(text(b, b.account, l)) === key);
        break;
      case 'Program Activity':
        matched = lines.filter(
          (l) =>
            norm(text(b, b.programActivity, l)) === key || norm(text(b, b.programActivityTitle, l)) === key,
        );
        break;
      case 'Objective':
      case 'Goal':
        targets = namedTargets(c, row);
        break;
    }
    const sizes = matched
      ? matched.map((l) => seriesAmount(b, l, series))
      : (targets ?? []).map((k) => c.support.full.get(basis, series, k));
    if ((matched ?? targets ?? []).length === 0 || (targets && sizes.every((s) => s === 0))) {
      issues.push(issueAt(MESSAGES.scenarioKeyUnknown(row.scope, row.key, basis, year), row.loc));
      continue;
    }
    const changes = changesFor(row, sizes);
    if (matched) matched.forEach((l, i) => add(deltas.lines, l, changes[i] as number));
    else (targets ?? []).forEach((k, i) => add(deltas.targets, k, changes[i] as number));
  }
  return deltas;
}

export interface ScenarioFunding {
  /** Full cost (direct + support) by target key in the Cost Basis and the scenario's series. */
  full: (key: string) => number;
  /** The change to each target's full cost, by key (only the targets that change). */
  changes: ReadonlyMap<string, number>;
  /** Changed budget total in the Cost Basis and series. */
  budgetTotal: number;
  /** The scenario's one funding-change figure: the sum of `changes`, equal to the change in spending lines. */
  change: number;
}

/**
 * A line's change split the way its amount in the series is split (the same rule set, largest remainder), so a
 * changed line moves its objectives exactly as the crosswalk moves the line.
 */
function splitLineChange(c: Computation, line: number, series: number, delta: number): Map<string, number> {
  const b = c.model.budgetColumns;
  const out = new Map<string, number>();
  let at = -1;
  for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number) && at < 0; a++)
    if (b.amountSeries[a] === series) at = a;
  const set =
    at >= 0
      ? setOf(c.crosswalk, b, line, at)
      : (c.crosswalk.sets[c.crosswalk.lineSet[line] as number] ?? null);
  if (!set) {
    out.set(destinationOf(c.crosswalk, line).key, delta);
    return out;
  }
  const parts = splitInSet(delta, set);
  set.targets.forEach((t, i) => out.set(t.key, addExact(out.get(t.key) ?? 0, parts[i] as number)));
  return out;
}

/**
 * Changes reaching cost pools go on to objectives in the pool's base-year shares: the same allocation run over
 * the pool changes alone, weighted by the baseline's direct costs (so the changes do not move the weights).
 */
function spreadPoolChanges(
  c: Computation,
  basis: AmountType,
  series: number,
  pools: ReadonlyMap<string, number>,
): Map<string, number> {
  const direct = new Ledger();
  for (const [key, value] of c.crosswalk.direct.slot(basis, series))
    if (key.startsWith('O:')) direct.add(basis, series, key, value);
  for (const [key, value] of c.crosswalk.direct.slot('FTE', series))
    if (key.startsWith('O:')) direct.add('FTE', series, key, value);
  const poolOnly = new Ledger();
  for (const [key, value] of pools) {
    direct.add(basis, series, key, value);
    poolOnly.add(basis, series, key, value);
  }
  const crosswalk: CrosswalkResult = {
    sets: [],
    lineSet: new Int32Array(0),
    lineTo: new Uint8Array(0),
    recast: new Map(),
    direct,
    budget: poolOnly,
    overflows: [],
  };
  const support = allocateSupport(c.model, c.known, crosswalk);
  const out = new Map<string, number>();
  for (const [key, value] of support.support.slot(basis, series)) out.set(key, value);
  // What a pool could not pass on stays with it, as in the baseline.
  for (const key of pools.keys()) {
    const kept = support.full.get(basis, series, key);
    if (kept !== 0) out.set(key, addExact(out.get(key) ?? 0, kept));
  }
  return out;
}

/** True when no sum among `sums` passed the exact range. */
function allExact(sums: Iterable<number>): boolean {
  for (const s of sums) if (Number.isNaN(s)) return false;
  return true;
}

/**
 * A scenario's funding: its changes through the crosswalk and pools. Null when one of its sums passes the exact
 * range (every sum here is `addExact`, NaN past it), so the caller reports the scenario instead of a wrong figure.
 */
export function fundScenario(
  c: Computation,
  deltas: Deltas,
  basis: AmountType,
  year: number,
): ScenarioFunding | null {
  const series = seriesOfYear(c, year);
  const changes = new Map<string, number>();
  const add = (k: string, v: number) => {
    if (v !== 0) changes.set(k, addExact(changes.get(k) ?? 0, v));
  };
  let lineChange = 0;
  for (const d of deltas.lines.values()) lineChange = addExact(lineChange, d);
  for (const d of deltas.targets.values()) lineChange = addExact(lineChange, d);
  if (Number.isNaN(lineChange)) return null;
  const pools = new Map<string, number>();
  for (const [line, delta] of deltas.lines) {
    if (line >= c.model.budgetColumns.size || delta === 0) continue;
    for (const [key, value] of splitLineChange(c, line, series, delta)) {
      if (key.startsWith('P:')) pools.set(key, addExact(pools.get(key) ?? 0, value));
      else add(key, value);
    }
  }
  if (pools.size > 0) {
    if (!allExact(pools.values())) return null;
    for (const [key, value] of spreadPoolChanges(c, basis, series, pools)) add(key, value);
  }
  for (const [key, delta] of deltas.targets) add(key, delta);

  let change = 0;
  for (const v of changes.values()) change = addExact(change, v);
  const full = (key: string) => addExact(c.support.full.get(basis, series, key), changes.get(key) ?? 0);
  const budgetTotal = addExact(c.crosswalk.budget.get(basis, series, 'total'), change);
  if (!allExact([change, budgetTotal]) || !allExact([...changes.keys()].map(full))) return null;
  // Nothing is created or lost on the way: the changes over all targets are the changes asked for.
  if (change !== lineChange) throw new Error(`scenario changes ${change} do not tie to ${lineChange}`);
  return { full, changes, budgetTotal, change };
}
