import { UnreadableWorkbookError } from '../errors';
import {
  attr,
  cloneElement,
  elements,
  firstElement,
  fragment,
  meaningKey,
  parseXml,
  serializeXml,
  setAttr,
  type XmlDocument,
  type XmlElement,
} from '../package/xmlTree';
import { esc } from './xml';

/** How a cell looks: its number format code (`General` for none), and the font and border variant. */
export interface CellLook {
  numFmt: string;
  font: 'normal' | 'bold' | 'title' | 'link';
  topBorder: boolean;
  /** Wrap the text within the column's width (long text columns, see wrapsText). */
  wrap?: boolean;
  /** Right-aligned whatever the value: a header over a column of amounts. */
  right?: boolean;
  /** At the top of a tall row: in a table whose rows wrap, every cell lines up with its row's first line. */
  top?: boolean;
}

const BUILTIN: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};
const FIRST_CUSTOM_NUMFMT = 164;

export const BLANK_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The order CT_Stylesheet gives its children; a missing collection is inserted where the schema wants it. */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];
/** What index 0 of each collection must be for the writer's `fontId="0"`, `fillId="0"`, `borderId="0"`. */
const DEFAULTS: Record<string, string[]> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};
const TOP_BORDER =
  '<border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/></border>';
const LINK_COLOR = 'FF0563C1';

/** One list of styles.xml (fonts, borders, cell formats): its entries by meaning, so equal looks are shared. */
class StyleList {
  private readonly byKey = new Map<string, number>();
  private count: number;
  changed = false;

  constructor(readonly element: XmlElement) {
    const items = elements(element);
    this.count = items.length;
    items.forEach((item, i) => {
      const key = meaningKey(item);
      if (!this.byKey.has(key)) this.byKey.set(key, i);
    });
  }

  /** The index of an entry that means `item`, appending `item` when there is none yet. */
  indexOf(item: XmlElement): number {
    const key = meaningKey(item);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    this.element.children.push(item);
    this.byKey.set(key, this.count);
    this.changed = true;
    setAttr(this.element, 'count', String(this.count + 1));
    return this.count++;
  }
}

/**
 * The workbook's styles.xml, parsed, with the few looks the output sheets need: a font, border, number format or
 * cell format that already means what an output needs is reused, never appended again, so re-running on the
 * tool's own output adds nothing and a workbook rebuilt weekly never grows toward Excel's style limits. Existing
 * entries keep their indexes, so every input sheet looks exactly as before.
 */
export class StyleBook {
  private readonly doc: XmlDocument;
  private readonly fonts: StyleList;
  private readonly borders: StyleList;
  private readonly cellXfs: StyleList;
  private numFmts: XmlElement | undefined;
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId = FIRST_CUSTOM_NUMFMT;
  private readonly fontIds = new Map<CellLook['font'], number>();
  private topBorderId: number | undefined;
  private readonly xfs = new Map<string, number>();
  private structureChanged = false;

  constructor(xml: string) {
    try {
      this.doc = parseXml(xml);
    } catch (cause) {
      throw new UnreadableWorkbookError('damaged', { cause });
    }
    this.numFmts = firstElement(this.doc.root, 'numFmts');
    this.fonts = new StyleList(this.collection('fonts'));
    this.borders = new StyleList(this.collection('borders'));
    this.collection('fills');
    this.collection('cellStyleXfs');
    this.cellXfs = new StyleList(this.collection('cellXfs'));
    for (const numFmt of this.numFmts ? elements(this.numFmts, 'numFmt') : []) {
      const id = Number(attr(numFmt, 'numFmtId'));
      const code = attr(numFmt, 'formatCode');
      if (code === undefined || !Number.isInteger(id)) continue;
      if (!this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
      // A loop, not Math.max(...ids): a workbook can hold a hundred thousand formats.
      if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
    }
  }

  get changed(): boolean {
    return this.structureChanged || this.fonts.changed || this.borders.changed || this.cellXfs.changed;
  }

  /** The cell format index for a look: an existing one that means the same, else a new one. */
  xf(look: CellLook): number {
    const alignment = alignmentOf(look);
    const key = `${look.numFmt}\u0000${look.font}\u0000${look.topBorder}\u0000${alignment}`;
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.numFmtId(look.numFmt);
    const fontId = this.fontId(look.font);
    const borderId = look.topBorder ? this.topBorder() : 0;
    const xf = fragment(
      this.cellXfs.element,
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${alignment ? ` applyAlignment="1"><alignment${alignment}/></xf>` : '/>'}`,
    );
    const index = this.cellXfs.indexOf(xf);
    this.xfs.set(key, index);
    return index;
  }

  toXml(): string {
    return serializeXml(this.doc);
  }

  /** The styleSheet child `local`, created where the schema puts it (with its index-0 defaults) if missing. */
  private collection(local: string): XmlElement {
    const root = this.doc.root;
    let element = firstElement(root, local);
    if (!element) {
      element = fragment(root, `<${local} count="0"/>`);
      const rank = ORDER.indexOf(local);
      const at = root.children.findIndex((c) => c.kind === 'element' && ORDER.indexOf(c.local) > rank);
      root.children.splice(at < 0 ? root.children.length : at, 0, element);
      this.structureChanged = true;
    }
    const defaults = DEFAULTS[local] ?? [];
    if (elements(element).length === 0 && defaults.length > 0) {
      for (const markup of defaults) element.children.push(fragment(element, markup));
      setAttr(element, 'count', String(defaults.length));
      this.structureChanged = true;
    }
    return element;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    const numFmts = (this.numFmts ??= this.collection('numFmts'));
    numFmts.children.push(fragment(numFmts, `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`));
    setAttr(numFmts, 'count', String(elements(numFmts, 'numFmt').length));
    this.structureChanged = true;
    return id;
  }

  /** Fonts derive from the workbook's default font (index 0), so outputs match the workbook's typeface. */
  private fontId(kind: CellLook['font']): number {
    if (kind === 'normal') return 0;
    const known = this.fontIds.get(kind);
    if (known !== undefined) return known;
    const base = elements(this.fonts.element, 'font')[0] as XmlElement;
    const font = cloneElement(base);
    font.attributes = [];
    font.children = font.children.filter(
      (c) => !(c.kind === 'element' && ['b', 'i', 'u', 'strike'].includes(c.local)),
    );
    font.children.unshift(fragment(base, kind === 'link' ? '<u/>' : '<b/>'));
    if (kind === 'title') {
      const size = firstElement(font, 'sz');
      if (size) setAttr(size, 'val', '12');
      else font.children.push(fragment(base, '<sz val="12"/>'));
    }
    if (kind === 'link') {
      font.children = font.children.filter((c) => !(c.kind === 'element' && c.local === 'color'));
      font.children.push(fragment(base, `<color rgb="${LINK_COLOR}"/>`));
    }
    const id = this.fonts.indexOf(font);
    this.fontIds.set(kind, id);
    return id;
  }

  private topBorder(): number {
    this.topBorderId ??= this.borders.indexOf(fragment(this.borders.element, TOP_BORDER));
    return this.topBorderId;
  }
}

/** The attributes of a look's `<alignment>`, or '' for the default. */
function alignmentOf(look: CellLook): string {
  return (
    (look.right ? ' horizontal="right"' : '') +
    (look.top ? ' vertical="top"' : '') +
    (look.wrap ? ' wrapText="1"' : '')
  );
}
