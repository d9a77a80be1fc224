import type { z } from 'zod';
import {
  CellValue,
  DateCell,
  ErrorCell,
  FormulaCell,
  GridTable,
  GridsRequest,
  type ProblemError,
  type WorkbookGrids,
} from '../../models';
import { HttpProblem, problems } from './problems';
import { describeZodError, MAX_LISTED } from './zodSentences';
import { withFields } from '../objects';

/**
 * A parsed grids body checked against the zod models without zod ever seeing a cell. zod gathers every issue
 * before it returns, and a body of a million bad cells would give a million issues, each costing more than the
 * cell itself; even a good body costs zod far more per cell than the cell's own test. So the body is checked in
 * two parts: everything but the cells by the models (a bounded number of issues: tables are capped by count
 * before parsing), then the cells by a quick test that agrees with the `CellValue` model (a test holds them to
 * it), which lists the first few bad cells in zod's own words and only counts the rest. A body that passes both
 * is what the models would return: the checked envelope with each table's own header and rows put back (the
 * models transform nothing, so a cell the model accepts is returned as it came).
 */
export function gridsFromBody(body: unknown): WorkbookGrids {
  const listed: ProblemError[] = [];
  let total = 0;
  const envelope = GridsRequest.safeParse(withoutCells(body));
  if (!envelope.success) {
    const described = describeZodError(envelope.error, body);
    for (const e of described.errors) listed.push(e);
    total += described.total;
  }
  total += badCells(body, listed);
  if (total > 0 || !envelope.success) throw new HttpProblem(problems.invalidBody(listed, total));
  return withCellsOf(envelope.data.grids, tablesOf(body) as Json[]);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The tables of a body shaped like `{grids: {tables: [...]}}`, or none. */
export function tablesOf(body: unknown): unknown[] {
  if (!isObject(body) || !isObject(body.grids) || !Array.isArray(body.grids.tables)) return [];
  return body.grids.tables;
}

/** The body with each table's header and rows emptied (when they are lists), for the models to check. */
function withoutCells(body: unknown): unknown {
  if (!isObject(body) || !isObject(body.grids) || !Array.isArray(body.grids.tables)) return body;
  const tables = body.grids.tables.map((t: unknown) => {
    if (!isObject(t)) return t;
    const copy: Json = withFields(t, {});
    if (Array.isArray(t.header)) copy.header = [];
    if (Array.isArray(t.rows)) copy.rows = [];
    return copy;
  });
  return withFields(body, { grids: withFields(body.grids, { tables }) });
}

/** The checked envelope's tables with the body's own header and rows, all of which passed `isCellValue`. */
export function withCellsOf(
  grids: WorkbookGrids,
  bodyTables: readonly { header?: unknown; rows?: unknown }[],
): WorkbookGrids {
  const tables = grids.tables.map((t, i) => {
    const own = bodyTables[i] as { header?: unknown; rows?: unknown };
    return withFields(t, { header: own.header as CellValue[], rows: own.rows as CellValue[][] });
  });
  return withFields(grids, { tables });
}

/** Counts the rows that are not lists and the cells that are not cell values; lists the first few in `listed`. */
function badCells(body: unknown, listed: ProblemError[]): number {
  let bad = 0;
  const report = (schema: z.ZodType, value: unknown, path: (string | number)[]) => {
    bad++;
    if (listed.length >= MAX_LISTED) return;
    const result = schema.safeParse(value);
    if (result.success) return;
    for (const e of describeZodError(result.error, body, path).errors)
      if (listed.length < MAX_LISTED) listed.push(e);
  };
  tablesOf(body).forEach((table, t) => {
    if (!isObject(table)) return;
    const { header, rows } = table;
    if (Array.isArray(header))
      header.forEach((cell: unknown, c) => {
        if (!isCellValue(cell)) report(CellValue, cell, ['grids', 'tables', t, 'header', c]);
      });
    if (!Array.isArray(rows)) return;
    rows.forEach((row: unknown, r) => {
      if (!Array.isArray(row))
        return report(GridTable.shape.rows.element, row, ['grids', 'tables', t, 'rows', r]);
      row.forEach((cell: unknown, c) => {
        if (!isCellValue(cell)) report(CellValue, cell, ['grids', 'tables', t, 'rows', r, c]);
      });
    });
  });
  return bad;
}

/** Excel's limit on a cell's text, as the model states it (also held to by `gridJson.ts`). */
export const TEXT_MAX =
  CellValue.options.find((o): o is z.ZodString => o.def.type === 'string')?.maxLength ?? Infinity;
const OBJECT_CELLS = new Map<string, z.ZodType>([
  ['error', ErrorCell],
  ['date', DateCell],
  ['formula', FormulaCell],
]);

/**
 * True exactly when `CellValue` accepts the value. Plain values are decided here, at no cost; an object is
 * passed to its model only when its one key names a kind of cell, so `{}` and other junk never reach zod.
 */
export function isCellValue(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return value.length <= TEXT_MAX;
    case 'number':
      return Number.isFinite(value);
    case 'boolean':
      return true;
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) return false;
      const keys = Object.keys(value);
      const schema = keys.length === 1 ? OBJECT_CELLS.get(keys[0] as string) : undefined;
      return schema !== undefined && schema.safeParse(value).success;
    }
    default:
      return false;
  }
}
