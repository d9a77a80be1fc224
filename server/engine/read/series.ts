import type { CellValue, Series, SeriesVersion } from '../../../models';
import { cellText, normalizeName } from './cells';
import { vocabulary } from './enums';

/**
 * Series: the Budget's amount columns, each a fiscal year plus a version label (`FY2024 Enacted`,
 * `2026 est.`). A budget justification shows several versions of one year side by side (enacted and CR,
 * request and PB), so a year alone does not name a column; the label does, exactly as the user wrote it.
 */

/** Version words as budget offices and the Budget Appendix write them. */
export const seriesVersionOf = vocabulary<SeriesVersion>({
  Actual: ['Actuals', 'Act', 'Act.', 'Actual Obligations'],
  Enacted: ['Enact', 'Enacted Level', 'Appropriated', 'Approp', 'Appropriation', 'Final'],
  CR: ['Continuing Resolution', 'Annualized CR', 'CR Level', 'Annualized Continuing Resolution'],
  Request: ['PB', "President's Budget", 'Presidents Budget', 'Budget Request', 'Req', 'Req.', 'Requested'],
  Estimate: ['Est', 'Est.', 'Estimated', 'Estimates', 'Projected', 'Projection', 'Plan', 'Planned'],
});

export interface SeriesHeader {
  year: number;
  /** The words after the year, trimmed (`Enacted`), or '' for a bare year. */
  version: string;
}

/** A header that names a series: `FY2018`, `FY 2018`, `2018`, `FY2024 Enacted`, `2026 est.`; else null. */
export function seriesOfHeader(v: CellValue): SeriesHeader | null {
  const m = /^(?:FY\s*)?((?:19|20)\d{2})(?:\s+(.*))?$/i.exec(cellText(v));
  if (!m) return null;
  return { year: Number(m[1]), version: (m[2] ?? '').trim() };
}

/** Two headers name the same series when year and version agree (`FY2025 Actual` = `2025 actual`). */
export function seriesKey(h: SeriesHeader): string {
  const kind = h.version ? seriesVersionOf(h.version) : null;
  return `${h.year}|${kind ?? normalizeName(h.version)}`;
}

/** The label an output shows: the header as written; a bare year reads `FY2018`. */
export function seriesLabel(header: string, h: SeriesHeader): string {
  return h.version ? header.trim() : `FY${h.year}`;
}

export function makeSeries(label: string, h: SeriesHeader): Omit<Series, 'index'> {
  return {
    year: h.year,
    label,
    version: h.version,
    kind: h.version ? seriesVersionOf(h.version) : null,
  };
}
