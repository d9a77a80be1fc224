import type { CellValue, GridTable, WorkbookGrids } from '../../models';

/**
 * Small in-memory workbooks for engine tests. A table is written as rows, the first of which is its header, so a
 * test reads like the sheet a budget officer would fill in:
 *
 *   grid('Budget', [['Account', 'Amount Type', 'FY2018'], ['023-05-0110', 'BA', 1000]])
 */

export type Row = readonly CellValue[];

export interface GridOptions {
  /** The header row's first cell; `A1` unless the table sits elsewhere on its sheet. */
  topLeft?: string;
  /** `sheet` (a plain range found by its worksheet's name) unless said otherwise. */
  source?: 'table' | 'sheet';
  /** The worksheet holding it; the table's name unless said otherwise. */
  sheet?: string;
}

export function grid(name: string, rows: readonly Row[], options: GridOptions = {}): GridTable {
  const [header = [], ...data] = rows;
  return {
    name,
    source: options.source ?? 'sheet',
    sheet: options.sheet ?? name,
    topLeft: options.topLeft ?? 'A1',
    header: [...header],
    rows: data.map((r) => [...r]),
  };
}

export function workbook(...tables: GridTable[]): WorkbookGrids {
  return { tables };
}

/**
 * A valid workbook in dollars: one account, one goal with one objective and one measure, fully crosswalked.
 * FY2018 budget authority is 1,000.00; the measure is a Count with target 100 and actual 125.
 */
export const MINIMAL: Readonly<Record<string, readonly Row[]>> = {
  Settings: [
    ['Setting', 'Value'],
    ['Agency', 'Test Agency'],
    ['Units', 'Dollars'],
  ],
  Budget: [
    ['Account', 'Account Title', 'Amount Type', 'FY2018'],
    ['023-05-0110', 'Operating Expenses', 'BA', 1000],
  ],
  Goals: [
    ['Goal ID', 'Goal'],
    ['G1', 'Real Estate'],
  ],
  Objectives: [
    ['Objective ID', 'Goal ID', 'Objective'],
    ['1.1', 'G1', 'Reduce the cost of Federal inventory'],
  ],
  Measures: [
    ['Measure ID', 'Objective ID', 'Measure', 'Unit', 'Kind', 'Direction'],
    ['M1', '1.1', 'Leases awarded', 'Raw Count', 'Count', 'Increase'],
  ],
  Results: [
    ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
    ['M1', 2018, 100, 125],
  ],
  Crosswalk: [
    ['Account', 'Objective ID', 'Share'],
    ['023-05-0110', '1.1', '100%'],
  ],
};

/**
 * The minimal workbook with some tables replaced: rows (header first) become a sheet of that name, a GridTable is
 * used as it is, and `null` leaves the table out. Tables not in MINIMAL (Cost Pools, Drivers, Performance) are added.
 */
export function minimalWorkbook(
  overrides: Readonly<Record<string, readonly Row[] | GridTable | null>> = {},
): WorkbookGrids {
  const tables: GridTable[] = [];
  const names = [...Object.keys(MINIMAL), ...Object.keys(overrides).filter((n) => !(n in MINIMAL))];
  for (const name of names) {
    const override = overrides[name];
    if (override === null) continue;
    if (override === undefined) tables.push(grid(name, MINIMAL[name] as readonly Row[]));
    else if (isGrid(override)) tables.push(override);
    else tables.push(grid(name, override));
  }
  return { tables };
}

function isGrid(v: readonly Row[] | GridTable): v is GridTable {
  return !Array.isArray(v);
}

/** The series (ledger column) that stands for a fiscal year in a computation: the budget's only one, in most tests. */
export const seriesOf = (
  c: { plan: { ofYear(year: number): { index: number } | null } },
  year: number,
): number => c.plan.ofYear(year)?.index ?? -1;
