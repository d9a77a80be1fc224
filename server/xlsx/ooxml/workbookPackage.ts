import { quoteSheet } from '../../../models/a1';
import { UnreadableWorkbookError } from '../errors';
import {
  folderOf,
  isRelType,
  readRelationships,
  REL_TYPE_URI,
  relativeTarget,
  RELATIONSHIPS_NS,
  relsPathOf,
  type Relationship,
} from '../package/opc';
import { CONTENT_TYPES, decode, sheetInfos, type XlsxPackage } from '../package/xlsxPackage';
import {
  attr,
  elements,
  firstElement,
  namespacedAttr,
  newElement,
  parseXml,
  serializeXml,
  setAttr,
  textOf,
  type XmlDocument,
  type XmlElement,
} from '../package/xmlTree';
import { referencedSheets } from './definedNames';
import { BLANK_SST } from './sharedStrings';
import { BLANK_STYLES } from './styles';
import { inflateRawSync } from 'node:zlib';
import { writeZipAsync, type StoredPart, type ZipEntry } from './zipWriter';

const REL_NS = RELATIONSHIPS_NS[0];
const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

/** Charts for a new sheet: one drawing part anchoring them, one chart part each (the XML as the caller spells it). */
export interface SheetDrawing {
  /** The drawing part's XML; its chart references are `rId1`, `rId2`, ... in the order of `charts`. */
  drawingXml: string;
  charts: string[];
}

/** The relationship id the sheet's drawing gets (the table is rId1). */
export const DRAWING_REL_ID = 'rId2';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  /** The sheet's part, or null when its relationship is missing. */
  path: string | null;
  /** The relationship type (worksheet, chartsheet, ...). */
  type: string;
}

export interface TableEntry {
  path: string;
  id: number;
  name: string;
  displayName: string;
  ref: string;
}

/**
 * The workbook package edited part by part, over the input as read by the package module: the writer removes
 * the sheets it owns and adds its own; the workbook part, its relationships and the content types are edited as
 * parsed trees; every other part is copied as stored, so input sheets, their tables, charts, pivots and names
 * keep their exact bytes. Nothing is written to the input; `toBuffer` builds the new file.
 */
export class WorkbookPackage {
  /**
   * New or replaced parts by lower-case path (part names are case-insensitive), in the order first written;
   * a sheet arrives already compressed.
   */
  private readonly written = new Map<string, ZipEntry>();
  private readonly removed = new Set<string>();

  private constructor(
    private readonly source: XlsxPackage | null,
    readonly mainPath: string,
    private readonly workbook: XmlDocument,
    private readonly rels: XmlDocument,
    private readonly types: XmlDocument,
  ) {}

  static async open(source: XlsxPackage | null): Promise<WorkbookPackage> {
    if (source === null) {
      const pkg = new WorkbookPackage(
        null,
        'xl/workbook.xml',
        parse(BLANK.workbook),
        parse(BLANK.rels),
        parse(BLANK.types),
      );
      pkg.write('_rels/.rels', BLANK.packageRels);
      return pkg;
    }
    const main = source.mainPath;
    const workbook = await source.xml(main);
    const types = await source.xml(CONTENT_TYPES);
    if (!workbook || !types) throw new UnreadableWorkbookError('damaged');
    const rels = (await source.xml(relsPathOf(main))) ?? parse(BLANK.rels);
    return new WorkbookPackage(source, main, workbook, rels, types);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Reading the package as edited so far.

  exists(path: string): boolean {
    const key = path.toLowerCase();
    if (this.written.has(key)) return true;
    return !this.removed.has(key) && (this.source?.has(path) ?? false);
  }

  async text(path: string): Promise<string | null> {
    const key = path.toLowerCase();
    const written = this.written.get(key);
    if (written) return decode('data' in written ? written.data : inflated(written.stored));
    if (this.removed.has(key) || !this.source) return null;
    return this.source.largeText(path);
  }

  private async xml(path: string): Promise<XmlDocument | null> {
    const text = await this.text(path);
    return text === null ? null : parse(text);
  }

  async relationshipsOf(part: string): Promise<Relationship[]> {
    if (part.toLowerCase() === this.mainPath.toLowerCase())
      return readRelationships(this.rels, this.mainPath);
    const doc = await this.xml(relsPathOf(part));
    return doc ? readRelationships(doc, part) : [];
  }

  /** The sheets in workbook order. */
  sheets(): SheetEntry[] {
    return sheetInfos(this.sheetElements(), readRelationships(this.rels, this.mainPath));
  }

  /** Defined names with the sheet index they are scoped to, if any. */
  definedNames(): { name: string; localSheetId: number | undefined }[] {
    const names = firstElement(this.workbook.root, 'definedNames');
    return (names ? elements(names, 'definedName') : []).map((n) => {
      const local = attr(n, 'localSheetId');
      return { name: attr(n, 'name') ?? '', localSheetId: local === undefined ? undefined : Number(local) };
    });
  }

  async tablesOf(sheet: SheetEntry): Promise<TableEntry[]> {
    if (sheet.path === null) return [];
    const out: TableEntry[] = [];
    for (const rel of await this.relationshipsOf(sheet.path)) {
      if (!isRelType(rel.type, 'table') || rel.path === null) continue;
      const doc = await this.xml(rel.path);
      if (!doc) continue;
      out.push({
        path: rel.path,
        id: Number(attr(doc.root, 'id') ?? 0),
        name: attr(doc.root, 'name') ?? '',
        displayName: attr(doc.root, 'displayName') ?? '',
        ref: attr(doc.root, 'ref') ?? '',
      });
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Removing sheets.

  /**
   * Removes whole sheets: the sheet, every part only it reaches (its tables, drawings, printer settings, ...),
   * and their content types. Names scoped to a removed sheet go; names scoped to a kept sheet follow its new
   * position. A workbook-level name that refers to a removed sheet stays when a sheet of that name is written
   * again (`rewritten`): Excel resolves the reference by name, so it points into the new sheet; it goes when
   * the sheet is gone for good. The calculation chain is dropped for Excel to rebuild.
   */
  async removeSheets(names: readonly string[], rewritten: readonly string[]): Promise<void> {
    const doomed = new Set(names);
    const before = this.sheets();
    const gone = before.filter((s) => doomed.has(s.name));
    if (gone.length === 0) return;

    const sheets = firstElement(this.workbook.root, 'sheets') as XmlElement;
    sheets.children = sheets.children.filter(
      (c) => !(c.kind === 'element' && c.local === 'sheet' && doomed.has(attr(c, 'name') ?? '')),
    );
    const goneIds = new Set(gone.map((s) => s.rId));
    this.rels.root.children = this.rels.root.children.filter(
      (c) => !(c.kind === 'element' && c.local === 'Relationship' && goneIds.has(attr(c, 'Id') ?? '')),
    );
    await this.dropUnreachable(gone.flatMap((s) => (s.path === null ? [] : [s.path])));

    const after = this.sheets();
    const newIndex = new Map(after.map((s, i) => [s.name, i]));
    const vanished = new Set(gone.map((s) => s.name.toLowerCase()));
    for (const name of rewritten) vanished.delete(name.toLowerCase());
    this.rewriteDefinedNames((old) => {
      const name = before[old]?.name;
      return name === undefined ? undefined : newIndex.get(name);
    }, vanished);

    // A calculation chain lists cells by sheet; Excel rebuilds it, and a stale one makes it repair the file.
    for (const rel of readRelationships(this.rels, this.mainPath)) {
      if (!isRelType(rel.type, 'calcChain')) continue;
      this.removeRelationship(rel.id);
      if (rel.path !== null) this.dropPart(rel.path);
    }
    const views = firstElement(this.workbook.root, 'bookViews');
    for (const view of views ? elements(views, 'workbookView') : []) {
      for (const key of ['activeTab', 'firstSheet']) {
        const value = attr(view, key);
        if (value !== undefined && Number(value) >= after.length) setAttr(view, key, '0');
      }
    }
  }

  private rewriteDefinedNames(
    indexOf: (old: number) => number | undefined,
    vanished: ReadonlySet<string>,
  ): void {
    const root = this.workbook.root;
    const names = firstElement(root, 'definedNames');
    if (!names) return;
    names.children = names.children.filter((node) => {
      if (node.kind !== 'element' || node.local !== 'definedName') return true;
      const local = attr(node, 'localSheetId');
      if (local !== undefined) {
        const at = indexOf(Number(local));
        if (at === undefined) return false;
        setAttr(node, 'localSheetId', String(at));
        return true;
      }
      return !referencedSheets(textOf(node)).some((sheet) => vanished.has(sheet.toLowerCase()));
    });
    if (elements(names).length === 0) root.children = root.children.filter((c) => c !== names);
  }

  /**
   * Drops the parts reachable from `starts` (the removed sheets) that nothing kept still reaches, so a sheet a
   * user printed (printer settings) or drew on (a drawing) leaves nothing behind to pile up run after run.
   */
  private async dropUnreachable(starts: string[]): Promise<void> {
    const doomed = await this.reach(starts, new Set());
    const roots = (await this.relationshipsOf('')).flatMap((r) => (r.path === null ? [] : [r.path]));
    const kept = await this.reach(roots, new Set(starts.map((s) => s.toLowerCase())));
    for (const [key, path] of doomed) if (!kept.has(key)) this.dropPart(path);
  }

  /** Parts reachable through relationships, by lower-case path, not passing through `skip`. */
  private async reach(starts: string[], skip: ReadonlySet<string>): Promise<Map<string, string>> {
    const seen = new Map<string, string>();
    const queue = starts.slice();
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
      const key = path.toLowerCase();
      if (seen.has(key) || skip.has(key) || !this.exists(path)) continue;
      seen.set(key, path);
      for (const rel of await this.relationshipsOf(path)) if (rel.path !== null) queue.push(rel.path);
    }
    return seen;
  }

  private dropPart(path: string): void {
    for (const part of [path, relsPathOf(path)]) {
      const key = part.toLowerCase();
      this.written.delete(key);
      if (this.source?.has(part)) this.removed.add(key);
      const wanted = `/${key}`;
      this.types.root.children = this.types.root.children.filter(
        (c) =>
          !(
            c.kind === 'element' &&
            c.local === 'Override' &&
            (attr(c, 'PartName') ?? '').toLowerCase() === wanted
          ),
      );
    }
  }

  private removeRelationship(id: string): void {
    this.rels.root.children = this.rels.root.children.filter(
      (c) => !(c.kind === 'element' && c.local === 'Relationship' && attr(c, 'Id') === id),
    );
  }

  // ---------------------------------------------------------------------------------------------------------
  // Adding sheets and parts.

  /** The next free table id across the workbook (ids are unique workbook-wide). */
  async nextTableId(): Promise<number> {
    let max = 0;
    for (const sheet of this.sheets())
      for (const table of await this.tablesOf(sheet)) if (table.id > max) max = table.id;
    return max + 1;
  }

  /**
   * Adds a worksheet (after the others) with its one table part and, when given, a drawing of charts (the sheet's
   * XML must then hold `<drawing r:id="rId2"/>`). The drawing and charts are reached only from this sheet, so
   * removing the sheet on the next run removes them too (dropUnreachable).
   */
  addSheet(name: string, part: StoredPart, tableXml: string, drawing?: SheetDrawing): void {
    const folder = folderOf(this.mainPath);
    const sheetPath = this.freePath(`${folder}/worksheets/sheet`);
    const tablePath = this.freePath(`${folder}/tables/table`);
    let drawingRel = '';
    if (drawing) {
      const drawingPath = this.freePath(`${folder}/drawings/drawing`);
      const chartRels = drawing.charts.map((xml, i) => {
        const chartPath = this.freePath(`${folder}/charts/chart`);
        this.write(chartPath, xml);
        this.override(chartPath, CT.chart);
        return `<Relationship Id="rId${i + 1}" Type="${REL_NS}/chart" Target="${relativeTarget(drawingPath, chartPath)}"/>`;
      });
      this.write(drawingPath, drawing.drawingXml);
      this.write(
        relsPathOf(drawingPath),
        `${DECLARATION}<Relationships xmlns="${PACKAGE_RELS_NS}">${chartRels.join('')}</Relationships>`,
      );
      this.override(drawingPath, CT.drawing);
      drawingRel = `<Relationship Id="${DRAWING_REL_ID}" Type="${REL_NS}/drawing" Target="${relativeTarget(sheetPath, drawingPath)}"/>`;
    }
    const rId = this.nextRelId();
    let sheetId = 0;
    for (const s of this.sheets()) if (s.sheetId > sheetId) sheetId = s.sheetId;
    sheetId += 1;

    this.write(sheetPath, part);
    this.write(tablePath, tableXml);
    this.write(
      relsPathOf(sheetPath),
      `${DECLARATION}<Relationships xmlns="${PACKAGE_RELS_NS}"><Relationship Id="rId1" Type="${REL_TYPE_URI('table')}" Target="${relativeTarget(sheetPath, tablePath)}"/>${drawingRel}</Relationships>`,
    );
    this.addRelationship(rId, REL_TYPE_URI('worksheet'), relativeTarget(this.mainPath, sheetPath));
    const root = this.workbook.root;
    let sheets = firstElement(root, 'sheets');
    if (!sheets) {
      sheets = newElement(root, 'sheets');
      root.children.push(sheets);
    }
    const sheet = newElement(sheets, 'sheet', [
      ['name', name],
      ['sheetId', String(sheetId)],
    ]);
    sheet.attributes.push(namespacedAttr(root, REL_NS, 'r', 'id', rId));
    sheets.children.push(sheet);
    this.override(sheetPath, CT.worksheet);
    this.override(tablePath, CT.table);
  }

  /**
   * Repeats rows `first`..`last` at the top of every printed page of a sheet: Excel's `_xlnm.Print_Titles`
   * name, local to the sheet. A name scoped to a sheet goes when the sheet is removed, so a re-run replaces it.
   */
  addPrintTitles(sheetName: string, first: number, last: number): void {
    const index = this.sheets().findIndex((s) => s.name === sheetName);
    if (index < 0) throw new Error(`No sheet ${sheetName} to set print titles on.`);
    const root = this.workbook.root;
    let names = firstElement(root, 'definedNames');
    if (!names) {
      names = newElement(root, 'definedNames');
      // The schema's order: definedNames right after sheets (and functionGroups, externalReferences).
      let at = -1;
      root.children.forEach((c, i) => {
        if (c.kind === 'element' && ['sheets', 'functionGroups', 'externalReferences'].includes(c.local))
          at = i;
      });
      root.children.splice(at + 1, 0, names);
    }
    const quoted = quoteSheet(sheetName, true);
    names.children.push(
      newElement(
        names,
        'definedName',
        [
          ['name', '_xlnm.Print_Titles'],
          ['localSheetId', String(index)],
        ],
        [{ kind: 'text', text: `${quoted}!$${first}:$${last}` }],
      ),
    );
  }

  /** The styles part (or a blank one, registered now), for the writer to replace. */
  styles(): Promise<{ path: string; xml: string; created: boolean }> {
    return this.workbookPart('styles', 'styles.xml', BLANK_STYLES, CT.styles);
  }

  sharedStrings(): Promise<{ path: string; xml: string; created: boolean }> {
    return this.workbookPart('sharedStrings', 'sharedStrings.xml', BLANK_SST, CT.sharedStrings);
  }

  setPart(path: string, content: string | Buffer[]): void {
    this.write(path, typeof content === 'string' ? content : Buffer.concat(content));
  }

  async toBuffer(): Promise<Buffer> {
    this.write(this.mainPath, serializeXml(this.workbook));
    this.write(relsPathOf(this.mainPath), serializeXml(this.rels));
    this.write(CONTENT_TYPES, serializeXml(this.types));
    // [Content_Types].xml first, as Office writes it; then the input's parts in their order (a replaced part
    // where it was), then new parts in the order they were added.
    const entries: ZipEntry[] = [];
    entries.push(this.written.get(CONTENT_TYPES.toLowerCase()) as ZipEntry);
    const done = new Set([CONTENT_TYPES.toLowerCase()]);
    for (const entry of this.source?.entries ?? []) {
      const key = entry.name.toLowerCase();
      if (done.has(key)) continue;
      done.add(key);
      const written = this.written.get(key);
      if (written) entries.push({ ...written, name: entry.name });
      else if (!this.removed.has(key)) {
        const stored = this.source?.stored(entry.name);
        if (stored)
          entries.push({
            name: entry.name,
            stored: {
              data: stored.data,
              method: stored.entry.method,
              crc32: stored.entry.crc32,
              size: stored.entry.size,
            },
          });
      }
    }
    for (const [key, part] of this.written) if (!done.has(key)) entries.push(part);
    return writeZipAsync(entries);
  }

  private write(path: string, content: string | Buffer | StoredPart): void {
    const key = path.toLowerCase();
    this.removed.delete(key);
    const name = this.written.get(key)?.name ?? this.source?.entry(path)?.name ?? path;
    this.written.set(
      key,
      typeof content === 'string' || Buffer.isBuffer(content)
        ? { name, data: typeof content === 'string' ? Buffer.from(content) : content }
        : { name, stored: content },
    );
  }

  private freePath(prefix: string): string {
    for (let n = 1; ; n++) if (!this.exists(`${prefix}${n}.xml`)) return `${prefix}${n}.xml`;
  }

  private nextRelId(): string {
    const used = new Set(readRelationships(this.rels, this.mainPath).map((r) => r.id));
    for (let n = 1; ; n++) if (!used.has(`rId${n}`)) return `rId${n}`;
  }

  private addRelationship(id: string, type: string, target: string): void {
    this.rels.root.children.push(
      newElement(this.rels.root, 'Relationship', [
        ['Id', id],
        ['Type', type],
        ['Target', target],
      ]),
    );
  }

  private override(path: string, type: string): void {
    const wanted = `/${path.toLowerCase()}`;
    const known = elements(this.types.root, 'Override').some(
      (o) => (attr(o, 'PartName') ?? '').toLowerCase() === wanted,
    );
    if (known) return;
    this.types.root.children.push(
      newElement(this.types.root, 'Override', [
        ['PartName', `/${path}`],
        ['ContentType', type],
      ]),
    );
  }

  private async workbookPart(
    kind: 'styles' | 'sharedStrings',
    file: string,
    blank: string,
    contentType: string,
  ): Promise<{ path: string; xml: string; created: boolean }> {
    const rel = readRelationships(this.rels, this.mainPath).find(
      (r) => isRelType(r.type, kind) && r.path !== null && this.exists(r.path),
    );
    if (rel?.path) return { path: rel.path, xml: (await this.text(rel.path)) ?? blank, created: false };
    const path = `${folderOf(this.mainPath)}/${file}`;
    this.addRelationship(this.nextRelId(), REL_TYPE_URI(kind), relativeTarget(this.mainPath, path));
    this.override(path, contentType);
    return { path, xml: blank, created: true };
  }

  private sheetElements(): XmlElement[] {
    const sheets = firstElement(this.workbook.root, 'sheets');
    return sheets ? elements(sheets, 'sheet') : [];
  }
}

/** A part this writer compressed (a new sheet), read back like any other. */
function inflated(part: StoredPart): Buffer {
  return inflateRawSync(part.data instanceof Uint8Array ? part.data : Buffer.concat(part.data));
}

function parse(text: string): XmlDocument {
  try {
    return parseXml(text);
  } catch (cause) {
    throw new UnreadableWorkbookError('damaged', { cause });
  }
}

const BLANK = {
  types: `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  packageRels: `${DECLARATION}<Relationships xmlns="${PACKAGE_RELS_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  workbook: `${DECLARATION}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>`,
  rels: `${DECLARATION}<Relationships xmlns="${PACKAGE_RELS_NS}"></Relationships>`,
};
