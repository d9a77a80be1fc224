import type { CellValue, GridTable, Units } from '../../../models';
import { parseA1 } from '../../../models/a1';
import { budgetClass, fundingTypeOf } from './codes';
import { add, cellAmount, type Exact, isZero } from './exact';
import { type FileB, type FileBRow, groupedByTas } from './files';
import { type SubmissionPeriod, seriesHeaderOf } from './period';

/**
 * The Budget derived from File B, as a Budget *grid*: the same shape the add-in and the xlsx reader produce, in
 * the Budget table's own columns, so the one Budget reader reads it like any other.
 *
 * - One line per TAS × program activity × object class × direct/reimbursable, for each of Obligations and Gross
 *   Outlays (a line whose amount is $0 is left out). Rows that differ only in DEFC are added together.
 * - Only PYA X rows: B and P rows adjust amounts reported in prior years, so they are no part of this year's
 *   obligations and outlays (the broker leaves them out of the File A tie-out for the same reason).
 * - Account is the TAS as Treasury displays it (`047-X-4542-000`); Program Activity the code (else the PARK, else
 *   the name) and its title the name; Object Class three digits (`2520` and `25.2` read `252`).
 * - Amounts are File B's exact decimals with the sign reversed, never made absolute: File B reports obligations
 *   and outlays as negative amounts, the Budget shows spending as positive. File B is in dollars; with Units set
 *   to Thousands or Millions the decimal point moves, exactly (cents are kept). An amount is a number when a
 *   double holds it exactly (as a typed Budget's would be, and the Budget reader reads those fastest), else text.
 * - The grid sits on File B's sheet, so issues about a line point there. Each line's row is approximate, since a
 *   line adds up rows: the Obligations line sits on the row of its first File B row; a Gross Outlays line does
 *   too when the line has no obligations, else it sits below File B's last row.
 */

export const BUDGET_COLUMNS = [
  'Account',
  'Account Title',
  'Program Activity',
  'Program Activity Title',
  'Object Class',
  'Funding Type',
  'Amount Type',
] as const;

interface Line {
  first: number;
  account: string;
  title: string;
  activity: string;
  activityTitle: string;
  objectClass: string;
  fundingType: string;
  obligations: Exact;
  grossOutlays: Exact;
}

export interface DerivedBudget {
  grid: GridTable;
  /** Budget lines written (an Obligations and a Gross Outlays line count as two). */
  lines: number;
  /** File B rows that went into them (PYA X, with a TAS). */
  rows: number;
}

const EMPTY_ROW: CellValue[] = [];

/** Decimal places between dollars and the workbook's Units: File B is in dollars, the Budget in Units. */
const UNIT_SHIFT: Record<Units, number> = { Dollars: 0, Thousands: 3, Millions: 6 };

export function deriveBudget(b: FileB, period: SubmissionPeriod, units: Units = 'Dollars'): DerivedBudget {
  const rows: CellValue[][] = new Array<CellValue[]>(b.grid.rows.length).fill(EMPTY_ROW);
  /** Gross Outlays lines that go below File B's last row, by their first File B row. */
  const below: [number, CellValue[]][] = [];
  const cells = (line: Line, type: string, amount: Exact): CellValue[] => [
    line.account,
    line.title,
    line.activity,
    line.activityTitle,
    line.objectClass,
    line.fundingType,
    type,
    cellAmount({ units: -amount.units, scale: amount.scale + UNIT_SHIFT[units] }),
  ];
  const thisYear = b.rows.filter((row) => row.pya === 'X' && row.tas !== '');
  const lineOf = lineMaker();
  let written = 0;
  // One TAS at a time: its lines are a small map, so 200,000 rows never hold 200,000 line keys at once.
  for (const group of groupedByTas(thisYear)) {
    for (const line of linesOf(group, lineOf)) {
      if (!isZero(line.obligations)) {
        rows[line.first] = cells(line, 'Obligations', line.obligations);
        written++;
      }
      if (isZero(line.grossOutlays)) continue;
      const outlays = cells(line, 'Gross Outlays', line.grossOutlays);
      written++;
      if (rows[line.first] === EMPTY_ROW) rows[line.first] = outlays;
      else below.push([line.first, outlays]);
    }
  }
  // In the order of the lines' first rows, whatever their TAS.
  below.sort((x, y) => x[0] - y[0]);
  for (const [, outlays] of below) rows.push(outlays);

  const top = parseA1(b.grid.topLeft).row;
  return {
    grid: {
      name: 'Budget',
      source: 'sheet',
      sheet: b.grid.sheet,
      topLeft: `A${top}`,
      header: [...BUDGET_COLUMNS, seriesHeaderOf(period)],
      rows,
    },
    lines: written,
    rows: thisYear.length,
  };
}

/** A new line for a File B row; a file holds a few dozen object classes, each turned into its Budget form once. */
function lineMaker(): (row: FileBRow) => Line {
  const classes = new Map<string, string>();
  return (row) => {
    let objectClass = classes.get(row.objectClass);
    if (objectClass === undefined) {
      objectClass = budgetClass(row.objectClass);
      classes.set(row.objectClass, objectClass);
    }
    return {
      first: row.index,
      account: row.tas,
      title: row.title,
      activity: row.paCode || row.park || row.paName,
      activityTitle: row.paName,
      objectClass,
      fundingType: fundingTypeOf(row.flag),
      obligations: row.obligations,
      grossOutlays: row.grossOutlays,
    };
  };
}

/** One TAS's rows as its lines, in the order of their first rows; rows of one line are added up. */
function linesOf(rows: readonly FileBRow[], lineOf: (row: FileBRow) => Line): Iterable<Line> {
  const lines = new Map<string, Line>();
  for (const row of rows) {
    const made = lineOf(row);
    const key = `${made.activity.toUpperCase()}\u0001${made.objectClass}\u0001${made.fundingType}`;
    const line = lines.get(key);
    if (!line) {
      lines.set(key, made);
      continue;
    }
    line.obligations = add(line.obligations, row.obligations);
    line.grossOutlays = add(line.grossOutlays, row.grossOutlays);
    line.title ||= row.title;
  }
  return lines.values();
}
