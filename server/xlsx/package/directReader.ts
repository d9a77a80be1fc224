import type { CellValue } from '../../../models';
import {
  attrNamed,
  childNamed,
  childrenNamed,
  partBytes,
  partTree,
  relTargets,
  xmlDecodeTwice,
} from './directParts';
import { readSheet, type SheetContext } from './directSheet';
import { readSharedStrings } from './directStrings';
import { readDateStyles, type DateStyles } from './directStyles';
import { TextInterner } from './textInterner';
import type { XlsxPackage } from './xlsxPackage';
import type { XmlElement } from './xmlTree';
import { unsupported, XmlBytes } from './xmlBytes';

/**
 * The direct reader: a workbook's sheets, their values and their tables, read from the package without exceljs,
 * with the values exceljs would give. It finds parts where exceljs finds them (fixed names under `xl/`), and
 * whatever it does not handle, or what exceljs would read another way or refuse as damaged, raises
 * `Unsupported` before any result is returned, so the caller reads the whole workbook with exceljs instead:
 * - parts in odd places or encodings: a sheet, table or strings part under another name, a byte-order mark,
 *   an orphan worksheet part, sheet ids or names exceljs would refuse, rename or merge;
 * - markup outside what spreadsheet applications write: prefixed (strict or foreign) element names, comments,
 *   CDATA, rows or cells out of order or without a plain `r`, extension elements inside rows and cells;
 * - shared formulas without a cached result (exceljs translates the master's formula), rich text mixed with
 *   plain text, shared string indexes past the table, overlapping merges, dangling relationships.
 * Limits are the caller's: `addFilled` is called once per filled cell, in sheet order.
 */

export interface TableShape {
  name: string;
  ref: string;
  hasTotalsRow: boolean;
}

export interface DirectSheetValues {
  sheet: string;
  /** Rows holding a value, ascending, each a sparse array indexed by column - 1. */
  rows: Map<number, CellValue[]>;
  tables: TableShape[];
}

interface SheetPart {
  name: string;
  path: string;
  /** The digits of `sheetN.xml`: exceljs finds the sheet's relationships by them. */
  number: string;
}

/** Any part exceljs takes for a worksheet or a table (its patterns are not anchored). */
const WORKSHEET_LIKE = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_PATH = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const TABLE_LIKE = /xl\/tables\/(table\d+)[.]xml/;
const TABLE_PATH = /^xl\/tables\/(table\d+)\.xml$/;
const TABLE_TARGET = /^\.\.\/tables\/(table\d+)\.xml$/;

export async function readDirect(pkg: XlsxPackage, addFilled: () => void): Promise<DirectSheetValues[]> {
  const workbook = await partTree(pkg, 'xl/workbook.xml', 'workbook');
  if (!workbook) return unsupported('no xl/workbook.xml');
  const properties = childNamed(workbook, 'workbookPr');
  const date1904 = properties !== undefined && attrNamed(properties, 'date1904') === '1';
  await relTargets(pkg, '_rels/.rels');
  const sheets = sheetParts(pkg, workbook, await relTargets(pkg, 'xl/_rels/workbook.xml.rels'));
  const styles = await readDateStyles(pkg);
  const tables = await readTables(pkg, styles);
  const stringBytes = await partBytes(pkg, 'xl/sharedStrings.xml');
  const strings = stringBytes ? readSharedStrings(new XmlBytes(stringBytes)) : undefined;
  const texts = new TextInterner();

  const out: DirectSheetValues[] = [];
  for (const sheet of sheets) {
    const rels = await relTargets(pkg, `xl/worksheets/_rels/sheet${sheet.number}.xml.rels`);
    const ctx: SheetContext = { strings, styles, date1904, rels, addFilled, texts };
    const bytes = await partBytes(pkg, sheet.path);
    if (!bytes) return unsupported('worksheet part missing');
    const read = readSheet(bytes, ctx);
    out.push({ sheet: sheet.name, rows: read.rows, tables: sheetTables(read.tableParts, rels, tables) });
  }
  return out;
}

/** The workbook's worksheets in order, found as exceljs finds them; chart sheets and dangling ones left out. */
function sheetParts(
  pkg: XlsxPackage,
  workbook: XmlElement,
  rels: Map<string, string | undefined>,
): SheetPart[] {
  const list = childNamed(workbook, 'sheets');
  const parts: SheetPart[] = [];
  const ids = new Set<number>();
  const names = new Set<string>();
  for (const sheet of list ? childrenNamed(list, 'sheet') : []) {
    const rId = attrNamed(sheet, 'r:id');
    if (rId === undefined || !rels.has(rId)) continue;
    const target = rels.get(rId);
    if (target === undefined) unsupported('sheet relationship without a target');
    const path = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!WORKSHEET_LIKE.test(path) || !pkg.entry(path)) continue;
    const number = WORKSHEET_PATH.exec(path)?.[1];
    if (number === undefined || pkg.entry(path)?.name !== path) return unsupported(`worksheet at ${path}`);
    const id = parseInt(attrNamed(sheet, 'sheetId') ?? '', 10);
    const name = sheetName(attrNamed(sheet, 'name'));
    // exceljs keeps sheets by id and refuses a repeated name; a repeat or an odd id goes to it.
    if (!(id >= 1) || ids.has(id) || names.has(name.toLowerCase()) || parts.some((p) => p.path === path))
      unsupported('repeated sheet');
    ids.add(id);
    names.add(name.toLowerCase());
    parts.push({ name, path, number });
  }
  for (const entry of pkg.entries)
    if (WORKSHEET_LIKE.test(entry.name) && !parts.some((p) => p.path === entry.name))
      unsupported(`worksheet part ${entry.name} outside the workbook`);
  return parts;
}

/** A sheet name as exceljs takes it (decoded twice); one it would refuse or shorten goes to it. */
function sheetName(raw: string | undefined): string {
  if (raw === undefined) return unsupported('sheet without a name');
  const name = xmlDecodeTwice(raw);
  if (
    name === '' ||
    name === 'History' ||
    /[*?:/\\[\]]/.test(name) ||
    /(^')|('$)/.test(name) ||
    name.length > 31
  )
    unsupported('sheet name exceljs would refuse');
  return name;
}

/** Every table part exceljs would read, by the target a sheet's relationship names it with. */
async function readTables(pkg: XlsxPackage, styles: DateStyles): Promise<Map<string, TableShape | null>> {
  const tables = new Map<string, TableShape | null>();
  for (const entry of pkg.entries) {
    if (!TABLE_LIKE.test(entry.name)) continue;
    const file = TABLE_PATH.exec(entry.name)?.[1];
    if (file === undefined) unsupported(`table part at ${entry.name}`);
    const root = await partTree(pkg, entry.name, 'table');
    if (root) tables.set(`../tables/${file}.xml`, tableShape(root, styles));
  }
  return tables;
}

/** A table's name, range and totals row as exceljs models them; null when `tablesOf` would leave it out. */
function tableShape(root: XmlElement, styles: DateStyles): TableShape | null {
  const columns = childNamed(root, 'tableColumns');
  if (!columns) return unsupported('table without columns');
  const columnCount = childrenNamed(columns, 'tableColumn').length;
  const filter = childNamed(root, 'autoFilter');
  if (filter && childrenNamed(filter, 'filterColumn').length > columnCount)
    unsupported('table filter columns');
  // exceljs looks a column's `dxfId` up among the styles' differential formats, and fails without them.
  if (
    childrenNamed(columns, 'tableColumn').some((c) => attrNamed(c, 'dxfId') !== undefined) &&
    !styles.hasDxfs
  )
    unsupported('table column style without styles');
  const name = attrNamed(root, 'name');
  const ref = attrNamed(root, 'ref');
  if (name === undefined || ref === undefined) return null;
  return { name, ref, hasTotalsRow: attrNamed(root, 'totalsRowCount') === '1' };
}

/** A sheet's tables in exceljs's order: kept by name, a later table of the same name replacing the earlier. */
function sheetTables(
  parts: string[],
  rels: Map<string, string | undefined>,
  tables: Map<string, TableShape | null>,
): TableShape[] {
  const byName: Record<string, TableShape | null> = {};
  for (const rId of parts) {
    const target = rels.get(rId);
    if (target === undefined || !TABLE_TARGET.test(target) || !tables.has(target))
      unsupported('table part relationship');
    const table = tables.get(target) ?? null;
    byName[table?.name ?? 'undefined'] = table;
  }
  return Object.values(byName).flatMap((t) => (t ? [t] : []));
}
