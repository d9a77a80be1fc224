import { streamXml } from '../../server/xlsx/package/xmlStream';

/** Excel's built-in percent formats: 9 is `0%`, 10 is `0.00%`. */
const BUILT_IN_PERCENT: Record<number, number> = { 9: 0, 10: 2 };

/**
 * Which cell formats show a number as a percent, and to how many places, read from a workbook's styles.xml:
 * the preview shows a rate as the workbook does (0.032 with `0.0%` is `3.2%`), not as the fraction it holds.
 * A format is a percent when its code has a `%` outside quotes and brackets; its places are the zeros after
 * the decimal point of its first section.
 */
export function percentStyles(stylesXml: string | null): (style: number) => number | null {
  if (stylesXml === null) return () => null;
  const codes = new Map<number, string>();
  const xfFormats: number[] = [];
  const path: string[] = [];
  streamXml(stylesXml, {
    open: (tag) => {
      const parent = path[path.length - 1];
      path.push(tag.local);
      const id = Number(tag.attributes.numFmtId);
      if (tag.local === 'numFmt' && parent === 'numFmts') codes.set(id, tag.attributes.formatCode ?? '');
      else if (tag.local === 'xf' && parent === 'cellXfs') xfFormats.push(Number.isInteger(id) ? id : 0);
    },
    close: () => void path.pop(),
  });
  const places = xfFormats.map((id) => {
    const code = codes.get(id);
    return code === undefined ? (BUILT_IN_PERCENT[id] ?? null) : percentPlaces(code);
  });
  return (style) => places[style] ?? null;
}

/** `0.0%` → 1, `#,##0%` → 0, `0.00` → null (not a percent). */
export function percentPlaces(code: string): number | null {
  const first = (code.split(';')[0] ?? '').replace(/"[^"]*"|\[[^\]]*]|\\./g, '');
  if (!first.includes('%')) return null;
  const decimals = /\.(0+)/.exec(first);
  return decimals ? (decimals[1] as string).length : 0;
}
