import { attrs, insertBeforeClose, setAttr } from './xml';

/** How a cell looks: its number format code (`General` for none), and the font and border variant. */
export interface CellLook {
  numFmt: string;
  font: 'normal' | 'bold' | 'title' | 'link';
  topBorder: boolean;
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

/**
 * The workbook's styles.xml with the few looks the output sheets need appended: existing fonts, borders, number
 * formats and cell formats keep their indexes, so every input sheet looks exactly as before.
 */
export class StyleBook {
  private readonly fonts: Record<Exclude<CellLook['font'], 'normal'>, number>;
  private readonly normalFont = 0;
  private readonly topBorder: number;
  private readonly numFmtIds = new Map<string, number>();
  private readonly newNumFmts: string[] = [];
  private nextNumFmtId: number;
  private readonly xfs = new Map<string, number>();
  private readonly newXfs: string[] = [];
  private readonly firstNewXf: number;
  private readonly newFonts: string[];

  constructor(private xml: string) {
    const fonts = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(xml);
    const baseFont =
      /<font\b[^>]*>([\s\S]*?)<\/font>|<font\b[^>]*\/>/.exec(fonts?.[1] ?? '')?.[1] ??
      '<sz val="11"/><name val="Calibri"/>';
    const plain = baseFont.replace(/<(b|i|u|strike)\b[^>]*\/>/g, '');
    const fontCount = (fonts?.[1]?.match(/<font\b/g) ?? []).length;
    this.newFonts = [
      `<font><b/>${plain}</font>`,
      `<font><b/>${plain.replace(/<sz val="[^"]*"\/>/, '<sz val="12"/>')}</font>`,
      `<font><u/>${plain.replace(/<color\b[^>]*\/>/, '')}<color rgb="FF0563C1"/></font>`,
    ];
    this.fonts = { bold: fontCount, title: fontCount + 1, link: fontCount + 2 };
    const borders = /<borders\b[^>]*>([\s\S]*?)<\/borders>/.exec(xml);
    this.topBorder = (borders?.[1]?.match(/<border\b/g) ?? []).length;
    for (const tag of xml.match(/<numFmt\b[^>]*>/g) ?? []) {
      const a = attrs(tag);
      const id = Number(a.get('numFmtId'));
      const code = a.get('formatCode');
      if (code !== undefined && Number.isInteger(id)) this.numFmtIds.set(code, id);
    }
    this.nextNumFmtId = Math.max(163, ...this.numFmtIds.values()) + 1;
    const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
    this.firstNewXf = (cellXfs?.[1]?.match(/<xf\b/g) ?? []).length;
  }

  /** The cell format index for a look, added on first use. */
  xf(look: CellLook): number {
    const key = `${look.numFmt}\u0000${look.font}\u0000${look.topBorder}`;
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.numFmtId(look.numFmt);
    const fontId = look.font === 'normal' ? this.normalFont : this.fonts[look.font];
    const borderId = look.topBorder ? this.topBorder : 0;
    this.newXfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${borderId ? ' applyBorder="1"' : ''}/>`,
    );
    const index = this.firstNewXf + this.newXfs.length - 1;
    this.xfs.set(key, index);
    return index;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.newNumFmts.push(
      `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"/>`,
    );
    return id;
  }

  /** styles.xml with the new entries and corrected counts. */
  toXml(): string {
    let xml = this.xml;
    if (this.newNumFmts.length > 0) {
      if (!/<numFmts\b/.test(xml))
        xml = xml.replace(/(<styleSheet\b[^>]*>)/, '$1<numFmts count="0"></numFmts>');
      xml = insertBeforeClose(xml, 'numFmts', this.newNumFmts.join(''));
      xml = setAttr(xml, 'numFmts', 'count', String((xml.match(/<numFmt\b/g) ?? []).length));
    }
    xml = insertBeforeClose(xml, 'fonts', this.newFonts.join(''));
    xml = setAttr(xml, 'fonts', 'count', String(this.fonts.link + 1));
    xml = insertBeforeClose(
      xml,
      'borders',
      '<border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/></border>',
    );
    xml = setAttr(xml, 'borders', 'count', String(this.topBorder + 1));
    if (this.newXfs.length > 0) {
      xml = insertBeforeClose(xml, 'cellXfs', this.newXfs.join(''));
      xml = setAttr(xml, 'cellXfs', 'count', String(this.firstNewXf + this.newXfs.length));
    }
    return xml;
  }
}
