import type { CellValue, GridTable, WorkbookGrids } from '../models';
import { Random } from './random';

/**
 * Synthetic agency workbooks for benchmarks: accounts with program activities and object classes, three fiscal
 * years of budget authority and outlays (and FTE on personnel lines), goals, objectives and measures, a crosswalk
 * at mixed specificity, and cost pools. Seeded and deterministic.
 *
 * Shapes come from the OMB Public Budget Database (FY2017 edition, budget authority FY2014–FY2016, 5,481 non-zero
 * account-years; computed once by `bench/README.md`'s recipe): account amounts are log-normal with log10 mean
 * 4.86 and standard deviation 1.15 (thousands of dollars), and about a third of non-zero account-years are
 * negative (offsetting receipts); here 10% of accounts are receipt accounts whose lines are all negative, since
 * receipts rarely reach program-activity detail.
 */

export const PBD_LOG10_MEAN = 4.86;
export const PBD_LOG10_SD = 1.15;
export const RECEIPT_ACCOUNT_SHARE = 0.1;
const OBJECT_CLASSES = ['11.1', '12.1', '21.0', '23.1', '25.1', '25.2', '25.3', '26.0', '31.0', '41.0'];
const YEARS = [2024, 2025, 2026];

export interface GeneratedWorkbook {
  grids: WorkbookGrids;
  lines: number;
}

const table = (name: string, header: string[], rows: CellValue[][]): GridTable => ({
  name,
  source: 'table',
  sheet: name,
  topLeft: 'A1',
  header,
  rows,
});

export interface GenerateOptions {
  seed?: number;
  /** Account-level crosswalk rows only and no cost pools: what a SUMIFS workbook can reproduce. */
  simple?: boolean;
  /** Objectives under each of the 5 goals; default 4 (20 objectives). A department has about 12 (60). */
  objectivesPerGoal?: number;
  /** Amounts in dollars and cents (Units: Dollars), as a department's ledger exports them, not whole thousands. */
  cents?: boolean;
}

/** The shape issue 13 measured a department at: 60 objectives, amounts in dollars and cents. */
export const DEPARTMENT: GenerateOptions = { objectivesPerGoal: 12, cents: true };

export function generateWorkbook(targetLines: number, options: GenerateOptions = {}): GeneratedWorkbook {
  const seed = options.seed ?? 20260101;
  const simple = options.simple ?? false;
  const r = new Random(seed);
  // Thousands of dollars, whole; or dollars to the cent.
  const money = (thousands: number) =>
    options.cents ? Math.round(thousands * 100_000) / 100 : Math.round(thousands);
  const goals = Array.from({ length: 5 }, (_, g) => [
    `G${g + 1}`,
    `Strategic goal ${g + 1}`,
    `Leader ${g + 1}`,
  ]);
  const objectives: CellValue[][] = [];
  goals.forEach((_, g) => {
    for (let o = 1; o <= (options.objectivesPerGoal ?? 4); o++)
      objectives.push([`${g + 1}.${o}`, `G${g + 1}`, `Objective ${g + 1}.${o}`]);
  });
  const objectiveIds = objectives.map((o) => o[0] as string);

  const budget: CellValue[][] = [];
  const crosswalk: CellValue[][] = [];
  let lines = 0;
  for (let a = 1; lines < targetLines; a++) {
    const account = `${String(100 + (a % 900)).padStart(3, '0')}-${String(a % 100).padStart(2, '0')}-${String(a).padStart(6, '0')}`;
    const receipt = r.next() < RECEIPT_ACCOUNT_SHARE;
    const accountTotal = Math.pow(10, PBD_LOG10_MEAN + PBD_LOG10_SD * r.normal()) * (receipt ? -1 : 1);
    const pas = Array.from({ length: r.int(1, 6) }, (_, p) => String(p + 1).padStart(4, '0'));
    for (const pa of pas) {
      const ocs = OBJECT_CLASSES.filter(() => r.next() < 0.45);
      if (ocs.length === 0) ocs.push('25.2');
      for (const oc of ocs) {
        const weight = r.next() / (pas.length * ocs.length);
        for (const type of ['Budget Authority', 'Outlays'] as const) {
          const base = accountTotal * weight * 2 * (type === 'Outlays' ? 0.8 + 0.3 * r.next() : 1);
          budget.push([
            account,
            `Account ${a}`,
            pa,
            `Activity ${pa}`,
            oc,
            receipt ? 'Mandatory' : 'Discretionary',
            type,
            ...YEARS.map((_, y) => money(base * (1 + 0.03 * y + 0.05 * r.normal()))),
          ]);
          lines += 1;
        }
        if (oc === '11.1' && !receipt) {
          budget.push([
            account,
            `Account ${a}`,
            pa,
            `Activity ${pa}`,
            oc,
            'Discretionary',
            'FTE',
            ...YEARS.map(() => Math.round(Math.abs(accountTotal) * weight * 0.01 * 10) / 10),
          ]);
          lines += 1;
        }
      }
    }
    // Crosswalk at mixed specificity: most accounts at account level, some by program activity, some object
    // classes to the IT pool, a few unmapped on purpose.
    const roll = simple ? 1 : r.next();
    if (roll < 0.05) continue;
    if (roll < 0.15) crosswalk.push([account, null, '25.3', null, null, 'IT', '100%', 'Synthetic']);
    if (roll < 0.35) {
      for (const pa of pas) {
        const shares = r.shares(r.int(1, 3));
        shares.forEach((s) =>
          crosswalk.push([account, pa, null, r.pick(objectiveIds), null, null, `${s}%`, 'Synthetic']),
        );
      }
    }
    if (roll < 0.42)
      crosswalk.push([account, null, null, null, null, 'Mission Support', '100%', 'Synthetic']);
    else {
      const shares = r.shares(r.int(1, 3));
      shares.forEach((s) =>
        crosswalk.push([account, null, null, r.pick(objectiveIds), null, null, s / 100, 'Synthetic']),
      );
    }
  }

  const measures: CellValue[][] = [];
  const results: CellValue[][] = [];
  objectiveIds.forEach((o, i) => {
    for (let m = 1; m <= 2; m++) {
      const id = `${o}.${m}`;
      const kind = (['Count', 'Rate', 'Cumulative', 'Index'] as const)[(i + m) % 4] ?? 'Count';
      measures.push([
        id,
        o,
        `Measure ${id}`,
        kind === 'Rate' ? 'Percentage' : 'Raw Count',
        kind,
        r.next() < 0.8 ? 'Increase' : 'Decrease',
      ]);
      let value = kind === 'Rate' ? r.next() : r.int(100, 10_000);
      for (const y of YEARS) {
        value =
          kind === 'Rate'
            ? Math.min(1, value * (0.95 + 0.1 * r.next()))
            : Math.round(value * (1 + 0.1 * r.next()));
        results.push([
          id,
          y,
          kind === 'Rate' ? Math.round(value * 1000) / 1000 : Math.round(value * 1.02),
          kind === 'Rate' ? Math.round(value * 1000) / 1000 : value,
        ]);
      }
    }
  });

  return {
    lines,
    grids: {
      tables: [
        table(
          'Settings',
          ['Setting', 'Value'],
          [
            ['Agency', 'Synthetic Agency'],
            ['Units', options.cents ? 'Dollars' : 'Thousands'],
            ['Base Year', 2026],
            ['Allocation', 'Step-Down'],
          ],
        ),
        table(
          'Budget',
          [
            'Account',
            'Account Title',
            'Program Activity',
            'Program Activity Title',
            'Object Class',
            'Category',
            'Amount Type',
            ...YEARS.map((y) => `FY${y}`),
          ],
          budget,
        ),
        table('Goals', ['Goal ID', 'Goal', 'Leader'], goals),
        table('Objectives', ['Objective ID', 'Goal ID', 'Objective'], objectives),
        table('Measures', ['Measure ID', 'Objective ID', 'Measure', 'Unit', 'Kind', 'Direction'], measures),
        table('Results', ['Measure ID', 'Fiscal Year', 'Target', 'Actual'], results),
        table(
          'Crosswalk',
          [
            'Account',
            'Program Activity',
            'Object Class',
            'Objective ID',
            'Goal ID',
            'Cost Pool',
            'Share',
            'Basis',
          ],
          crosswalk,
        ),
        ...(simple
          ? []
          : [
              table(
                'CostPools',
                ['Cost Pool', 'Method', 'Order'],
                [
                  ['IT', 'Driver', 1],
                  ['Mission Support', 'Direct Cost', 2],
                ],
              ),
              table(
                'Drivers',
                ['Cost Pool', 'Objective ID', 'Target Pool', 'Driver Value'],
                [
                  ...objectiveIds.filter((_, i) => i % 3 === 0).map((o, i) => ['IT', o, null, 10 + i * 7]),
                  ['IT', null, 'Mission Support', 25],
                ],
              ),
            ]),
      ],
    },
  };
}
