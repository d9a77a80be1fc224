import { attrNamed, childNamed, childrenNamed, partTree } from './directParts';
import type { XlsxPackage } from './xlsxPackage';
import { unsupported } from './xmlBytes';

/**
 * Which cell styles make a number a date, decided as exceljs decides it: the style's number format (custom, else
 * built in) holds a date or time token outside quotes and brackets. Style 0 never counts (exceljs skips a zero
 * style id), nor does a style without a number format.
 */

/** exceljs's built-in format codes (its `defaultnumformats`, the ones with a code). */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs's `isDateFmt`. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

export class DateStyles {
  private readonly known = new Map<number, boolean>();

  constructor(
    /** Whether the workbook has a styles part at all. */
    readonly present: boolean,
    /** Each cell format's number format id, or undefined when styles.xml lists no cell formats. */
    private readonly xfNumFmts: number[] | undefined,
    private readonly custom: Map<number, string>,
    /** Whether styles.xml lists differential formats (tables' column styles point into them). */
    readonly hasDxfs: boolean,
  ) {}

  /** Whether a cell with this `s` attribute (parsed as exceljs does) shows its number as a date. */
  isDate(styleId: number): boolean {
    if (!styleId || !this.present) return false;
    let date = this.known.get(styleId);
    if (date === undefined) {
      date = this.decide(styleId);
      this.known.set(styleId, date);
    }
    return date;
  }

  /** exceljs looks every styled cell's style up, and fails when styles.xml lists no cell formats. */
  checkCellStyle(styleId: number): void {
    if (styleId && this.present && this.xfNumFmts === undefined)
      unsupported('cell style without cell formats');
  }

  /** A row's own style is looked up by exceljs even without a styles part, and fails there. */
  checkRowStyle(styleId: number): void {
    if (styleId && (!this.present || this.xfNumFmts === undefined)) unsupported('row style without styles');
  }

  private decide(styleId: number): boolean {
    // exceljs looks the style up in a list it never made when styles.xml has no cell formats, and fails.
    if (this.xfNumFmts === undefined) unsupported('cell style without cell formats');
    const numFmtId = this.xfNumFmts[styleId];
    if (numFmtId === undefined || !numFmtId) return false;
    return isDateFormat(this.custom.get(numFmtId) || BUILT_IN[numFmtId]);
  }
}

export async function readDateStyles(pkg: XlsxPackage): Promise<DateStyles> {
  const root = await partTree(pkg, 'xl/styles.xml', 'styleSheet');
  if (!root) return new DateStyles(false, undefined, new Map(), false);
  const custom = new Map<number, string>();
  const numFmts = childNamed(root, 'numFmts');
  for (const numFmt of numFmts ? childrenNamed(numFmts, 'numFmt') : []) {
    const code = attrNamed(numFmt, 'formatCode');
    if (code === undefined) unsupported('number format without a code');
    custom.set(parseInt(attrNamed(numFmt, 'numFmtId') ?? '', 10), code.replace(/[\\](.)/g, '$1'));
  }
  const cellXfs = childNamed(root, 'cellXfs');
  const xfs = cellXfs ? childrenNamed(cellXfs, 'xf') : [];
  const xfNumFmts =
    xfs.length > 0 ? xfs.map((xf) => parseInt(attrNamed(xf, 'numFmtId') ?? '', 10)) : undefined;
  const dxfs = childNamed(root, 'dxfs');
  return new DateStyles(true, xfNumFmts, custom, !!dxfs && childrenNamed(dxfs, 'dxf').length > 0);
}
