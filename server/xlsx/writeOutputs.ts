import { OUTPUT_SHEETS, OUTPUT_TABLE_TOP_LEFT, type MoneyDisplay, type OutputTable } from '../../models';
import { parseA1 } from '../../models/a1';
import { planOutputSheets } from './ooxml/outputSheets';
import type { ExhibitInfo } from './ooxml/pageSetup';
import { renderSheet } from './ooxml/sheet';
import { SharedStrings } from './ooxml/sharedStrings';
import { StyleBook } from './ooxml/styles';
import { summaryDrawing } from './ooxml/summaryCharts';
import { DRAWING_REL_ID, WorkbookPackage } from './ooxml/workbookPackage';
import { deflatePart } from './ooxml/zipWriter';
import { tablesForSheets, type OversizeOptions } from '../../models/oversized';
import { openXlsx } from './package/node';

/**
 * The input workbook with the engine's output sheets in it. Every sheet the tool wrote on an earlier run is
 * replaced whole; a sheet, table or name of the user's that holds an output name stops the run, before anything
 * is written (see ooxml/outputSheets.ts). Every other part of the file (input sheets, their tables, formats,
 * charts, pivots, names) keeps its exact bytes, because the package is edited part by part rather than loaded
 * and re-saved. Each output table goes on its own sheet, after the inputs, as an Excel table of the same name.
 * The sheets are written as bytes row by row and compressed as they are made (zlib's thread pool deflates one
 * megabyte while the next is written), so a million-row output costs neither cell objects nor its whole XML.
 * Each prints as a budget exhibit (landscape, one page wide, header row repeated, a footer naming `exhibit`'s
 * agency and basis, the units, the source and the run date). A table too long for its sheet is never cut
 * short: the sheet holds its header and a note saying where the whole table is (`oversize`, see models/oversized.ts).
 */
export async function writeCrosswalkWorkbook(
  input: Buffer | Uint8Array | null,
  allTables: OutputTable[],
  money: MoneyDisplay,
  exhibit?: ExhibitInfo,
  oversize: OversizeOptions = {},
): Promise<Buffer> {
  allTables.forEach((table) => assertTableName(table.name));
  const tables = tablesForSheets(allTables, oversize);
  const source = input === null ? null : await openXlsx(input);
  const pkg = await WorkbookPackage.open(source);
  const written = tables.map((t) => t.name);
  const replace = await planOutputSheets(pkg, [...OUTPUT_SHEETS, ...written]);
  await pkg.removeSheets(replace, written);

  const stylesPart = await pkg.styles();
  const stringsPart = await pkg.sharedStrings();
  const styles = new StyleBook(stylesPart.xml);
  const strings = new SharedStrings(stringsPart.xml);
  let tableId = await pkg.nextTableId();
  for (const table of tables) {
    // The Summary carries the two charts; it prints on one page, charts included.
    const summary = table.name === 'Summary';
    const sheet = renderSheet(table, money, strings, styles, tableId++, {
      exhibit,
      onePage: summary,
      drawingRelId: summary ? DRAWING_REL_ID : undefined,
    });
    const drawing = summary ? summaryDrawing(table, sheet.widths) : null;
    // With nothing to draw, the sheet must not point at a drawing that is not there.
    const written =
      summary && drawing === null
        ? renderSheet(table, money, strings, styles, tableId - 1, { exhibit, onePage: true })
        : sheet;
    // Compressed as it is made: the sheet's XML is never whole in memory.
    pkg.addSheet(table.name, await deflatePart(written.chunks), written.tableXml, drawing ?? undefined);
    pkg.addPrintTitles(table.name, HEADER_ROW, HEADER_ROW);
  }
  // A part the outputs did not change keeps its bytes (a re-run on the tool's own output changes neither).
  if (styles.changed || stylesPart.created) pkg.setPart(stylesPart.path, styles.toXml());
  if (strings.changed || stringsPart.created) pkg.setPart(stringsPart.path, strings.toChunks());
  return pkg.toBuffer();
}

const HEADER_ROW = parseA1(OUTPUT_TABLE_TOP_LEFT).row;

// Excel's rules for table names: a letter, `_` or `\` first; then letters, digits, `_`, `.`, `\`; never
// something that reads as a cell reference (`FY2018`, `R1C1`).
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;
const CELL_LIKE = /^([A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*|[RrCc])$/;

function assertTableName(name: string): void {
  if (!TABLE_NAME.test(name) || CELL_LIKE.test(name)) {
    throw new Error(`"${name}" cannot be an Excel table name.`);
  }
}
