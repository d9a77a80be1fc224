import ExcelJS from 'exceljs';
import type { CellValue, Severity, WorkbookGrids } from '../../models';
import { parseA1 } from '../../models/a1';
import { minimalWorkbook, type Row } from '../helpers/workbook';

/**
 * One bad-input case: a small builder for a workbook (grids, or real .xlsx bytes) and exactly what Throughline
 * must say about it. Cases are data; `corpus.test.ts` runs every one through the real path.
 */

/** An issue as a person reads it on the Issues sheet: severity, code and place (`Budget!D2`). */
export interface ExpectedIssue {
  severity: Severity;
  code: string;
  sheet: string;
  cell: string;
}

/** A file that cannot be read at all: the error the adapter throws, and the answer the HTTP API gives. */
export interface Refusal {
  error: 'UnreadableWorkbookError' | 'WorkbookTooLargeError' | 'OutputNameConflictError';
  /** `UnreadableWorkbookError.reason`, `WorkbookTooLargeError.limit` or `OutputNameConflictError.sheet`. */
  reason?: string;
  status: 400 | 413 | 415 | 422;
  /** The problem type after `urn:throughline:problem:`. */
  problem: string;
}

/** What a readable case's run looks like, for the checks a case adds of its own. */
export interface CaseRun {
  grids: WorkbookGrids;
  result: import('../../models').EngineResult;
  output: Buffer;
  /** The written crosswalk workbook, loaded with exceljs. */
  written: ExcelJS.Workbook;
}

interface CaseBase {
  name: string;
  /** Why the case exists, in a line: the mess it stands for. */
  why: string;
}

export type CorpusCase = CaseBase &
  (
    | {
        /** Grids, as the add-in sends them; the runner also writes them to an .xlsx and runs that. */
        grids: () => WorkbookGrids;
        expected: ExpectedIssue[];
        /** The ResourcesByGoal Total row by amount type and fiscal year, as shown (in Units). */
        totals?: Record<string, Record<string, number>>;
        check?: (run: CaseRun) => void | Promise<void>;
      }
    | {
        /** Real .xlsx bytes, for what grids cannot carry: merges, Excel tables, formulas, files that are not workbooks. */
        xlsx: () => Promise<Buffer>;
        expected: ExpectedIssue[] | Refusal;
        totals?: Record<string, Record<string, number>>;
        check?: (run: CaseRun) => void | Promise<void>;
      }
  );

function expected(severity: Severity, code: string, place = ''): ExpectedIssue {
  const bang = place.lastIndexOf('!');
  const sheet = bang < 0 ? place : place.slice(0, bang);
  return {
    severity,
    code,
    sheet: sheet.replace(/^'(.*)'$/, '$1').replace(/''/g, "'"),
    cell: bang < 0 ? '' : place.slice(bang + 1),
  };
}

/** `E('AMOUNT_INVALID', 'Budget!D2')`: an error at Budget!D2. A place without `!` is a sheet; none, the workbook. */
export const E = (code: string, place?: string) => expected('error', code, place);
export const W = (code: string, place?: string) => expected('warning', code, place);
export const N = (code: string, place?: string) => expected('info', code, place);

/** The minimal valid workbook (tests/helpers) with some tables replaced; see `minimalWorkbook`. */
export const minimal = minimalWorkbook;
export type { Row };

/** A Budget of one account and one FY2018 column, one row per amount cell (D2, D3, ...). */
export function budgetOf(amounts: readonly CellValue[], header = 'FY2018'): Row[] {
  return [
    ['Account', 'Account Title', 'Amount Type', header],
    ...amounts.map((a): Row => ['023-05-0110', 'Operating Expenses', 'BA', a]),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Writing workbooks: grids to .xlsx the way Excel would hold them.

/** A grid value as exceljs writes it: errors stay errors, dates dates, formulas formulas without a result. */
export function excelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || typeof v !== 'object') return v;
  if ('error' in v) return { error: v.error as ExcelJS.CellErrorValue['error'] };
  if ('date' in v) return new Date(v.date.length === 10 ? `${v.date}T00:00:00Z` : v.date);
  return { formula: v.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
}

/** Writes grids into a new workbook: each at its sheet and top-left cell, `table` grids as Excel tables. */
export function writeGrids(workbook: ExcelJS.Workbook, grids: WorkbookGrids): void {
  for (const table of grids.tables) {
    const sheet = workbook.getWorksheet(table.sheet) ?? workbook.addWorksheet(table.sheet);
    const { column, row } = parseA1(table.topLeft);
    if (table.source === 'table') {
      const width = table.header.length;
      sheet.addTable({
        name: table.name,
        ref: table.topLeft,
        headerRow: true,
        columns: table.header.map((h, i) => ({ name: h === null ? `Column${i + 1}` : String(h) })),
        rows: table.rows.map((r) => Array.from({ length: width }, (_, i) => excelValue(r[i] ?? null))),
      });
      continue;
    }
    [table.header, ...table.rows].forEach((cells, r) =>
      cells.forEach((v, c) => {
        if (v !== null) sheet.getCell(row + r, column + c).value = excelValue(v);
      }),
    );
  }
}

export async function xlsxOf(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Grids as an .xlsx, optionally touched up afterwards (merges, formulas with results, formats). */
export function gridsXlsx(
  grids: WorkbookGrids,
  touch?: (workbook: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  return xlsxOf((workbook) => {
    writeGrids(workbook, grids);
    touch?.(workbook);
  });
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}
