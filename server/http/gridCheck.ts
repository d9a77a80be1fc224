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

/**
 * A parsed grids body checked against the zod models without zod ever collecting an issue per cell. zod
 * gathers every issue before it returns, and a body of a million bad cells would give a million issues, each
 * costing more than the cell itself. So the body is checked in two parts: everything but the cells by the
 * models (a bounded number of issues: tables are capped by count before parsing), then the cells by a quick
 * test that agrees with the `CellValue` model (a test holds them to it), which lists the first few bad cells
 * in zod's own words and only counts the rest. Only a body that passes both is parsed whole, by the models.
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
  if (total > 0) throw new HttpProblem(problems.invalidBody(listed, total));

  const parsed = GridsRequest.safeParse(body);
  if (!parsed.success) {
    // Only if the quick test and the model disagree; the listing is still capped.
    const { errors, total: all } = describeZodError(parsed.error, body);
    throw new HttpProblem(problems.invalidBody(errors, all));
  }
  return parsed.data.grids;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The tables of a body shaped like `{grids: {tables: [...]}}`, or none. */
function tablesOf(body: unknown): unknown[] {
  if (!isObject(body) || !isObject(body.grids) || !Array.isArray(body.grids.tables)) return [];
  return body.grids.tables;
}

/** The body with each table's header and rows emptied (when they are lists), for the models to check. */
function withoutCells(body: unknown): unknown {
  if (!isObject(body) || !isObject(body.grids) || !Array.isArray(body.grids.tables)) return body;
  const tables = body.grids.tables.map((t: unknown) => {
    if (!isObject(t)) return t;
    const copy: Json = { ...t };
    if (Array.isArray(t.header)) copy.header = [];
    if (Array.isArray(t.rows)) copy.rows = [];
    return copy;
  });
  return { ...body, grids: { ...body.grids, tables } };
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

/** Excel's limit on a cell's text, as the model states it. */
const TEXT_MAX =
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
