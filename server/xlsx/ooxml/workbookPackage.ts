import JSZip from 'jszip';
import { OutputNameConflictError } from '../errors';
import { BLANK_SST } from './sharedStrings';
import { BLANK_STYLES } from './styles';
import { attrs, esc, insertBeforeClose, tags } from './xml';
import { writeZip, type ZipEntry } from './zipWriter';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const T = {
  worksheet: `${REL_NS}/worksheet`,
  table: `${REL_NS}/table`,
  styles: `${REL_NS}/styles`,
  sharedStrings: `${REL_NS}/sharedStrings`,
  calcChain: `${REL_NS}/calcChain`,
};
const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
};

interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  /** Part path, e.g. `xl/worksheets/sheet3.xml`. */
  path: string;
}

/** `worksheets/sheet1.xml` relative to `xl/`, or `/xl/worksheets/sheet1.xml` absolute → a zip path. */
function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const relsPathOf = (part: string) => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
};

/**
 * The workbook package (the .xlsx zip) edited part by part: the writer removes the sheets it owns and adds its
 * own, and every other part (input sheets, their tables, charts, pivots, names) keeps its exact bytes.
 */
export class WorkbookPackage {
  private workbookXml = '';
  private relsXml = '';
  private contentTypes = '';
  sheets: SheetEntry[] = [];

  private constructor(readonly zip: JSZip) {}

  static async open(input: Buffer | Uint8Array | null): Promise<WorkbookPackage> {
    const pkg = new WorkbookPackage(input ? await JSZip.loadAsync(input) : WorkbookPackage.blank());
    await pkg.load();
    return pkg;
  }

  private static blank(): JSZip {
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    );
    zip.file(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    zip.file(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>`,
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
    );
    return zip;
  }

  private async text(path: string): Promise<string | null> {
    return (await this.zip.file(path)?.async('string')) ?? null;
  }

  private async load(): Promise<void> {
    this.workbookXml = (await this.text('xl/workbook.xml')) ?? '';
    this.relsXml = (await this.text('xl/_rels/workbook.xml.rels')) ?? '';
    this.contentTypes = (await this.text('[Content_Types].xml')) ?? '';
    if (!this.workbookXml || !this.relsXml || !this.contentTypes)
      throw new Error('The workbook package has no workbook part.');
    const targets = this.relTargets(this.relsXml, 'xl/workbook.xml');
    this.sheets = tags(this.workbookXml, 'sheet').map((tag) => {
      const a = attrs(tag);
      const rId = a.get('r:id') ?? '';
      return {
        name: a.get('name') ?? '',
        sheetId: Number(a.get('sheetId')),
        rId,
        path: targets.get(rId)?.path ?? '',
      };
    });
  }

  private relTargets(rels: string, base: string): Map<string, { type: string; path: string }> {
    const out = new Map<string, { type: string; path: string }>();
    for (const tag of tags(rels, 'Relationship')) {
      const a = attrs(tag);
      if (a.get('TargetMode') === 'External') continue;
      out.set(a.get('Id') ?? '', { type: a.get('Type') ?? '', path: resolve(base, a.get('Target') ?? '') });
    }
    return out;
  }

  /** Table parts of a sheet, from its relationships. */
  private async tablesOf(sheet: SheetEntry): Promise<string[]> {
    const rels = await this.text(relsPathOf(sheet.path));
    if (!rels) return [];
    return [...this.relTargets(rels, sheet.path).values()]
      .filter((t) => t.type === T.table)
      .map((t) => t.path);
  }

  /** Removes whole sheets (their part, relationships and tables); names and views that pointed at them follow. */
  async removeSheets(remove: (name: string) => boolean): Promise<void> {
    const gone = this.sheets.filter((s) => remove(s.name));
    if (gone.length === 0) return;
    const oldIndex = new Map(this.sheets.map((s, i) => [s.name, i]));
    for (const sheet of gone) {
      for (const table of await this.tablesOf(sheet)) this.dropPart(table);
      this.dropPart(relsPathOf(sheet.path));
      this.dropPart(sheet.path);
      this.workbookXml = this.workbookXml.replace(
        new RegExp(`<sheet\\b[^>]*\\br:id="${sheet.rId}"[^>]*/>`),
        '',
      );
      this.relsXml = this.relsXml.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${sheet.rId}"[^>]*/>`), '');
    }
    this.sheets = this.sheets.filter((s) => !remove(s.name));
    const newIndex = new Map(this.sheets.map((s, i) => [s.name, i]));
    const byOld = new Map([...oldIndex].map(([name, i]) => [i, name]));
    // Names scoped to a removed sheet go; names scoped to a kept sheet follow its new position.
    this.workbookXml = this.workbookXml.replace(
      /<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g,
      (whole, attrText: string, body: string) => {
        const local = /localSheetId="(\d+)"/.exec(attrText);
        if (local) {
          const name = byOld.get(Number(local[1]));
          const at = name === undefined ? undefined : newIndex.get(name);
          if (at === undefined) return '';
          return `<definedName${attrText.replace(/localSheetId="\d+"/, `localSheetId="${at}"`)}>${body}</definedName>`;
        }
        return gone.some(
          (s) => body.includes(`${s.name}!`) || body.includes(`'${s.name.replace(/'/g, "''")}'!`),
        )
          ? ''
          : whole;
      },
    );
    this.workbookXml = this.workbookXml.replace(/<definedNames>\s*<\/definedNames>/, '');
    // A calculation chain lists cells by sheet; Excel rebuilds it, and a stale one makes it repair the file.
    for (const [id, t] of this.relTargets(this.relsXml, 'xl/workbook.xml')) {
      if (t.type !== T.calcChain) continue;
      this.dropPart(t.path);
      this.relsXml = this.relsXml.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*/>`), '');
    }
    this.workbookXml = this.workbookXml.replace(
      /(activeTab|firstSheet)="(\d+)"/g,
      (m, a: string, v: string) => (Number(v) >= this.sheets.length ? `${a}="0"` : m),
    );
  }

  private dropPart(path: string): void {
    if (!this.zip.file(path)) return;
    this.zip.remove(path);
    this.contentTypes = this.contentTypes.replace(
      new RegExp(`<Override\\b[^>]*PartName="/${path.replace(/[.[\]]/g, '\\$&')}"[^>]*/>`),
      '',
    );
  }

  /** Refuses output table names that an input table or a defined name already holds (Excel needs them unique). */
  async assertNamesFree(names: readonly string[]): Promise<void> {
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    for (const sheet of this.sheets) {
      for (const path of await this.tablesOf(sheet)) {
        const xml = (await this.text(path)) ?? '';
        const name = attrs(tags(xml, 'table')[0] ?? '').get('name') ?? '';
        if (wanted.has(name.toLowerCase())) throw new OutputNameConflictError(name, sheet.name);
      }
    }
    for (const tag of tags(this.workbookXml, 'definedName')) {
      const name = attrs(tag).get('name') ?? '';
      if (wanted.has(name.toLowerCase())) throw new OutputNameConflictError(name, '');
    }
  }

  /** The next free table id across the workbook. */
  async nextTableId(): Promise<number> {
    let max = 0;
    for (const path of Object.keys(this.zip.files)) {
      if (!/^xl\/tables\/[^/]+\.xml$/.test(path)) continue;
      max = Math.max(
        max,
        Number(attrs(tags((await this.text(path)) ?? '', 'table')[0] ?? '').get('id') ?? 0),
      );
    }
    return max + 1;
  }

  private freePath(prefix: string): string {
    for (let n = 1; ; n++) if (!this.zip.file(`${prefix}${n}.xml`)) return `${prefix}${n}.xml`;
  }

  private nextRelId(): string {
    const used = new Set(tags(this.relsXml, 'Relationship').map((t) => attrs(t).get('Id')));
    for (let n = 1; ; n++) if (!used.has(`rId${n}`)) return `rId${n}`;
  }

  /** Adds a worksheet (after the others) with its one table part. */
  addSheet(name: string, chunks: Buffer[], tableXml: string): void {
    const sheetPath = this.freePath('xl/worksheets/sheet');
    const tablePath = this.freePath('xl/tables/table');
    const rId = this.nextRelId();
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    this.zip.file(sheetPath, Buffer.concat(chunks));
    this.zip.file(tablePath, tableXml);
    this.zip.file(
      relsPathOf(sheetPath),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${T.table}" Target="../tables/${tablePath.split('/').pop()}"/></Relationships>`,
    );
    this.relsXml = insertBeforeClose(
      this.relsXml,
      'Relationships',
      `<Relationship Id="${rId}" Type="${T.worksheet}" Target="worksheets/${sheetPath.split('/').pop()}"/>`,
    );
    this.workbookXml = this.workbookXml.includes('<sheets/>')
      ? this.workbookXml.replace(
          '<sheets/>',
          `<sheets><sheet name="${esc(name)}" sheetId="${sheetId}" r:id="${rId}"/></sheets>`,
        )
      : insertBeforeClose(
          this.workbookXml,
          'sheets',
          `<sheet name="${esc(name)}" sheetId="${sheetId}" r:id="${rId}"/>`,
        );
    this.override(sheetPath, CT.worksheet);
    this.override(tablePath, CT.table);
    this.sheets.push({ name, sheetId, rId, path: sheetPath });
  }

  private override(path: string, type: string): void {
    if (this.contentTypes.includes(`PartName="/${path}"`)) return;
    this.contentTypes = insertBeforeClose(
      this.contentTypes,
      'Types',
      `<Override PartName="/${path}" ContentType="${type}"/>`,
    );
  }

  /** The styles part (or a blank one), to be replaced by `setStyles`. */
  async styles(): Promise<{ path: string; xml: string }> {
    return this.workbookPart(T.styles, 'styles.xml', BLANK_STYLES, CT.styles);
  }

  async sharedStrings(): Promise<{ path: string; xml: string }> {
    return this.workbookPart(T.sharedStrings, 'sharedStrings.xml', BLANK_SST, CT.sharedStrings);
  }

  private async workbookPart(
    type: string,
    file: string,
    blank: string,
    contentType: string,
  ): Promise<{ path: string; xml: string }> {
    for (const t of this.relTargets(this.relsXml, 'xl/workbook.xml').values()) {
      if (t.type === type) return { path: t.path, xml: (await this.text(t.path)) ?? blank };
    }
    const path = `xl/${file}`;
    this.relsXml = insertBeforeClose(
      this.relsXml,
      'Relationships',
      `<Relationship Id="${this.nextRelId()}" Type="${type}" Target="${file}"/>`,
    );
    this.override(path, contentType);
    return { path, xml: blank };
  }

  setPart(path: string, content: string | Buffer[]): void {
    this.zip.file(path, typeof content === 'string' ? content : Buffer.concat(content));
  }

  async toBuffer(): Promise<Buffer> {
    this.zip.file('xl/workbook.xml', this.workbookXml);
    this.zip.file('xl/_rels/workbook.xml.rels', this.relsXml);
    this.zip.file('[Content_Types].xml', this.contentTypes);
    // [Content_Types].xml first, as Office writes it; then every part in the order it was added.
    const names = Object.keys(this.zip.files).filter((n) => !this.zip.files[n]?.dir);
    names.sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
    const entries: ZipEntry[] = [];
    for (const name of names)
      entries.push({ name, data: await (this.zip.file(name) as JSZip.JSZipObject).async('nodebuffer') });
    return writeZip(entries);
  }
}
