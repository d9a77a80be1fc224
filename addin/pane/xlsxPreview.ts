import JSZip from 'jszip';
import type { OutputCell } from '../../models';
import { unescape } from '../../server/xlsx/ooxml/xml';

/**
 * The first rows of each output sheet in the crosswalk workbook the engine returned, for the preview in a
 * browser. The sheets are the engine's own (title in A1, header in row 3), so a scan of the sheet XML up to
 * the last row wanted is enough: no spreadsheet library, and a 100,000-row sheet costs no more than a small one.
 */
export interface PreviewTable {
  name: string;
  title: string;
  header: string[];
  rows: OutputCell[][];
  /** Body rows in the sheet (the preview shows at most `maxRows` of them). */
  totalRows: number;
}

const HEADER_ROW = 3;

export async function previewTables(
  bytes: Uint8Array,
  names: readonly string[],
  maxRows = 50,
): Promise<PreviewTable[]> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const strings = sharedStrings(await text('xl/sharedStrings.xml'));
  const parts = sheetParts(await text('xl/workbook.xml'), await text('xl/_rels/workbook.xml.rels'));
  const tables: PreviewTable[] = [];
  for (const name of names) {
    const path = parts.get(name);
    if (!path) continue;
    const rows = readRows(await text(path), strings, HEADER_ROW + maxRows);
    const header = (rows.get(HEADER_ROW) ?? []).map((v) => (v === null ? '' : String(v)));
    let bottom = HEADER_ROW;
    for (const r of rows.keys()) if (r > bottom) bottom = r;
    const body: OutputCell[][] = [];
    for (let r = HEADER_ROW + 1; r <= bottom; r++) body.push(rows.get(r) ?? []);
    tables.push({
      name,
      title: String(rows.get(1)?.[0] ?? ''),
      header,
      rows: body,
      totalRows: Math.max(body.length, dimensionBottom(await text(path)) - HEADER_ROW),
    });
  }
  return tables;
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** All text runs of each shared string, joined. */
function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map(([, si = '']) =>
    [...si.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map(([, t = '']) => unescape(t)).join(''),
  );
}

function sheetParts(workbook: string, rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const [tag] of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const name = attr(tag, 'name');
    const target = targets.get(attr(tag, 'r:id') ?? '');
    if (name !== undefined && target) parts.set(unescape(name), target);
  }
  return parts;
}

function dimensionBottom(sheet: string): number {
  const ref = /<dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(sheet)?.[1];
  return ref ? Number(ref) : 0;
}

/** Rows 1..`lastRow`, each as an array indexed by column - 1. */
function readRows(sheet: string, strings: string[], lastRow: number): Map<number, OutputCell[]> {
  const rows = new Map<number, OutputCell[]>();
  const rowPattern = /<row\s([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  for (let match = rowPattern.exec(sheet); match; match = rowPattern.exec(sheet)) {
    const r = Number(attr(` ${match[1] ?? ''}`, 'r'));
    if (r > lastRow) break;
    const cells: OutputCell[] = [];
    for (const [, attrs = '', body = ''] of (match[2] ?? '').matchAll(
      /<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g,
    )) {
      const ref = attr(` ${attrs}`, 'r') ?? '';
      const column = [...(/^[A-Z]+/.exec(ref)?.[0] ?? 'A')].reduce(
        (n, ch) => n * 26 + ch.charCodeAt(0) - 64,
        0,
      );
      cells[column - 1] = cellValue(attr(` ${attrs}`, 't'), body, strings);
    }
    rows.set(
      r,
      Array.from(cells, (v) => v ?? null),
    );
  }
  return rows;
}

function cellValue(type: string | undefined, body: string, strings: string[]): OutputCell {
  const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
  switch (type) {
    case 's':
      return strings[Number(v)] ?? null;
    case 'inlineStr':
      return unescape([...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map(([, t = '']) => t).join(''));
    case 'str':
    case 'e':
      return v === undefined ? null : unescape(v);
    case 'b':
      return v === '1';
    default:
      return v === undefined ? null : Number(v);
  }
}
