import fc from 'fast-check';
import type { WorkbookGrids } from '../../models';
import { minimalWorkbook, type Row } from '../helpers/workbook';

/**
 * Random valid workbooks for the property tests: budget lines in every way people type amounts, crosswalk
 * sets at every level of specificity (shares summing to exactly 100%, as percents or fractions, often in equal
 * parts so largest-remainder ties happen), goal-level and pool targets, cost pools of every method with
 * drivers between them, measures and results. Amounts are exact integers written as text, so the expected
 * totals never pass through a float.
 */

export const YEARS = [2017, 2018] as const;
const ACCOUNTS = ['023-05-0110', '023-10-4534', '047-X-4542-000', '4542'] as const;
export const TYPES = {
  BA: 'Budget Authority',
  Obligations: 'Obligations',
  'Gross Outlays': 'Gross Outlays',
  FTE: 'FTE',
} as const;
/** Series headers as people write them: bare years, version labels, the Budget Appendix's own. */
const SERIES_LABELS = [
  ['FY2017', 'FY2018'],
  ['FY2017 Actual', 'FY2018 Enacted'],
  ['2017 actual', '2018 est.'],
] as const;
type TypeCode = keyof typeof TYPES;

/** An integer count of 10^-decimals as amount text, in one of the ways people type amounts. */
export function amountText(minor: bigint, decimals: number, style: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  const grouped = style % 2 === 1 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  const dollar = style >= 2 ? '$' : '';
  if (!negative) return `${dollar}${grouped}${frac}`;
  return style % 2 === 1 ? `(${dollar}${grouped}${frac})` : `-${dollar}${grouped}${frac}`;
}

/** Shares in parts per billion summing to exactly 100%, as percents (7 decimals) or fractions (9). */
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

export const workbookSpec = fc.record({
  units: fc.constantFrom('Dollars', 'Thousands', 'Millions'),
  decimals: fc.integer({ min: 0, max: 2 }),
  allocation: fc.constantFrom('Direct', 'Step-Down', 'Reciprocal'),
  labels: fc.constantFrom(...SERIES_LABELS),
  objectives: fc.integer({ min: 1, max: 4 }),
  lines: fc.array(
    fc.record({
      account: fc.constantFrom(...ACCOUNTS),
      pa: fc.constantFrom('', '0001', '0002'),
      oc: fc.constantFrom('', '25.2', '31.0'),
      type: fc.constantFrom<TypeCode>('BA', 'BA', 'Obligations', 'Gross Outlays', 'FTE'),
      lineType: fc.constantFrom('', '', '', 'Spending', 'Receipt', 'Intra-agency'),
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
      ocWithoutDot: fc.boolean(),
      // A recast: the set applies to FY2018 only and replaces the account's undated rows that year.
      recast: fc.constantFrom(false, false, false, true),
      asPercent: fc.boolean(),
      // Equal weights half the time: an odd cent split in halves is a largest-remainder tie.
      equal: fc.boolean(),
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
      value: fc.integer({ min: 1, max: 10_000 }),
    }),
    { maxLength: 6 },
  ),
  results: fc.array(
    fc.record({
      objective: fc.nat(),
      kind: fc.constantFrom('Count', 'Rate', 'Currency', 'Cumulative'),
      target: fc.integer({ min: 1, max: 10_000 }),
      actuals: fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 })),
    }),
    { maxLength: 4 },
  ),
});
export type WorkbookSpec = typeof workbookSpec extends fc.Arbitrary<infer T> ? T : never;

export interface Generated {
  grids: WorkbookGrids;
  /** The Budget total by `type|year`, as an exact count of the minor units typed (10^-decimals; FTE in tenths). */
  typed: Map<string, bigint>;
  /** The part of `typed` on Receipt and Intra-agency lines, which must stay apart from goals. */
  apart: Map<string, bigint>;
  decimals: number;
  /** The series header of each of YEARS, as typed (and as every output must show it). */
  labels: readonly string[];
}

/** Builds the workbook a spec describes. */
export function buildWorkbook(spec: WorkbookSpec): Generated {
  const objectiveIds = Array.from(
    { length: spec.objectives },
    (_, i) => `${(i % 2) + 1}.${Math.floor(i / 2) + 1}`,
  );
  const goalIds = [...new Set(objectiveIds.map((id) => `G${id.split('.')[0]}`))];
  const poolNames = spec.pools.map((_, i) => `Pool ${i + 1}`);
  const typed = new Map<string, bigint>();
  const apart = new Map<string, bigint>();

  const budget: Row[] = [
    ['Account', 'Program Activity', 'Object Class', 'Amount Type', 'Line Type', ...spec.labels],
  ];
  for (const line of spec.lines) {
    const fte = line.type === 'FTE';
    const cells = line.amounts.map((a, y) => {
      if (a === null) return null;
      // Money up to ±1e12 in Units whatever the decimals typed; FTE to a tenth, up to ten million of them.
      const value = a % (fte ? 100_000_000n : 10n ** BigInt(12 + spec.decimals) + 1n);
      const key = `${TYPES[line.type]}|${YEARS[y]}`;
      typed.set(key, (typed.get(key) ?? 0n) + value);
      if (line.lineType === 'Receipt' || line.lineType === 'Intra-agency')
        apart.set(key, (apart.get(key) ?? 0n) + value);
      return amountText(value, fte ? 1 : spec.decimals, fte ? 0 : line.style);
    });
    budget.push([line.account, line.pa, line.oc, line.type, line.lineType, ...cells]);
  }

  const crosswalk: Row[] = [
    [
      'Account',
      'Program Activity',
      'Object Class',
      'Objective ID',
      'Goal ID',
      'Cost Pool',
      'Share',
      'Fiscal Year',
    ],
  ];
  const seen = new Set<string>();
  for (const set of spec.sets) {
    const line = spec.lines[set.line % spec.lines.length];
    if (!line) continue;
    const pa = set.usePa ? line.pa : '';
    const oc = set.useOc ? line.oc : '';
    const key = `${line.account}|${pa}|${oc.replace('.', '')}|${set.recast}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // One row per target: a target named twice would be a (reported) duplicate, not a valid workbook.
    const targets: Row[] = [];
    const named = new Set<string>();
    for (const t of set.targets) {
      const kind = t.kind === 'pool' && poolNames.length === 0 ? 'objective' : t.kind;
      const target =
        kind === 'objective'
          ? [objectiveIds[t.index % objectiveIds.length] as string, null, null]
          : kind === 'goal'
            ? [null, goalIds[t.index % goalIds.length] as string, null]
            : [null, null, poolNames[t.index % poolNames.length] as string];
      const id = `${kind}:${target.join('')}`;
      if (named.has(id)) continue;
      named.add(id);
      targets.push(target);
    }
    const shares = shareTexts(
      targets.map((_, i) => (set.equal ? 1 : (set.targets[i]?.weight ?? 1))),
      set.asPercent,
    );
    targets.forEach((target, i) =>
      crosswalk.push([
        line.account,
        pa,
        set.ocWithoutDot ? oc.replace('.', '') : oc,
        ...target,
        shares[i] as string,
        set.recast ? YEARS[1] : null,
      ]),
    );
  }

  const drivers: Row[] = [['Cost Pool', 'Objective ID', 'Target Pool', 'Driver Value']];
  for (const d of spec.drivers) {
    if (poolNames.length === 0) break;
    const from = poolNames[d.from % poolNames.length] as string;
    if (d.toPool) drivers.push([from, null, poolNames[d.to % poolNames.length] as string, d.value]);
    else drivers.push([from, objectiveIds[d.to % objectiveIds.length] as string, null, d.value]);
  }

  const measures: Row[] = [['Measure ID', 'Objective ID', 'Measure', 'Unit', 'Kind', 'Direction']];
  const results: Row[] = [['Measure ID', 'Fiscal Year', 'Target', 'Actual']];
  spec.results.forEach((r, i) => {
    const id = `M${i + 1}`;
    measures.push([
      id,
      objectiveIds[r.objective % objectiveIds.length] as string,
      `Measure ${id}`,
      'Units',
      r.kind,
      'Increase',
    ]);
    YEARS.forEach((year, y) => results.push([id, year, r.target, r.actuals[y] as number]));
  });

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
    Measures: spec.results.length > 0 ? measures : null,
    Results: spec.results.length > 0 ? results : null,
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
  return { grids, typed, apart, decimals: spec.decimals, labels: spec.labels };
}

export const workbookArb = workbookSpec.map(buildWorkbook);

/** The same workbook with the rows of some tables reordered (header kept first). */
export function shuffleRows(
  grids: WorkbookGrids,
  tables: readonly string[],
  keys: readonly number[],
): WorkbookGrids {
  return {
    tables: grids.tables.map((t) => {
      if (!tables.includes(t.name)) return t;
      const order = t.rows.map((row, i) => ({ row, key: keys[i % Math.max(1, keys.length)] ?? 0, i }));
      order.sort((a, b) => a.key - b.key || b.i - a.i);
      return { ...t, rows: order.map((o) => o.row) };
    }),
  };
}

/** The typed total in the model's minor units (the model may carry more decimals than were typed, never fewer). */
export function typedInModel(
  g: Generated,
  type: string,
  year: number,
  moneyDecimals: number,
  from: 'typed' | 'apart' = 'typed',
): bigint {
  const typed = g[from].get(`${type}|${year}`) ?? 0n;
  if (type === 'FTE') return typed;
  const shift = moneyDecimals - g.decimals;
  return shift >= 0 ? typed * 10n ** BigInt(shift) : typed / 10n ** BigInt(-shift);
}
