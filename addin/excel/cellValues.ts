import type { CellValue } from '../../models';

/**
 * One Office.js cell (its value, value type and number format) to one grid value, as the exceljs reader
 * would give it for the same workbook: blanks are null, errors stay errors, and a number shown as a date is a
 * date, so that "a date where an amount belongs" is reported at its cell instead of read as a serial number.
 */
export function gridValue(value: unknown, valueType: string | undefined, numberFormat: unknown): CellValue {
  if (valueType === 'Error') return { error: String(value) };
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { error: '#NUM!' };
    if (typeof numberFormat === 'string' && isDateFormat(numberFormat)) return dateFromSerial(value);
    return value;
  }
  return null;
}

/**
 * True for number formats that show a date or time (`m/d/yyyy`, `[$-409]mmmm d, yyyy`, `h:mm`): a d, m, y, h
 * or s outside quoted text, escapes and bracketed sections (colours, locales, conditions).
 */
export function isDateFormat(format: string): boolean {
  if (format === '' || /^general$/i.test(format) || format === '@') return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  return /[dmyhs]/i.test(bare);
}

const EPOCH_1900 = 25569; // the serial of 1970-01-01 in Excel's 1900 date system
const MS_PER_DAY = 86_400_000;

/** Excel serial (1900 date system) → `2018-10-01`, or a full ISO timestamp when it has a time of day. */
export function dateFromSerial(serial: number): CellValue {
  // Excel counts a 29 February 1900 that never was; serials before it are a day early.
  const days = serial < 61 ? serial + 1 : serial;
  const ms = Math.round((days - EPOCH_1900) * MS_PER_DAY);
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return { error: '#VALUE!' };
  const iso = date.toISOString();
  return { date: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso };
}
