import type { AmountType, CostPool, Issue, WorkbookModel } from '../../models';
import type { CrosswalkResult, KnownTargets } from './crosswalk';
import { Ledger, targetKey } from './ledger';
import { issueAt, MESSAGES } from './messages';
import { splitByRealWeights, splitLargestRemainder } from './money';

/**
 * Support costs, as in SFFAS 4 full cost: money crosswalked to cost pools is assigned to objectives by each
 * pool's method (Direct Cost, FTE, Equal, Driver), with one of three allocation methods:
 * - `allocateDirect`: each pool straight to objectives; pool-to-pool drivers are ignored.
 * - `allocateStepDown`: pools in `Order`, each to objectives and to later pools.
 * - `allocateReciprocal`: pools serve each other at once; each pool's cost is traced through the linear system
 *   (I - M) x = e, solved with mathjs, to the objectives it finally reaches.
 * All three take one `PoolSlot` (an amount type and series) and move money only through its `transfer`.
 * Every split is integer and largest-remainder, so pools neither create nor lose a cent.
 */

export interface SupportFlow {
  pool: string;
  method: string;
  type: AmountType;
  /** The series (index into `WorkbookModel.series`) and its fiscal year. */
  series: number;
  year: number;
  /** `O:1.1` or `P:Name`. */
  to: string;
  amount: number;
  note: string;
}

export interface SupportResult {
  /** Support received by each objective (by type, year, target key). */
  support: Ledger;
  /** Direct + support: objectives, goal-level, unallocated pools and Unmapped. Same totals as the budget. */
  full: Ledger;
  flows: SupportFlow[];
  issues: Issue[];
}

type Weights = Map<string, number>; // target key → weight

/** Splits exactly: integer weights directly, real-valued ones (drivers, solved shares) via a fixed resolution. */
function splitBy(whole: number, weights: number[]): number[] {
  return weights.every(Number.isSafeInteger)
    ? splitLargestRemainder(whole, weights)
    : splitByRealWeights(whole, weights);
}

function orderPools(pools: readonly CostPool[]): CostPool[] {
  return pools
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.order ?? Infinity) - (b.p.order ?? Infinity) || a.i - b.i)
    .map(({ p }) => p);
}

/**
 * One amount type and series of one workbook, as an allocation method sees it: the pools in `Order`, what each was
 * crosswalked, its weights, and the ways to move money (`transfer`) or to say it could not be moved.
 */
export interface PoolSlot {
  pools: CostPool[];
  /** A pool's direct amount (what the crosswalk put in it) in this slot. */
  amountOf(pool: CostPool): number;
  /** Weights by target key (`O:1.1` or `P:Name`), and what to say when none is usable. */
  weightsFor(pool: CostPool): { weights: Weights; why: string };
  transfer(pool: CostPool, to: string, amount: number, note: string): void;
  unallocated(pool: CostPool, why: string): void;
  circular(names: string[], loc: CostPool['loc']): void;
}

/** Direct, Step-Down and Reciprocal: one signature, so a reader looking for one finds it whole. */
export type AllocationMethod = (slot: PoolSlot) => void;

export function allocateSupport(
  model: WorkbookModel,
  known: KnownTargets,
  crosswalk: CrosswalkResult,
): SupportResult {
  const issues: Issue[] = [];
  const said = new Set<string>();
  const say = (key: string, issue: Issue) => {
    if (said.has(key)) return;
    said.add(key);
    issues.push(issue);
  };
  const support = new Ledger();
  const full = new Ledger();
  const flows: SupportFlow[] = [];
  const pools = orderPools(model.pools);
  const drivers = driverWeights(model, known, pools, say);
  const basis = new PoolBasis(model, known, crosswalk, drivers);
  const allocate = ALLOCATION_METHODS[model.settings.allocation];

  for (const { type, series } of crosswalk.direct.slots()) {
    const year = model.series[series]?.year ?? 0;
    for (const [key, v] of crosswalk.direct.slot(type, series)) full.add(type, series, key, v);
    allocate({
      pools,
      amountOf: (pool) => crosswalk.direct.get(type, series, targetKey('pool', pool.name)),
      weightsFor: (pool) => basis.weightsFor(pool, type, series),
      transfer: (pool, to, amount, note) => {
        if (amount === 0) return;
        full.add(type, series, targetKey('pool', pool.name), -amount);
        full.add(type, series, to, amount);
        if (to.startsWith('O:')) support.add(type, series, to, amount);
        flows.push({ pool: pool.name, method: pool.method, type, series, year, to, amount, note });
      },
      unallocated: (pool, why) =>
        say(`unalloc|${pool.name}`, issueAt(MESSAGES.poolUnallocated(pool.name, why), pool.loc)),
      circular: (names, loc) =>
        say(`singular|${names.join('|')}`, issueAt(MESSAGES.poolReciprocalSingular(names), loc)),
    });
  }
  for (const issue of basis.negativeBasisIssues()) issues.push(issue);
  return { support, full, flows, issues };
}

/**
 * Drivers are the same in every year: read once into weights per pool, reporting the rows that cannot be used
 * (a pool that does not use the Driver method, a pool driving itself, a step-down driver to an earlier pool).
 * Pool-to-pool drivers are left out under Direct, which sends every pool straight to objectives.
 */
function driverWeights(
  model: WorkbookModel,
  known: KnownTargets,
  pools: readonly CostPool[],
  say: (key: string, issue: Issue) => void,
): Map<string, Weights> {
  const method = model.settings.allocation;
  const position = new Map(pools.map((p, i) => [p.name, i]));
  const byName = new Map(pools.map((p) => [p.name.toUpperCase(), p]));
  const weights = new Map<string, Weights>();
  for (const d of model.drivers) {
    const pool = byName.get(d.pool.toUpperCase());
    if (!pool) continue; // the rules registry reports unknown pools
    if (pool.method !== 'Driver') {
      say(`notused|${pool.name}`, issueAt(MESSAGES.poolDriverNotUsed(pool.name, pool.method), d.loc));
      continue;
    }
    let key: string;
    if (d.target.kind === 'objective') {
      if (!known.objectives.has(d.target.id)) continue;
      key = targetKey('objective', d.target.id);
    } else {
      const target = byName.get(d.target.name.toUpperCase());
      if (!target) continue;
      if (target === pool) {
        say(`self|${pool.name}`, issueAt(MESSAGES.poolDriverSelf(pool.name), d.loc));
        continue;
      }
      if (method === 'Direct') continue;
      if (
        method === 'Step-Down' &&
        (position.get(target.name) as number) < (position.get(pool.name) as number)
      ) {
        say(
          `earlier|${pool.name}|${target.name}`,
          issueAt(MESSAGES.poolDriverToEarlier(pool.name, target.name), d.loc),
        );
        continue;
      }
      key = targetKey('pool', target.name);
    }
    const w = weights.get(pool.name) ?? new Map<string, number>();
    w.set(key, (w.get(key) ?? 0) + d.value);
    weights.set(pool.name, w);
  }
  return weights;
}

/**
 * What each pool is spread by (its Method): Driver rows, Equal shares, or the objectives' own direct cost or FTE
 * in the same series. Remembers the years a Direct Cost basis held a negative objective (left out of the weights).
 */
class PoolBasis {
  private readonly objectiveKeys: string[];
  private readonly negativeYears = new Map<string, { pool: CostPool; type: AmountType; series: number[] }>();

  constructor(
    private readonly model: WorkbookModel,
    known: KnownTargets,
    private readonly crosswalk: CrosswalkResult,
    private readonly drivers: Map<string, Weights>,
  ) {
    this.objectiveKeys = model.objectives
      .filter((o) => known.objectives.has(o.id))
      .map((o) => targetKey('objective', o.id));
  }

  private labelOf(series: number): string {
    return this.model.series[series]?.label ?? `series ${series}`;
  }

  weightsFor(pool: CostPool, type: AmountType, series: number): { weights: Weights; why: string } {
    const weights: Weights = new Map();
    switch (pool.method) {
      case 'Driver':
        return {
          weights: this.drivers.get(pool.name) ?? weights,
          why: 'it uses the Driver method but has no usable Drivers rows',
        };
      case 'Equal':
        for (const k of this.objectiveKeys) weights.set(k, 1);
        return { weights, why: 'there are no objectives' };
      case 'Direct Cost':
      case 'FTE': {
        const basisType: AmountType = pool.method === 'FTE' ? 'FTE' : type;
        let negative = false;
        for (const k of this.objectiveKeys) {
          const v = this.crosswalk.direct.get(basisType, series, k);
          if (v > 0) weights.set(k, v);
          else if (v < 0) negative = true;
        }
        if (negative && pool.method === 'Direct Cost') this.noteNegative(pool, type, series);
        const what = pool.method === 'FTE' ? 'FTE' : `direct ${type}`;
        return { weights, why: `no objective has ${what} in ${this.labelOf(series)}` };
      }
    }
  }

  private noteNegative(pool: CostPool, type: AmountType, series: number): void {
    const key = `${pool.name}|${type}`;
    const seen = this.negativeYears.get(key) ?? { pool, type, series: [] };
    if (!seen.series.includes(series)) seen.series.push(series);
    this.negativeYears.set(key, seen);
  }

  negativeBasisIssues(): Issue[] {
    return [...this.negativeYears.values()].map(({ pool, type, series }) =>
      issueAt(
        MESSAGES.poolNegativeBasis(
          pool.name,
          series.sort((a, b) => a - b).map((s) => this.labelOf(s)),
          type,
        ),
        pool.loc,
      ),
    );
  }
}

/** Splits one pool's amount over the weighted targets `keep` accepts; false when none has a positive weight. */
function spreadPool(
  slot: PoolSlot,
  pool: CostPool,
  amount: number,
  keep: (key: string) => boolean,
  note: string,
  onPart?: (to: string, part: number) => void,
): void {
  const { weights, why } = slot.weightsFor(pool);
  const keys = [...weights.keys()].filter(keep);
  const values = keys.map((k) => weights.get(k) as number);
  if (!values.some((v) => v > 0)) {
    slot.unallocated(pool, why);
    return;
  }
  splitBy(amount, values).forEach((part, i) => {
    const to = keys[i] as string;
    slot.transfer(pool, to, part, note);
    onPart?.(to, part);
  });
}

/** Direct: each pool straight to objectives; what pools would send each other is ignored. */
export const allocateDirect: AllocationMethod = (slot) => {
  for (const pool of slot.pools) {
    const amount = slot.amountOf(pool);
    if (amount !== 0) spreadPool(slot, pool, amount, (k) => k.startsWith('O:'), 'direct');
  }
};

/** Step-Down: pools in `Order`, each to objectives and to later pools, which pass on what they received. */
export const allocateStepDown: AllocationMethod = (slot) => {
  const received = new Map<string, number>();
  slot.pools.forEach((pool, step) => {
    const amount = slot.amountOf(pool) + (received.get(pool.name) ?? 0);
    if (amount === 0) return;
    spreadPool(
      slot,
      pool,
      amount,
      () => true,
      `step ${step + 1}`,
      (to, part) => {
        if (to.startsWith('P:')) received.set(to.slice(2), (received.get(to.slice(2)) ?? 0) + part);
      },
    );
  });
};

/**
 * Reciprocal allocation. With M[q][p] the fraction of pool p's cost that goes to pool q, the cost that pool r's
 * own amount puts through every pool is x = (I - M)^-1 e_r; the objectives then receive Σ_p a(p→o) x_p, which
 * sums to 1 whenever every pool eventually reaches an objective. Each origin's amount is split by those
 * weights, so the result is exact to the cent.
 */
export const allocateReciprocal: AllocationMethod = ({
  pools,
  weightsFor,
  amountOf,
  transfer,
  unallocated,
  circular,
}) => {
  const n = pools.length;
  const fractions: Map<string, number>[] = pools.map((p) => {
    const { weights } = weightsFor(p);
    const total = [...weights.values()].reduce((s, v) => s + v, 0);
    const f = new Map<string, number>();
    if (total > 0) for (const [k, v] of weights) if (v > 0) f.set(k, v / total);
    return f;
  });
  const fractionOf = (p: number, key: string) => (fractions[p] as Map<string, number>).get(key) ?? 0;
  const objectiveKeys = [
    ...new Set(fractions.flatMap((f) => [...f.keys()].filter((k) => k.startsWith('O:')))),
  ];
  // (I - M), with M[q][p] the fraction of pool p that goes to pool q.
  const system = pools.map((q, qi) =>
    pools.map((_, pi) => (qi === pi ? 1 : 0) - fractionOf(pi, `P:${q.name}`)),
  );
  for (let r = 0; r < n; r++) {
    const pool = pools[r] as CostPool;
    const amount = amountOf(pool);
    if (amount === 0) continue;
    if ((fractions[r] as Map<string, number>).size === 0) {
      unallocated(pool, weightsFor(pool).why);
      continue;
    }
    let x: number[];
    try {
      const e = pools.map((_, i) => [i === r ? 1 : 0]);
      x = (mathjs().lusolve(system, e) as number[][]).map((row) => row[0] as number);
    } catch {
      circular(reachingNoObjective(pools, fractions), pool.loc);
      continue;
    }
    // Cost ends either at an objective or in a pool that cannot pass it on (a dead end): that pool keeps it, and
    // is reported as unallocated, exactly as step-down would leave it.
    const sinks = pools
      .map((p, i) => ({ p, i }))
      .filter(({ i }) => i !== r && (fractions[i] as Map<string, number>).size === 0);
    const endKeys = [...objectiveKeys, ...sinks.map(({ p }) => `P:${p.name}`)];
    const weights = [
      ...objectiveKeys.map((k) => x.reduce((s, xp, p) => s + xp * fractionOf(p, k), 0)),
      ...sinks.map(({ i }) => x[i] as number),
    ];
    const reached = weights.reduce((s, w) => s + w, 0);
    if (!Number.isFinite(reached) || reached < 0.999999 || weights.some((w) => w < -1e-9)) {
      circular(reachingNoObjective(pools, fractions), pool.loc);
      continue;
    }
    splitByRealWeights(
      amount,
      weights.map((w) => Math.max(0, w)),
    ).forEach((part, i) => {
      const to = endKeys[i] as string;
      transfer(pool, to, part, 'reciprocal');
      const sink = sinks[i - objectiveKeys.length];
      if (sink && part !== 0) unallocated(sink.p, weightsFor(sink.p).why);
    });
  }
};

const ALLOCATION_METHODS: Record<WorkbookModel['settings']['allocation'], AllocationMethod> = {
  Direct: allocateDirect,
  'Step-Down': allocateStepDown,
  Reciprocal: allocateReciprocal,
};

/** Pools from which no chain of drivers reaches an objective: the ones a reciprocal run cannot empty. */
function reachingNoObjective(pools: CostPool[], fractions: Map<string, number>[]): string[] {
  const reaches = pools.map((_, i) =>
    [...(fractions[i] as Map<string, number>).keys()].some((k) => k.startsWith('O:')),
  );
  for (let changed = true; changed;) {
    changed = false;
    pools.forEach((_, i) => {
      if (reaches[i]) return;
      for (const k of (fractions[i] as Map<string, number>).keys()) {
        const j = pools.findIndex((p) => `P:${p.name}` === k);
        if (j >= 0 && reaches[j]) {
          reaches[i] = true;
          changed = true;
        }
      }
    });
  }
  const stuck = pools.filter((_, i) => !reaches[i]).map((p) => p.name);
  return stuck.length > 0 ? stuck : pools.map((p) => p.name);
}

/**
 * mathjs, loaded the first time a Reciprocal pool needs its solver: loading it costs 0.5-1.5 s of start-up
 * that every other run (the CLI on a workbook without Reciprocal pools, each server worker) would pay for nothing.
 */
function mathjs(): typeof import('mathjs') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load, on purpose
  return require('mathjs') as typeof import('mathjs');
}
