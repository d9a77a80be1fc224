import { OUTPUT_SHEETS, type MoneyDisplay, type OutputTable } from '../../models';
import { UnreadableWorkbookError } from './errors';
import { renderSheet } from './ooxml/sheet';
import { SharedStrings } from './ooxml/sharedStrings';
import { StyleBook } from './ooxml/styles';
import { WorkbookPackage } from './ooxml/workbookPackage';
import { checkXlsxZip } from './zipGuard';

/**
 * The input workbook with the engine's output sheets in it. Every sheet the engine owns (or is about to write)
 * is replaced whole; every other part of the file (input sheets, their tables, formats, charts, pivots, names)
 * keeps its exact bytes, because the package is edited part by part rather than loaded and re-saved. Each
 * output table goes on its own sheet, after the inputs, as an Excel table of the same name. The sheets are
 * written as XML row by row, so a million-row output costs text, not a million cell objects.
 */
export async function writeCrosswalkWorkbook(
  input: Buffer | Uint8Array | null,
  tables: OutputTable[],
  money: MoneyDisplay,
): Promise<Buffer> {
  tables.forEach((table) => assertTableName(table.name));
  if (input !== null) checkXlsxZip(input);
  let pkg: WorkbookPackage;
  try {
    pkg = await WorkbookPackage.open(input);
  } catch (e) {
    throw new UnreadableWorkbookError('damaged', { cause: e });
  }
  const owned = new Set<string>([...OUTPUT_SHEETS, ...tables.map((t) => t.name)].map((n) => n.toLowerCase()));
  await pkg.removeSheets((name) => owned.has(name.toLowerCase()));
  await pkg.assertNamesFree(tables.map((t) => t.name));

  const stylesPart = await pkg.styles();
  const stringsPart = await pkg.sharedStrings();
  const styles = new StyleBook(stylesPart.xml);
  const strings = new SharedStrings(stringsPart.xml);
  let tableId = await pkg.nextTableId();
  for (const table of tables) {
    const sheet = renderSheet(table, money, strings, styles, tableId++);
    pkg.addSheet(table.name, sheet.chunks, sheet.tableXml);
  }
  pkg.setPart(stylesPart.path, styles.toXml());
  pkg.setPart(stringsPart.path, strings.toChunks());
  return pkg.toBuffer();
}

// Excel's rules for table names: a letter, `_` or `\` first; then letters, digits, `_`, `.`, `\`; never
// something that reads as a cell reference (`FY2018`, `R1C1`).
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;
const CELL_LIKE = /^([A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*|[RrCc])$/;

function assertTableName(name: string): void {
  if (!TABLE_NAME.test(name) || CELL_LIKE.test(name)) {
    throw new Error(`"${name}" cannot be an Excel table name.`);
  }
}
