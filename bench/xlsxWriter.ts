import ExcelJS from 'exceljs';
import type { CellValue, WorkbookGrids } from '../models';

/** Writes grids as a plain workbook, one sheet per table (header in row 1), streaming so large ones fit. */
export async function writeGridsXlsx(
  grids: WorkbookGrids,
  formulas: Record<string, (row: number) => (string | number | null)[]> = {},
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const { PassThrough } = await import('node:stream');
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  for (const t of grids.tables.filter(
    (x) => x.source === 'table' || !grids.tables.some((y) => y !== x && y.name === x.name),
  )) {
    const ws = wb.addWorksheet(t.sheet);
    ws.addRow(t.header.map(plain)).commit();
    for (const row of t.rows) ws.addRow(row.map(plain)).commit();
    ws.commit();
  }
  for (const [sheet, make] of Object.entries(formulas)) {
    const ws = wb.addWorksheet(sheet);
    for (let r = 1; ; r++) {
      const cells = make(r);
      if (cells.length === 0) break;
      ws.addRow(
        cells.map((c) => (typeof c === 'string' && c.startsWith('=') ? { formula: c.slice(1) } : c)),
      ).commit();
    }
    ws.commit();
  }
  await wb.commit();
  return Buffer.concat(chunks);
}

function plain(v: CellValue): string | number | boolean | null {
  if (v === null || typeof v !== 'object') return v;
  if ('error' in v) return v.error;
  if ('date' in v) return v.date;
  return null;
}
