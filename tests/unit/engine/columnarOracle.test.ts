import fc from 'fast-check';
import type { BudgetLine } from '../../../models';
import { issueLocation } from '../../../models';
import { compute, readWorkbook, runEngine } from '../../../server/engine';
import { destinationOf, type RuleSet, setOf } from '../../../server/engine/crosswalk';
import { rowsOf } from '../../helpers/outputs';
import { workbookArb, type Generated } from '../../properties/arbitraries';

/**
 * The columnar engine against a plain oracle: budget lines as objects (the model's object view), each amount
 * split by its rule set with a BigInt largest-remainder split written here from its definition, and the
 * totals kept in a Map. The engine's typed-array sums must equal the oracle's to the minor unit, and the
 * output tables must keep their invariants: CrosswalkDetail rows sum to their line's amounts, and the
 * ResourcesByGoal Total equals the Budget total for every amount type and series.
 */

const SEED = 20261203;
const RUNS = { numRuns: 80, seed: SEED } as const;
console.log(`columnar oracle: fast-check seed ${SEED}, ${RUNS.numRuns} runs`);

/** Largest remainder from its definition: floor shares, then one unit each to the largest remainders. */
function oracleSplit(whole: number, weights: readonly number[]): bigint[] {
  const total = weights.reduce((s, w) => s + BigInt(w), 0n);
  const magnitude = BigInt(Math.abs(whole));
  const exact = weights.map((w) => magnitude * BigInt(w));
  const parts = exact.map((e) => e / total);
  let left = magnitude - parts.reduce((s, p) => s + p, 0n);
  const byRemainder = exact
    .map((e, i) => ({ i, r: e % total }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left === 0n) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left -= 1n;
  }
  return parts.map((p) => (whole < 0 ? -p : p));
}

/** A set's parts in its target order; ties go to the target whose key sorts first. */
function oracleParts(whole: number, set: RuleSet): bigint[] {
  const order = set.targets
    .map((_, i) => i)
    .sort((a, b) => (set.targets[a]!.key < set.targets[b]!.key ? -1 : 1));
  const split = oracleSplit(
    whole,
    order.map((i) => set.weights[i] as number),
  );
  const parts = new Array<bigint>(order.length);
  order.forEach((i, k) => (parts[i] = split[k] as bigint));
  return parts;
}

/** Direct totals and budget totals by `type|series|key`, one budget line object at a time. */
function oracleLedger(g: Generated) {
  const c = compute(readWorkbook(g.grids).model);
  const b = c.model.budgetColumns;
  const totals = new Map<string, bigint>();
  const add = (k: string, v: bigint) => totals.set(k, (totals.get(k) ?? 0n) + v);
  c.model.budget.forEach((line: BudgetLine, index) => {
    line.amounts.forEach((amount, k) => {
      const set = setOf(c.crosswalk, b, index, (b.amountStart[index] as number) + k);
      add(`${line.amountType}|${amount.series}|total`, BigInt(amount.value));
      const targets = set ? set.targets : [destinationOf(c.crosswalk, index)];
      const parts = set ? oracleParts(amount.value, set) : [BigInt(amount.value)];
      targets.forEach((t, i) => add(`${line.amountType}|${amount.series}|${t.key}`, parts[i] as bigint));
    });
  });
  return { c, totals };
}

describe('the columnar engine against an object-per-line oracle', () => {
  test('Given any valid workbook, when crosswalked, then every direct and budget total equals the oracle to the minor unit', () => {
    fc.assert(
      fc.property(workbookArb, (g) => {
        const { c, totals } = oracleLedger(g);
        for (const [k, want] of totals) {
          const [type, series, key] = k.split('|') as [BudgetLine['amountType'], string, string];
          const ledger = key === 'total' ? c.crosswalk.budget : c.crosswalk.direct;
          expect({ k, got: BigInt(ledger.get(type, Number(series), key)) }).toEqual({ k, got: want });
        }
        // And nothing the oracle lacks: every slot of the engine's ledger is one the oracle filled.
        for (const { type, series } of c.crosswalk.direct.slots())
          for (const [key, v] of c.crosswalk.direct.slot(type, series))
            expect(BigInt(v)).toBe(totals.get(`${type}|${series}|${key}`) ?? 0n);
      }),
      RUNS,
    );
  });

  test('Given any valid workbook, when the tables are made, then detail rows sum to their lines and the ResourcesByGoal Total ties to the Budget', () => {
    fc.assert(
      fc.property(workbookArb, (g) => {
        const result = runEngine(g.grids);
        const model = readWorkbook(g.grids).model;
        const scale = (type: string) => 10 ** (type === 'FTE' ? 1 : result.money.decimals);
        const minor = (v: unknown, type: string) => Math.round(((v as number | null) ?? 0) * scale(type));
        const detail = rowsOf(result, 'CrosswalkDetail');
        const bySource = new Map<string, number>();
        for (const r of detail)
          for (const s of model.series)
            bySource.set(
              `${r.Source}|${s.label}`,
              (bySource.get(`${r.Source}|${s.label}`) ?? 0) + minor(r[s.label], r['Amount Type'] as string),
            );
        for (const line of model.budget)
          for (const s of model.series) {
            const want = line.amounts.filter((a) => a.series === s.index).reduce((t, a) => t + a.value, 0);
            const source = issueLocation(line.loc);
            expect({ source, s: s.label, got: bySource.get(`${source}|${s.label}`) ?? 0 }).toEqual({
              source,
              s: s.label,
              got: want,
            });
          }
        const totals = rowsOf(result, 'ResourcesByGoal').filter((r) => r.Level === 'Total');
        for (const t of result.summary.budgetTotals) {
          const row = totals.find((r) => r['Amount Type'] === t.amountType);
          expect(minor(row?.[t.series], t.amountType)).toBe(minor(t.amount, t.amountType));
        }
      }),
      RUNS,
    );
  });
});
