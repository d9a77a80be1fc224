import type ExcelJS from 'exceljs';
import { excelJs } from './excelJs';
import type { CellValue } from '../../models';

/**
 * One exceljs cell to one grid value. Grids carry what the user sees, not how Excel stores it: rich text and
 * hyperlinks become their text, formulas their cached result. A formula Excel never calculated stays a
 * formula so the reader can say so instead of guessing a value.
 */
export function gridValueOf(cell: ExcelJS.Cell): CellValue {
  // exceljs answers a merged cell's value with its master's; only the master should carry it.
  const { ValueType } = excelJs();
  if (cell.type === ValueType.Merge) return null;
  if (cell.type === ValueType.Formula) {
    // `cell.value` drops a falsy result (a formula that sums to 0, or is FALSE): ask for the result itself.
    const result: unknown = cell.result;
    return result === undefined ? { formula: `=${cell.formula}` } : convert(result, () => cell.formula);
  }
  return convert(cell.value, () => cell.formula);
}

function convert(value: unknown, formulaText: () => string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { error: '#NUM!' };
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return dateCell(value);
  if (typeof value !== 'object') return null;

  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return nonEmpty(richTextOf(value.richText));
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    // No cached result means Excel never calculated it; an empty-string result is a calculated blank.
    if (result === undefined) return { formula: `=${formulaText()}` };
    return convert(result, formulaText);
  }
  if ('hyperlink' in value && 'text' in value) {
    const text = value.text;
    return typeof text === 'string' ? nonEmpty(text) : convert(text, formulaText);
  }
  return null;
}

function richTextOf(runs: unknown): string {
  if (!Array.isArray(runs)) return '';
  return runs
    .map((run: unknown) =>
      typeof run === 'object' && run !== null && 'text' in run && typeof run.text === 'string'
        ? run.text
        : '',
    )
    .join('');
}

function nonEmpty(text: string): string | null {
  return text === '' ? null : text;
}

/** An Excel date serial (days since 1899-12-30, or since 1904-01-01) as exceljs turns it into a date cell. */
export function serialDate(serial: number, date1904: boolean): CellValue {
  return dateCell(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000)));
}

/** Dates without a time of day read as `2018-10-01`; with one, as a full ISO timestamp. */
function dateCell(date: Date): CellValue {
  if (Number.isNaN(date.getTime())) return { error: '#VALUE!' };
  const iso = date.toISOString();
  return { date: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso };
}
