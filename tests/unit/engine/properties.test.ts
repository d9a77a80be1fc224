import { setOf, Splitter } from '../../../server/engine/crosswalk';
import fc from 'fast-check';
import type { AmountType, WorkbookGrids } from '../../../models';
import { compute, readWorkbook, runEngine } from '../../../server/engine';
import { rowsOf } from '../../helpers/outputs';
import { seriesOf, minimalWorkbook, type Row } from '../../helpers/workbook';

/**
 * The invariants the contract promises, on random valid workbooks: every split sums to its whole, totals tie out
 * to the budget, and nothing is created or lost by pools. Amounts are generated as exact integers and written as
 * the text a budget officer types (`(1,234.56)`, `$12,000`), so the expected totals never pass through a float.
 */

const RUNS = { numRuns: 200, seed: 20180930 } as const;
const YEARS = [2017, 2018] as const;
const ACCOUNTS = ['023-05-0110', '023-10-4534', '047-X-4542-000', '4542'] as const;
const TYPES = { BA: 'Budget Authority', Obligations: 'Obligations', FTE: 'FTE' } as const;
type TypeCode = keyof typeof TYPES;

/** Writes an integer count of 10^-decimals as amount text, in one of the ways people type amounts. */
function amountText(minor: bigint, decimals: number, style: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  const grouped = style % 2 === 1 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  const dollar = style >= 2 ? '$' : '';
  if (!negative) return `${dollar}${grouped}${frac}`;
  return style % 2 === 1 ? `(${dollar}${grouped}${frac})` : `-${dollar}${grouped}${frac}`;
}

/** Shares in parts per billion summing to exactly 100%, written as a percent (7 decimals) or a fraction (9). */
function shareTexts(weights: readonly number[], asPercent: boolean): string[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const ppb = weights.map((w) => Math.floor((w * 1e9) / total));
  ppb[ppb.length - 1] = (ppb[ppb.length - 1] as number) + 1e9 - ppb.reduce((s, p) => s + p, 0);
  return ppb.map((p) => (asPercent ? `${amountText(BigInt(p), 7, 0)}%` : amountText(BigInt(p), 9, 0)));
}

const amountArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant<bigint | null>(null) },
  { weight: 4, arbitrary: fc.bigInt({ min: -1_000_000n, max: 1_000_000n }) },
  { weight: 3, arbitrary: fc.bigInt({ min: -100_000_000_000_000n, max: 100_000_000_000_000n }) },
);

const workbookArb = fc.record({
  units: fc.constantFrom('Dollars', 'Thousands', 'Millions'),
  decimals: fc.integer({ min: 0, max: 2 }),
  allocation: fc.constantFrom('Direct', 'Step-Down', 'Reciprocal'),
  objectives: fc.integer({ min: 1, max: 4 }),
  lines: fc.array(
    fc.record({
      account: fc.constantFrom(...ACCOUNTS),
      pa: fc.constantFrom('', '0001', '0002'),
      oc: fc.constantFrom('', '25.2', '31.0'),
      type: fc.constantFrom<TypeCode>('BA', 'BA', 'Obligations', 'FTE'),
      amounts: fc.tuple(amountArb, amountArb),
      style: fc.integer({ min: 0, max: 3 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  sets: fc.array(
    fc.record({
      line: fc.nat(),
      usePa: fc.boolean(),
      useOc: fc.boolean(),
      // The object class written without its dot in the Crosswalk (252 for 25.2) half the time.
      ocWithoutDot: fc.boolean(),
      asPercent: fc.boolean(),
      targets: fc.array(
        fc.record({
          kind: fc.constantFrom('objective', 'objective', 'goal', 'pool'),
          index: fc.nat(),
          weight: fc.integer({ min: 1, max: 1000 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
    { maxLength: 7 },
  ),
  pools: fc.array(
    fc.record({
      method: fc.constantFrom('Direct Cost', 'FTE', 'Equal', 'Driver'),
      order: fc.integer({ min: 1, max: 5 }),
    }),
    { maxLength: 3 },
  ),
  drivers: fc.array(
    fc.record({
      from: fc.nat(),
      toPool: fc.boolean(),
      to: fc.nat(),
      value: fc.double({ min: 0.5, max: 10_000, noNaN: true }),
    }),
    { maxLength: 6 },
  ),
});
type WorkbookSpec = typeof workbookArb extends fc.Arbitrary<infer T> ? T : never;

interface Generated {
  grids: WorkbookGrids;
  /** The budget total by `type|year`, as an exact count of the minor units typed (10^-decimals; FTE in tenths). */
  typed: Map<string, bigint>;
  decimals: number;
}

function build(spec: WorkbookSpec): Generated {
  const objectiveIds = Array.from(
    { length: spec.objectives },
    (_, i) => `${(i % 2) + 1}.${Math.floor(i / 2) + 1}`,
  );
  const goalIds = [...new Set(objectiveIds.map((id) => `G${id.split('.')[0]}`))];
  const poolNames = spec.pools.map((_, i) => `Pool ${i + 1}`);
  const typed = new Map<string, bigint>();

  const budget: Row[] = [['Account', 'Program Activity', 'Object Class', 'Amount Type', 'FY2017', 'FY2018']];
  for (const line of spec.lines) {
    const fte = line.type === 'FTE';
    const cells = line.amounts.map((a, y) => {
      if (a === null) return null;
      // Money up to ±1e12 in Units whatever the decimals typed; FTE to a tenth, up to ten million of them.
      const value = a % (fte ? 100_000_000n : 10n ** BigInt(12 + spec.decimals) + 1n);
      const key = `${TYPES[line.type]}|${YEARS[y]}`;
      typed.set(key, (typed.get(key) ?? 0n) + value);
      return amountText(value, fte ? 1 : spec.decimals, fte ? 0 : line.style);
    });
    budget.push([line.account, line.pa, line.oc, line.type, ...cells]);
  }

  const crosswalk: Row[] = [
    ['Account', 'Program Activity', 'Object Class', 'Objective ID', 'Goal ID', 'Cost Pool', 'Share'],
  ];
  const seen = new Set<string>();
  for (const set of spec.sets) {
    const line = spec.lines[set.line % spec.lines.length];
    if (!line) continue;
    const pa = set.usePa ? line.pa : '';
    const oc = set.useOc ? line.oc : '';
    const key = `${line.account}|${pa}|${oc.replace('.', '')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const shares = shareTexts(
      set.targets.map((t) => t.weight),
      set.asPercent,
    );
    set.targets.forEach((t, i) => {
      const kind = t.kind === 'pool' && poolNames.length === 0 ? 'objective' : t.kind;
      const target =
        kind === 'objective'
          ? [objectiveIds[t.index % objectiveIds.length], null, null]
          : kind === 'goal'
            ? [null, goalIds[t.index % goalIds.length], null]
            : [null, null, poolNames[t.index % poolNames.length]];
      crosswalk.push([
        line.account,
        pa,
        set.ocWithoutDot ? oc.replace('.', '') : oc,
        ...(target as Row),
        shares[i] as string,
      ]);
    });
  }

  const drivers: Row[] = [['Cost Pool', 'Objective ID', 'Target Pool', 'Driver Value']];
  for (const d of spec.drivers) {
    if (poolNames.length === 0) break;
    const from = poolNames[d.from % poolNames.length] as string;
    if (d.toPool) drivers.push([from, null, poolNames[d.to % poolNames.length] as string, d.value]);
    else drivers.push([from, objectiveIds[d.to % objectiveIds.length] as string, null, d.value]);
  }

  const grids = minimalWorkbook({
    Settings: [
      ['Setting', 'Value'],
      ['Units', spec.units],
      ['Allocation', spec.allocation],
    ],
    Goals: [['Goal ID', 'Goal'], ...goalIds.map((g) => [g, `Goal ${g}`])],
    Objectives: [
      ['Objective ID', 'Goal ID', 'Objective'],
      ...objectiveIds.map((o) => [o, `G${o.split('.')[0]}`, `Objective ${o}`]),
    ],
    Measures: null,
    Results: null,
    Budget: budget,
    Crosswalk: crosswalk,
    ...(poolNames.length > 0
      ? {
          'Cost Pools': [
            ['Cost Pool', 'Method', 'Order'],
            ...spec.pools.map((p, i) => [poolNames[i] as string, p.method, p.order]),
          ],
          Drivers: drivers,
        }
      : {}),
  });
  return { grids, typed, decimals: spec.decimals };
}

/** The typed total in the model's minor units (the model may carry more decimals than were typed, never fewer). */
function typedInModel(g: Generated, type: AmountType, year: number, moneyDecimals: number): number {
  const typed = g.typed.get(`${type}|${year}`) ?? 0n;
  if (type === 'FTE') return Number(typed);
  const shift = moneyDecimals - g.decimals;
  return Number(shift >= 0 ? typed * 10n ** BigInt(shift) : typed / 10n ** BigInt(-shift));
}

const SLOTS = (Object.values(TYPES) as AmountType[]).flatMap((type) => YEARS.map((year) => ({ type, year })));
const READ_PROBLEMS = [
  'AMOUNT_INVALID',
  'AMOUNT_OUT_OF_RANGE',
  'AMOUNT_ROUNDED',
  'FTE_ROUNDED',
  'SHARE_INVALID',
  'CROSSWALK_SHARES_NOT_100',
];

describe('invariants on random valid workbooks', () => {
  test('Given any valid workbook, when crosswalked, then every line amount is split into parts that sum to it exactly', () => {
    fc.assert(
      fc.property(workbookArb, (spec) => {
        const g = build(spec);
        const read = readWorkbook(g.grids);
        expect(read.issues.filter((i) => READ_PROBLEMS.includes(i.code))).toEqual([]);
        const c = compute(read.model);
        const b = c.model.budgetColumns;
        const splitter = new Splitter();
        for (let line = 0; line < b.size; line++) {
          for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
            const value = b.amountValue[a] as number;
            const count = splitter.split(setOf(c.crosswalk, b, line, a), value);
            const split = Array.from(splitter.parts.subarray(0, count));
            expect(split.every(Number.isSafeInteger)).toBe(true);
            expect(split.reduce((s, p) => s + p, 0)).toBe(value);
            // Every part keeps the sign of its whole.
            expect(split.every((p) => p === 0 || Math.sign(p) === Math.sign(value))).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  test('Given any valid workbook, when resources are summed by goal, then the Total row equals the Budget total for each type and year', () => {
    fc.assert(
      fc.property(workbookArb, (spec) => {
        const g = build(spec);
        const result = runEngine(g.grids);
        const decimals = result.money.decimals;
        const totals = rowsOf(result, 'ResourcesByGoal').filter((r) => r.Level === 'Total');
        for (const { type, year } of SLOTS) {
          const want = typedInModel(g, type, year, decimals);
          const row = totals.find((r) => r['Amount Type'] === type);
          const shown = row ? (row[`FY${year}`] as number | undefined) : undefined;
          const scale = 10 ** (type === 'FTE' ? 1 : decimals);
          expect(shown === undefined ? 0 : Math.round(shown * scale)).toBe(want);
        }
      }),
      RUNS,
    );
  });

  test('Given any valid workbook and pools, when support costs are allocated, then the full-cost ledger still totals the budget', () => {
    fc.assert(
      fc.property(workbookArb, (spec) => {
        const g = build(spec);
        const { model } = readWorkbook(g.grids);
        const c = compute(model);
        for (const { type, year } of SLOTS) {
          const budget = c.crosswalk.budget.get(type, seriesOf(c, year), 'total');
          expect(budget).toBe(typedInModel(g, type, year, model.moneyDecimals));
          expect(c.support.full.total(type, seriesOf(c, year))).toBe(budget);
          // Objectives only ever receive support; the pools give out exactly what the objectives receive.
          const given = c.support.flows
            .filter((f) => f.type === type && f.year === year && f.to.startsWith('O:'))
            .reduce((s, f) => s + f.amount, 0);
          expect(c.support.support.total(type, seriesOf(c, year))).toBe(given);
        }
      }),
      RUNS,
    );
  });
});
