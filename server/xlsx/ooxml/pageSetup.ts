import type { MoneyDisplay } from '../../../models';
import { esc } from './xml';

/** What an output sheet's footer says about the figures: whose they are and what they measure. */
export interface ExhibitInfo {
  /** The agency, from the workbook's Settings ('' when it names none). */
  agency: string;
  /** The cost basis in words, as the titles say it: "resources (obligations)", "full cost (expenses)". */
  costLabel: string;
}

// Excel refuses a header or footer longer than 255 characters (codes included).
const MAX_FOOTER = 255;

/**
 * The print setup that makes an output sheet a budget exhibit: landscape, fit to one page wide and as many tall
 * as it needs (fitToHeight 0), and a footer naming agency, basis, units, the source and the run date (`&D`, the
 * date Excel prints it, so the file itself carries no clock). The header row repeats through the sheet's
 * `_xlnm.Print_Titles` name, which lives in the workbook part (see WorkbookPackage.addPrintTitles).
 * `sheetPr` goes first in the worksheet, the rest after the margins: the schema's order.
 */
export function exhibitPageSetup(
  info: ExhibitInfo | undefined,
  money: MoneyDisplay,
  onePage = false,
): { sheetPr: string; afterMargins: string } {
  return {
    sheetPr: '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    afterMargins:
      `<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="${onePage ? 1 : 0}"/>` +
      `<headerFooter><oddFooter>${esc(footerText(info, money))}</oddFooter></headerFooter>`,
  };
}

/** The footer's codes: &L, &C, &R sections, &8 an 8-point font, &P of &N pages, &D the print date. */
export function footerText(info: ExhibitInfo | undefined, money: MoneyDisplay): string {
  const units = money.units === 'Dollars' ? 'dollars' : `dollars in ${money.units.toLowerCase()}`;
  const what = [info?.agency ?? '', info?.costLabel ?? '', units].filter((s) => s.trim() !== '');
  const right = '&R&8Run &D, page &P of &N';
  const centre = '&C&8Source: Throughline';
  const room = MAX_FOOTER - right.length - centre.length - '&L&8'.length;
  // A literal & in a footer is written &&; cut before escaping so a pair is never split.
  let left = what.join(', ');
  if (left.length > room / 2) left = `${left.slice(0, Math.floor(room / 2) - 1)}…`;
  return `&L&8${left.replace(/&/g, '&&')}${centre}${right}`;
}
