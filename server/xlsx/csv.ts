import type { ColumnFormat, MoneyDisplay, OutputCell, OutputTable } from '../../models';
import { ByteSink } from './ooxml/byteSink';
import { linkColumnOf } from '../../models';

/** Decimals of an FTE row's amounts, as its sheet format (`#,##0.0`) shows them. */
const FTE_DECIMALS = 1;
const BOM = '\ufeff';
/** Text a spreadsheet would take for a formula when it opens the file (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * An output table as CSV (RFC 4180: comma-separated, CRLF line ends, quotes where needed), for a table too long
 * for a sheet: a header row, then every row. UTF-8 with a byte-order mark, so Excel reads accents as written.
 * Money is exact at the workbook's precision (`1234.50` for two decimals, from the minor units; FTE rows to
 * their one decimal), other numbers as the sheet holds them. A text that starts like a formula gets a leading
 * `'`, as a sheet's text cell is never a formula. Made in chunks of about a megabyte, as they are read.
 */
export function* tableCsv(table: OutputTable, money: MoneyDisplay): Generator<Buffer> {
  const sink = new ByteSink();
  sink.utf8(BOM);
  table.columns.forEach((c, i) => {
    if (i > 0) sink.ascii(',');
    text(sink, c.name);
  });
  sink.ascii('\r\n');
  const linkColumn = linkColumnOf(table);
  const width = table.columns.length;
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r] as OutputCell[];
    const link = table.links?.[r] ?? null;
    const rowFormat = table.rowFormats?.[r] ?? null;
    for (let c = 0; c < width; c++) {
      if (c > 0) sink.ascii(',');
      const value = row[c] ?? null;
      const shown = value === null && c === linkColumn ? link : value;
      cell(sink, shown, decimalsOf(table.columns[c]?.format ?? 'text', rowFormat, money));
    }
    sink.ascii('\r\n');
    if (sink.ready) yield* sink.take();
  }
  yield* sink.take(true);
}

/** The places a money cell keeps: the workbook's for money, one for an FTE row's amounts; none otherwise. */
function decimalsOf(
  format: ColumnFormat,
  rowFormat: ColumnFormat | null,
  money: MoneyDisplay,
): number | null {
  const shown = format === 'money' && rowFormat !== null ? rowFormat : format;
  return shown === 'money' ? money.decimals : shown === 'fte' ? FTE_DECIMALS : null;
}

function cell(sink: ByteSink, value: OutputCell, decimals: number | null): void {
  if (value === null) return;
  if (typeof value === 'boolean') sink.ascii(value ? 'TRUE' : 'FALSE');
  else if (typeof value === 'string') text(sink, value);
  else if (!Number.isFinite(value)) sink.ascii('#NUM!');
  else if (decimals !== null) sink.fixed(value, decimals);
  else sink.number(value);
}

function text(sink: ByteSink, value: string): void {
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  sink.utf8(NEEDS_QUOTES.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert);
}
