import { INPUT_TABLES, type GridTable, type InputTableSpec, type WorkbookGrids } from '../../models';
import { normalizeName } from '../engine/read/cells';
import { type CsvInput, CsvInputError, type CsvLimits, dataActCsvGrid, type DataActSheet } from './fileCsv';

/** File A and File B given as CSV files beside (or instead of) a workbook. */
export interface DataActCsvs {
  fileA?: CsvInput;
  fileB?: CsvInput;
}

/**
 * The workbook's grids with each CSV standing as its `File A` or `File B` sheet. A workbook that already holds
 * rows in that table is refused rather than silently overridden: the findings would point at the CSV's lines
 * while the workbook's own sheet showed other data. An empty one (the template's header only) gives way.
 */
export function withDataActCsvs(grids: WorkbookGrids, csvs: DataActCsvs, limits: CsvLimits): WorkbookGrids {
  let tables = grids.tables;
  const given: [InputTableSpec, DataActSheet, CsvInput | undefined][] = [
    [INPUT_TABLES.FileA, 'File A', csvs.fileA],
    [INPUT_TABLES.FileB, 'File B', csvs.fileB],
  ];
  for (const [spec, sheet, csv] of given) {
    if (!csv) continue;
    const names = new Set([spec.name, ...(spec.aliases ?? [])].map(normalizeName));
    const same = (t: GridTable) => names.has(normalizeName(t.name));
    const filled = tables.find((t) => same(t) && hasValues(t));
    if (filled) throw conflict(sheet, filled, csv.name);
    const grid = dataActCsvGrid(sheet, csv, limits);
    tables = [...tables.filter((t) => !same(t)), grid];
  }
  return { tables };
}

function hasValues(grid: GridTable): boolean {
  return grid.rows.some((r) => r.some((v) => v !== null && !(typeof v === 'string' && v.trim() === '')));
}

function conflict(sheet: DataActSheet, grid: GridTable, file: string): CsvInputError {
  const where =
    grid.source === 'table' ? `table "${grid.name}" on sheet "${grid.sheet}"` : `sheet "${grid.sheet}"`;
  return new CsvInputError(
    'conflict',
    file,
    `The workbook already has ${sheet} rows (${where}), and ${file} was given as ${sheet} too. Give ${sheet} once: leave out the CSV, or remove those rows from the workbook.`,
  );
}
