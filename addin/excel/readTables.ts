import {
  normalizeName,
  OUTPUT_SHEETS,
  type CellValue,
  type GridTable,
  type WorkbookGrids,
} from '../../models';
import { cellAddress, parseRange, rangeAddress, type RangeBox } from '../../models/a1';
import { gridValue } from './cellValues';
import { isPayloadLimitError, type XlContext, type XlRange, type XlWorksheet } from './types';

/** A contract table to look for: its name and the other names it may go by. */
export interface TableWanted {
  name: string;
  aliases?: readonly string[];
}

/** Cells read per sync. Each cell brings its value, type and number format: about 2 MB at this size. */
export const READ_CELLS_PER_SYNC = 40_000;

/** Names match as the engine matches them: ignoring case, spaces and punctuation. */

interface Source {
  name: string;
  source: GridTable['source'];
  sheet: string;
  /** The header row's range (tables) or the used range (sheets). */
  box: RangeBox;
  header: CellValue[] | null;
  rows: CellValue[][];
  getRange(address: string): XlRange;
}

/**
 * Reads the contract's tables: each Excel table (ListObject) whose name matches, else the worksheet of that
 * name, from its used range only. Three kinds of sync: find the tables and sheets; learn their size; read
 * their cells in blocks small enough for Excel on the web's 5 MB response limit.
 */
export async function readTables(
  context: XlContext,
  wanted: readonly TableWanted[],
  onProgress?: (read: number, total: number) => void,
): Promise<WorkbookGrids> {
  const { worksheets, tables } = context.workbook;
  worksheets.load(['items/name']);
  tables.load(['items/name', 'items/worksheet/name']);
  await context.sync();

  const owned = new Set<string>(OUTPUT_SHEETS.map(normalizeName));
  const sources: Source[] = [];
  const pending: { source: Source; range: XlRange; header?: XlRange }[] = [];
  for (const spec of wanted) {
    const names = new Set([spec.name, ...(spec.aliases ?? [])].map(normalizeName));
    const found = tables.items.filter((t) => names.has(normalizeName(t.name)));
    for (const table of found) {
      const header = table.getHeaderRowRange();
      const body = table.getDataBodyRange();
      header.load(['address', 'values']);
      body.load(['address', 'rowCount', 'columnCount']);
      const sheet = table.worksheet;
      pending.push({ source: source(table.name, 'table', sheet.name, sheet), range: body, header });
    }
    if (found.length > 0) continue;
    for (const sheet of worksheets.items) {
      if (!names.has(normalizeName(sheet.name)) || owned.has(normalizeName(sheet.name))) continue;
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(['isNullObject', 'address', 'rowCount', 'columnCount']);
      pending.push({ source: source(sheet.name, 'sheet', sheet.name, sheet), range: used });
    }
  }
  if (pending.length === 0) return { tables: [] };
  await context.sync();

  const blocks: Block[] = [];
  for (const { source: s, range, header } of pending) {
    if (!header && range.isNullObject) continue;
    if (header) {
      s.box = parseRange(header.address);
      s.header = (header.values[0] ?? []).map((v) => gridValue(v, undefined, undefined));
    }
    const body = parseRange(range.address);
    if (!header) s.box = body;
    sources.push(s);
    const rowsPerBlock = Math.max(1, Math.floor(READ_CELLS_PER_SYNC / Math.max(1, range.columnCount)));
    for (let top = body.top; top <= body.bottom; top += rowsPerBlock) {
      blocks.push({
        source: s,
        box: { ...body, top, bottom: Math.min(body.bottom, top + rowsPerBlock - 1) },
      });
    }
  }
  let read = 0;
  const total = blocks.reduce((n, b) => n + cells(b.box), 0);
  for (const group of groupBlocks(blocks)) {
    await loadBlocks(context, group);
    read += group.reduce((n, b) => n + cells(b.box), 0);
    onProgress?.(read, total);
  }
  return { tables: sources.map(toGrid) };
}

function source(name: string, kind: GridTable['source'], sheet: string, ws: XlWorksheet): Source {
  return {
    name,
    source: kind,
    sheet,
    box: { top: 1, left: 1, bottom: 1, right: 1 },
    header: null,
    rows: [],
    getRange: (address) => ws.getRange(address),
  };
}

interface Block {
  source: Source;
  box: RangeBox;
}

const cells = (box: RangeBox): number => (box.bottom - box.top + 1) * (box.right - box.left + 1);

/** Consecutive blocks packed into syncs of at most READ_CELLS_PER_SYNC cells (small tables share one). */
function groupBlocks(blocks: Block[]): Block[][] {
  const groups: Block[][] = [];
  let current: Block[] = [];
  let size = 0;
  for (const block of blocks) {
    if (current.length > 0 && size + cells(block.box) > READ_CELLS_PER_SYNC) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(block);
    size += cells(block.box);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Loads the blocks' cells in one sync; if Excel refuses the response as too large (long text in many
 * cells), tries again with half as much at a time, down to one row.
 */
async function loadBlocks(context: XlContext, blocks: Block[]): Promise<void> {
  const ranges = blocks.map((b) => {
    const range = b.source.getRange(rangeAddress(b.box));
    range.load(['values', 'valueTypes', 'numberFormat']);
    return range;
  });
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadLimitError(e)) throw e;
    const [only] = blocks;
    if (blocks.length > 1) {
      const half = Math.ceil(blocks.length / 2);
      await loadBlocks(context, blocks.slice(0, half));
      await loadBlocks(context, blocks.slice(half));
      return;
    }
    if (!only || only.box.top === only.box.bottom) throw e;
    const middle = Math.floor((only.box.top + only.box.bottom) / 2);
    await loadBlocks(context, [{ source: only.source, box: { ...only.box, bottom: middle } }]);
    await loadBlocks(context, [{ source: only.source, box: { ...only.box, top: middle + 1 } }]);
    return;
  }
  blocks.forEach((block, i) => {
    const range = ranges[i];
    if (!range) return;
    const { values, valueTypes, numberFormat } = range;
    values.forEach((row, r) => {
      block.source.rows[block.box.top - block.source.box.top - (block.source.header ? 1 : 0) + r] = row.map(
        (v, c) => gridValue(v, valueTypes[r]?.[c], numberFormat[r]?.[c]),
      );
    });
  });
}

const trimEnd = (row: readonly CellValue[]): CellValue[] => {
  const out = [...row];
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
};

/** Into the grid wire format, shaped as the exceljs reader shapes the same workbook. */
function toGrid(s: Source): GridTable {
  const rows = Array.from({ length: s.rows.length }, (_, i) => s.rows[i] ?? []);
  if (s.source === 'table') {
    const body = rows.map(trimEnd);
    while (body.length > 0 && body[body.length - 1]?.length === 0) body.pop();
    return {
      name: s.name,
      source: 'table',
      sheet: s.sheet,
      topLeft: cellAddress(s.box.top, s.box.left),
      header: s.header ?? [],
      rows: body,
    };
  }
  // A sheet's header is its first row holding a value, from that row's first value rightwards.
  const top = rows.findIndex((row) => row.some((v) => v !== null));
  if (top < 0) return { name: s.name, source: 'sheet', sheet: s.sheet, topLeft: 'A1', header: [], rows: [] };
  const first = rows[top] ?? [];
  const left = Math.max(
    0,
    first.findIndex((v) => v !== null),
  );
  return {
    name: s.name,
    source: 'sheet',
    sheet: s.sheet,
    topLeft: cellAddress(s.box.top + Math.max(0, top), s.box.left + left),
    header: trimEnd(first.slice(left)),
    rows: rows.slice(top + 1).map((row) => trimEnd(row.slice(left))),
  };
}
