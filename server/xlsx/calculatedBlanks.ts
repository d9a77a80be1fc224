import JSZip from 'jszip';
import { unescape } from './ooxml/xml';

/**
 * exceljs cannot tell a formula Excel never calculated from one Excel calculated to empty text
 * (`=IF(A2="","",…)`, everywhere in budget workbooks): both come back without a result. The sheet XML still
 * knows: Excel marks a text result with `t="str"`. So for just the cells exceljs left without a result, we
 * look at their start tags, and those marked as text results are calculated blanks, not uncalculated
 * formulas. The common case (every formula has a result) never gets here.
 */
export async function findCalculatedBlanks(
  xlsx: Buffer,
  uncalculated: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Map<string, Set<string>>> {
  const blanks = new Map<string, Set<string>>();
  if (uncalculated.size === 0) return blanks;

  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  for (const [sheet, addresses] of uncalculated) {
    const path = parts.get(sheet);
    const xml = path === undefined ? undefined : await zip.file(path)?.async('string');
    if (xml === undefined) continue;
    const found = new Set<string>();
    for (const [tag] of xml.matchAll(CELL_START)) {
      const address = /\sr="([A-Z]{1,3}[0-9]+)"/.exec(tag)?.[1];
      if (address !== undefined && addresses.has(address) && /\st="str"/.test(tag)) found.add(address);
    }
    if (found.size > 0) blanks.set(sheet, found);
  }
  return blanks;
}

const CELL_START = /<c\s[^>]*>/g;

/** Worksheet name → its part in the zip, from the workbook part and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const [element] of rels.matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attribute(element, 'Id');
    const target = attribute(element, 'Target');
    if (id !== undefined && target !== undefined) {
      targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  const parts = new Map<string, string>();
  for (const [element] of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const name = attribute(element, 'name');
    const target = targets.get(attribute(element, 'r:id') ?? '');
    if (name !== undefined && target !== undefined) parts.set(unescape(name), target);
  }
  return parts;
}

function attribute(element: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
}
