import { z } from 'zod';
import { OUTPUT_SHEETS } from './sheets';

/**
 * The grid wire format: how a table travels between Excel (Office.js or exceljs), the CLI, the HTTP API
 * and the engine. A grid is plain data: no Excel objects, no formatting, just values and where they sat.
 */

/** An Excel error value such as `#REF!` or `#DIV/0!`, kept as an error so the reader can point at it. */
export const ErrorCell = z.object({ error: z.string().max(64) }).strict();
/** A date the workbook holds as a date (ISO 8601), kept apart from numbers so "a date where a number belongs" is caught. */
export const DateCell = z.object({ date: z.string().max(64) }).strict();
/** A formula whose value Excel never calculated (no cached result); the reader reports it, never guesses. */
export const FormulaCell = z.object({ formula: z.string().max(8192) }).strict();

export const CellValue = z.union([
  z.null(),
  z.string().max(32767), // Excel's own limit for a cell's text
  z.number(),
  z.boolean(),
  ErrorCell,
  DateCell,
  FormulaCell,
]);
export type CellValue = z.infer<typeof CellValue>;

/** `A1`-style address: column letters then a 1-based row number. */
export const CellAddress = z
  .string()
  .regex(/^[A-Z]{1,3}[1-9][0-9]{0,6}$/, 'an A1-style cell address such as B3');

/**
 * One input table as read from the workbook. `topLeft` is the header row's first cell, so row `i` of `rows`
 * sits on worksheet row `topLeft.row + 1 + i`. Blank rows stay in `rows` (as empty arrays or nulls) so that
 * every value keeps its true cell; trailing blank rows may be trimmed by the adapter.
 */
export const GridTable = z
  .object({
    /** The Excel table (ListObject) name, or the worksheet name when the data is a plain range. */
    name: z.string().min(1).max(255),
    source: z.enum(['table', 'sheet']),
    sheet: z.string().min(1).max(255),
    topLeft: CellAddress,
    header: z.array(CellValue),
    rows: z.array(z.array(CellValue)),
  })
  .strict();
export type GridTable = z.infer<typeof GridTable>;

/** Everything the engine needs from a workbook: its tables (and sheets read as tables). */
export const WorkbookGrids = z.object({ tables: z.array(GridTable) }).strict();
export type WorkbookGrids = z.infer<typeof WorkbookGrids>;

/** Values the engine writes: plain, so both writers (exceljs and Office.js) can take them as they are. */
export const OutputCell = z.union([z.null(), z.string(), z.number(), z.boolean()]);
export type OutputCell = z.infer<typeof OutputCell>;

/**
 * How a column should look. Both writers turn these into the same Excel number formats, so the workbook looks
 * the same whether the CLI, the server or the add-in wrote it.
 */
export const ColumnFormat = z.enum([
  'text',
  'year', // 2018, no thousands separator
  'integer', // counts
  'money', // accounting format at the workbook's precision, in the workbook's Units
  'fte', // one decimal place
  'share', // percent with two decimals
  'number', // a measure's value (targets, actuals): general number
  'ratio', // a return ratio, e.g. 3.25x
  'dollars', // plain dollars and cents (cost per unit), whatever the Units
]);
export type ColumnFormat = z.infer<typeof ColumnFormat>;

export const OutputColumn = z
  .object({ name: z.string().min(1), format: ColumnFormat, width: z.number().int().positive().optional() })
  .strict();
export type OutputColumn = z.infer<typeof OutputColumn>;

/**
 * How a row's measure values (`number` cells: targets, actuals, projections) are shown when not as plain numbers:
 * a rate the workbook writes as a fraction is shown as a percent at the measure's own precision, so 0.032 reads
 * `3.2%` (`{ format: 'share', decimals: 1 }`).
 */
export const ValueFormat = z
  .object({ format: z.literal('share'), decimals: z.number().int().min(0).max(8) })
  .strict();
export type ValueFormat = z.infer<typeof ValueFormat>;

/** `detail` rows are plain; `subtotal` rows (a goal) and `total` rows are bold, as budget exhibits are. */
export const RowKind = z.enum(['detail', 'subtotal', 'total']);
export type RowKind = z.infer<typeof RowKind>;

export const OutputTable = z
  .object({
    /** Table name and sheet name (they are the same, as the contract requires): one of the output sheets. */
    name: z.enum(OUTPUT_SHEETS),
    /** A title line written above the table, e.g. "Resources by Strategic Goal (dollars in thousands)". */
    title: z.string(),
    columns: z.array(OutputColumn).min(1),
    rows: z.array(z.array(OutputCell)),
    /** One per row when present; absent means every row is `detail`. */
    rowKinds: z.array(RowKind).optional(),
    /** One per row when present: a format that replaces `money` for that row's money cells (FTE rows: `fte`). */
    rowFormats: z.array(ColumnFormat.nullable()).optional(),
    /** One per row when present: a format that replaces `number` for that row's cells (rate measures: percents). */
    valueFormats: z.array(ValueFormat.nullable()).optional(),
    /** One per row when present: a `Sheet!A1` address the row should link to (the Issues sheet uses it). */
    links: z.array(z.string().nullable()).optional(),
    /** The column whose cell carries a row's link (the Issues table's `Cell`); the first when absent. */
    linkColumn: z.number().int().nonnegative().optional(),
  })
  .strict();
export type OutputTable = z.infer<typeof OutputTable>;

/** How money columns are shown: the workbook's Units and the number of decimals its amounts carry. */
export const MoneyDisplay = z
  .object({
    units: z.enum(['Dollars', 'Thousands', 'Millions']),
    decimals: z.number().int().min(0).max(8),
  })
  .strict();
export type MoneyDisplay = z.infer<typeof MoneyDisplay>;

/** Where an output table's header row sits on its sheet: the title takes row 1, a blank row 2. */
export const OUTPUT_TABLE_TOP_LEFT = 'A3';

/** The column whose cell carries each row's link: the table's `linkColumn`, else its first. */
export function linkColumnOf(table: Pick<OutputTable, 'linkColumn'>): number {
  return table.linkColumn ?? 0;
}
