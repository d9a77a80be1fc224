import { parse } from 'csv-parse/sync';
import type { CellValue, GridTable } from '../../models';

/**
 * A CSV file as the grid a sheet holding it would give: the CSV pasted at A1 of a sheet named `sheet`, header on
 * row 1, so line n of the file is row n of the sheet. Cells stay text, as the broker reads them; an empty cell
 * is blank.
 */
export function csvGrid(sheet: string, text: string): GridTable {
  const records: string[][] = parse(text, { relax_column_count: true, bom: true });
  const [header = [], ...rows] = records;
  const cell = (v: string): CellValue => (v === '' ? null : v);
  return { name: sheet, source: 'sheet', sheet, topLeft: 'A1', header, rows: rows.map((r) => r.map(cell)) };
}

/** Rows of cells as CSV text (RFC 4180 quoting), for the example files. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const quote = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(quote).join(',')).join('\n') + '\n';
}
