import { OUTPUT_TABLE_TOP_LEFT, type MoneyDisplay } from '../../models';
import { parseA1 } from '../../models/a1';
import { ACTION_BYTES } from './planWrites';
import type { XlWorksheet } from './types';

/**
 * Every output sheet set up to print as a budget exhibit, as the package writer sets it up: landscape, one page
 * wide and as many tall as it needs (the Summary on one page), the header row repeated, and a footer naming the
 * agency, basis, units, the source and the print date. Office.js has this from ExcelApi 1.9 (PageLayout), so an
 * older Excel gets the sheets without it.
 */

/** Whose figures these are and what they measure, for the footer. */
export interface ExhibitInfo {
  /** From the workbook's Settings ('' when it names none). */
  agency: string;
  /** The cost basis in words, as the titles say it: "resources (obligations)". */
  costLabel: string;
}

const HEADER_ROW = parseA1(OUTPUT_TABLE_TOP_LEFT).row;
const MAX_FOOTER = 255;
/** Orientation, zoom, title rows and three footer sections. */
export const PRINT_SETUP_BYTES = ACTION_BYTES * 6;

/** `&8` is an 8-point font, `&D` the date Excel prints, `&P of &N` the page; a literal & is written &&. */
export function exhibitFooter(
  info: ExhibitInfo,
  money: MoneyDisplay,
): { left: string; center: string; right: string } {
  const units = money.units === 'Dollars' ? 'dollars' : `dollars in ${money.units.toLowerCase()}`;
  const center = '&8Source: Throughline';
  const right = '&8Run &D, page &P of &N';
  // Excel refuses a footer over 255 characters: the left section gets half of what the others leave, cut
  // before escaping so an && is never split (as the package writer cuts it).
  const room = Math.floor((MAX_FOOTER - center.length - right.length - '&L&8&C&R'.length) / 2);
  let what = [info.agency, info.costLabel, units].filter((s) => s.trim() !== '').join(', ');
  if (what.length > room) what = `${what.slice(0, room - 1)}…`;
  return { left: `&8${what.replace(/&/g, '&&')}`, center, right };
}

export function setUpPrinting(
  sheet: XlWorksheet,
  footer: ReturnType<typeof exhibitFooter>,
  onePage: boolean,
): void {
  const layout = sheet.pageLayout;
  layout.orientation = 'Landscape';
  // Zero pages tall: as many as the rows need (OOXML's fitToHeight 0).
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: onePage ? 1 : 0 };
  layout.setPrintTitleRows(`$${HEADER_ROW}:$${HEADER_ROW}`);
  const pages = layout.headersFooters.defaultForAllPages;
  pages.leftFooter = footer.left;
  pages.centerFooter = footer.center;
  pages.rightFooter = footer.right;
}
