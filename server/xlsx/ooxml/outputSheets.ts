import { OUTPUT_TABLE_TOP_LEFT } from '../../../models';
import { OutputNameConflictError } from '../errors';
import { isRelType } from '../package/opc';
import type { SheetEntry, TableEntry, WorkbookPackage } from './workbookPackage';

/**
 * Which sheets the writer may replace, and which names stop the run. A sheet is the tool's own output from an
 * earlier run when
 *   - its name is an output name exactly (same case), and
 *   - it is a worksheet holding exactly one Excel table, named exactly like the sheet, whose header row starts
 *     at the outputs' top-left cell (A3).
 * That is the mark both writers (this one and the add-in's) have always left, so sheets from earlier versions
 * and from the add-in are recognised, and no extra name or property is needed that a user could copy or
 * delete. A sheet a person made does not look like that (and if someone put a second table on an output sheet,
 * it is no longer only ours). Any other sheet, table or defined name that holds an output name, in any case,
 * is never deleted: the run stops with one `OutputNameConflictError` naming it.
 */
export async function planOutputSheets(pkg: WorkbookPackage, reserved: readonly string[]): Promise<string[]> {
  const byLower = new Map<string, string>();
  for (const name of reserved) byLower.set(name.toLowerCase(), name);

  const replace: string[] = [];
  const replacedIndexes = new Set<number>();
  const kept: SheetEntry[] = [];
  const sheets = pkg.sheets();
  for (const [index, sheet] of sheets.entries()) {
    const output = byLower.get(sheet.name.toLowerCase());
    if (output === undefined) {
      kept.push(sheet);
      continue;
    }
    if (sheet.name === output && isWorksheet(sheet) && isOwnOutput(sheet.name, await pkg.tablesOf(sheet))) {
      replace.push(sheet.name);
      replacedIndexes.add(index);
      continue;
    }
    throw new OutputNameConflictError(sheet.name, sheet.name, 'sheet', output);
  }
  for (const sheet of kept) {
    for (const table of await pkg.tablesOf(sheet)) {
      for (const name of [table.name, table.displayName])
        if (byLower.has(name.toLowerCase())) throw new OutputNameConflictError(name, sheet.name, 'table');
    }
  }
  for (const { name, localSheetId } of pkg.definedNames()) {
    // Names scoped to a sheet being replaced go with it.
    if (localSheetId !== undefined && replacedIndexes.has(localSheetId)) continue;
    if (byLower.has(name.toLowerCase())) throw new OutputNameConflictError(name, '', 'name');
  }
  return replace;
}

const isWorksheet = (sheet: SheetEntry) => sheet.path !== null && isRelType(sheet.type, 'worksheet');

export function isOwnOutput(sheetName: string, tables: readonly TableEntry[]): boolean {
  if (tables.length !== 1) return false;
  const table = tables[0] as TableEntry;
  return (
    (table.name === sheetName || table.displayName === sheetName) &&
    table.ref.toUpperCase().startsWith(`${OUTPUT_TABLE_TOP_LEFT}:`)
  );
}
