import { UnreadableWorkbookError } from '../errors';
import { checkDirectory, type ZipLimits, type ZipSummary } from './guard';
import {
  ContentTypes,
  isRelType,
  readRelationships,
  RELATIONSHIPS_NS,
  relsPathOf,
  type Relationship,
} from './opc';
import { attr, attrIn, elements, firstElement, parseXml, type XmlDocument, type XmlElement } from './xmlTree';
import { storedBytes, type ZipEntryInfo } from './zipDirectory';

/**
 * One .xlsx package, opened once: the directory checked first (size limits, zip bombs, unsafe names, macros),
 * then each part inflated only when asked for, never past the size it declares. The guard, the blank-formula
 * reader, the writer and the pane's preview all read workbooks through this; none of it needs Node, so the
 * pane runs it in the browser with its own inflater.
 */

/** Inflates raw DEFLATE data to exactly `size` bytes; more is a bomb (`WorkbookTooLargeError`), less is damage. */
export type Inflate = (data: Uint8Array, size: number, part: string) => Promise<Uint8Array>;

export interface OpenOptions {
  inflate: Inflate;
  limits?: ZipLimits;
  /**
   * Inflate every part once, up front, holding each to its declared size, before anything else reads the file
   * (exceljs inflates whole parts into memory before it could notice a lie). The server does; the pane, reading
   * a file the server wrote, does not.
   */
  verifySizes?: boolean;
  /**
   * How many inflated bytes the size check keeps for the parts' first reads (default 64 MiB). Parts past it are
   * inflated again when read: held all at once, a large workbook's parts would weigh far more than the one part
   * a reader holds at a time.
   */
  maxCheckedBytes?: number;
}

const DEFAULT_MAX_CHECKED_BYTES = 64 * 1024 * 1024;

export interface SheetInfo {
  name: string;
  sheetId: number;
  /** The relationship id that names its part. */
  rId: string;
  /** The worksheet part, or null when the relationship is missing. */
  path: string | null;
  type: string;
}

export const CONTENT_TYPES = '[Content_Types].xml';

/** The main part's content type says what the package is; only a plain workbook is opened. */
const MAIN_TYPES: Record<string, 'ok' | 'macro-enabled' | 'template' | 'add-in'> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'ok',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': 'macro-enabled',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': 'template',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': 'template',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml': 'add-in',
};

/** Parts that hold code Excel would run: VBA projects and Excel 4.0 macro sheets. */
const MACRO_TYPES = new Set([
  'application/vnd.ms-office.vbaproject',
  'application/vnd.ms-office.vbaprojectsignature',
  'application/vnd.ms-excel.macrosheet+xml',
  'application/vnd.ms-excel.intlmacrosheet+xml',
]);

const utf8 = new TextDecoder('utf-8');

export class XlsxPackage {
  private readonly byName = new Map<string, ZipEntryInfo>();
  private readonly texts = new Map<string, Promise<string | null>>();
  /**
   * Parts inflated when their sizes were verified, each kept until its first read: the reader takes a sheet's
   * checked bytes instead of inflating tens of megabytes a second time.
   */
  private readonly checked = new Map<ZipEntryInfo, Uint8Array>();
  private workbookInfo?: Promise<{ sheets: SheetInfo[]; rels: Relationship[] }>;
  mainPath = 'xl/workbook.xml';

  private constructor(
    readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntryInfo[],
    readonly summary: ZipSummary,
    private readonly inflate: Inflate,
  ) {
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  static async open(bytes: Uint8Array, options: OpenOptions): Promise<XlsxPackage> {
    const directory = checkDirectory(bytes, options.limits);
    const pkg = new XlsxPackage(bytes, directory.entries, directory.summary, options.inflate);
    if (options.verifySizes) await pkg.verifySizes(options.maxCheckedBytes ?? DEFAULT_MAX_CHECKED_BYTES);
    await pkg.checkKind();
    return pkg;
  }

  /** The zip entry for a part path (part names are case-insensitive). */
  entry(path: string): ZipEntryInfo | undefined {
    return this.byName.get(path.toLowerCase());
  }

  has(path: string): boolean {
    return this.byName.has(path.toLowerCase());
  }

  /**
   * Lets go of the checked parts no one has read yet (a reader that is done calls it): a later read inflates
   * the part again, held to its size as ever.
   */
  releaseChecked(): void {
    this.checked.clear();
  }

  async read(path: string): Promise<Uint8Array | null> {
    const entry = this.entry(path);
    return entry ? this.entryBytes(entry) : null;
  }

  /** A part's stored bytes as they are in the zip, for copying it unchanged. */
  stored(path: string): { entry: ZipEntryInfo; data: Uint8Array } | null {
    const entry = this.entry(path);
    return entry ? { entry, data: storedBytes(this.bytes, entry) } : null;
  }

  /** A part as text (UTF-8, or UTF-16 with a byte-order mark), cached: small parts are read by several callers. */
  text(path: string): Promise<string | null> {
    const key = path.toLowerCase();
    let text = this.texts.get(key);
    if (!text) {
      text = this.read(path).then((b) => (b === null ? null : decode(b)));
      this.texts.set(key, text);
    }
    return text;
  }

  /** A part as text, not cached: for sheet bodies and shared strings, read once and let go. */
  async largeText(path: string): Promise<string | null> {
    const bytes = await this.read(path);
    return bytes === null ? null : decode(bytes);
  }

  /** A small part parsed into a tree (a fresh one each call: callers may edit it). Malformed XML is damage. */
  async xml(path: string): Promise<XmlDocument | null> {
    const text = await this.text(path);
    if (text === null) return null;
    try {
      return parseXml(text);
    } catch (cause) {
      throw new UnreadableWorkbookError('damaged', { cause });
    }
  }

  async relationships(source: string): Promise<Relationship[]> {
    const doc = await this.xml(relsPathOf(source));
    return doc ? readRelationships(doc, source) : [];
  }

  async contentTypes(): Promise<ContentTypes> {
    const doc = await this.xml(CONTENT_TYPES);
    if (!doc) throw new UnreadableWorkbookError('damaged');
    return new ContentTypes(doc);
  }

  /** The sheets in workbook order, with their parts, and the workbook's relationships. */
  workbook(): Promise<{ sheets: SheetInfo[]; rels: Relationship[] }> {
    this.workbookInfo ??= (async () => {
      const doc = await this.xml(this.mainPath);
      if (!doc) throw new UnreadableWorkbookError('damaged');
      const rels = await this.relationships(this.mainPath);
      return { sheets: readSheets(doc.root, rels), rels };
    })();
    return this.workbookInfo;
  }

  async sheetPath(name: string): Promise<string | null> {
    const { sheets } = await this.workbook();
    return sheets.find((s) => s.name === name)?.path ?? null;
  }

  /** The workbook part a relationship of this type points at (styles, shared strings), if any. */
  async workbookPart(kind: 'styles' | 'sharedStrings'): Promise<string | null> {
    const { rels } = await this.workbook();
    return rels.find((r) => isRelType(r.type, kind) && r.path !== null)?.path ?? null;
  }

  private async entryBytes(entry: ZipEntryInfo): Promise<Uint8Array> {
    const checked = this.checked.get(entry);
    if (checked) {
      this.checked.delete(entry);
      return checked;
    }
    const data = storedBytes(this.bytes, entry);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw new UnreadableWorkbookError('damaged');
      return data;
    }
    if (entry.method !== 8) throw new UnreadableWorkbookError('damaged');
    return this.inflate(data, entry.size, entry.name);
  }

  /** Inflates every part, held to its declared size, keeping the bytes for its first read up to `maxHeld`. */
  private async verifySizes(maxHeld: number): Promise<void> {
    let held = 0;
    for (const entry of this.entries) {
      const bytes = await this.entryBytes(entry);
      if (held + bytes.length > maxHeld) continue;
      this.checked.set(entry, bytes);
      held += bytes.length;
    }
  }

  /** Refuses macro-enabled, template and add-in packages, by what [Content_Types].xml says they are. */
  private async checkKind(): Promise<void> {
    const types = await this.contentTypes();
    const main = (await this.relationships('')).find((r) => isRelType(r.type, 'officeDocument') && r.path);
    if (main?.path) this.mainPath = main.path;
    const kind = MAIN_TYPES[types.of(this.mainPath) ?? ''];
    if (kind === undefined) throw new UnreadableWorkbookError('not-xlsx');
    if (kind !== 'ok') throw UnreadableWorkbookError.refused(kind);
    if (types.all().some((t) => MACRO_TYPES.has(t.toLowerCase())))
      throw UnreadableWorkbookError.refused('macro-enabled');
  }
}

function readSheets(root: XmlElement, rels: Relationship[]): SheetInfo[] {
  const sheets = firstElement(root, 'sheets');
  return sheets ? sheetInfos(elements(sheets, 'sheet'), rels) : [];
}

/** The workbook's `<sheet>` elements with the part each names through the workbook's relationships. */
export function sheetInfos(sheets: readonly XmlElement[], rels: readonly Relationship[]): SheetInfo[] {
  const byId = new Map(rels.map((r) => [r.id, r]));
  return sheets.map((s) => {
    const rId = attrIn(s, 'id', RELATIONSHIPS_NS) ?? '';
    const rel = byId.get(rId);
    return {
      name: attr(s, 'name') ?? '',
      sheetId: Number(attr(s, 'sheetId') ?? 0),
      rId,
      path: rel?.path ?? null,
      type: rel?.type ?? '',
    };
  });
}

/** UTF-8 unless a byte-order mark says UTF-16 (valid XML, rare in workbooks). */
export function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return utf8.decode(bytes);
}
