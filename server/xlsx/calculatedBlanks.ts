import { UnreadableWorkbookError } from './errors';
import { openXlsx } from './package/node';
import { scanCells } from './package/sheetCells';

/**
 * exceljs cannot tell a formula Excel never calculated from one Excel calculated to empty text
 * (`=IF(A2="","",…)`, everywhere in budget workbooks): both come back without a result. The sheet XML still
 * knows: Excel marks a text result with `t="str"`. So for just the cells exceljs left without a result, we
 * read their cells in the sheet part, and those marked as text results are calculated blanks, not
 * uncalculated formulas. The common case (every formula has a result) never gets here.
 */
export async function findCalculatedBlanks(
  xlsx: Buffer,
  uncalculated: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Map<string, Set<string>>> {
  const blanks = new Map<string, Set<string>>();
  if (uncalculated.size === 0) return blanks;

  const pkg = await openXlsx(xlsx);
  for (const [sheet, addresses] of uncalculated) {
    const path = await pkg.sheetPath(sheet);
    const xml = path === null ? null : await pkg.largeText(path);
    if (xml === null) continue;
    const found = new Set<string>();
    try {
      scanCells(xml, (cell) => {
        if (cell.type === 'str' && addresses.has(cell.address)) found.add(cell.address);
      });
    } catch (cause) {
      // exceljs is lenient where the XML parser is not: a sheet that is not well-formed XML is damaged.
      throw new UnreadableWorkbookError('damaged', { cause });
    }
    if (found.size > 0) blanks.set(sheet, found);
  }
  return blanks;
}
