import type { Series, SeriesVersion, Settings } from '../../models';

/**
 * Which series a figure uses. A budget justification compares the prior year's actuals (PY), the current
 * year's enacted level (CY) and the budget year's request (BY); a year may hold several versions (enacted and
 * CR), so each role prefers the version that role means, else the year's first column.
 */
export interface SeriesPlan {
  all: readonly Series[];
  py: Series | null;
  cy: Series | null;
  by: Series | null;
  /** The series scenarios change (Settings Base Year, default the Budget Year). */
  base: Series | null;
  /** The series that stands for a fiscal year (cost per outcome, scenario years): see `primaryOf`. */
  ofYear(year: number): Series | null;
}

const PREFERENCE: Record<'py' | 'cy' | 'by' | 'other', readonly SeriesVersion[]> = {
  py: ['Actual'],
  cy: ['Enacted', 'CR'],
  by: ['Request', 'Estimate'],
  // A year outside PY/CY/BY: what was spent if known, else what was enacted, else what was asked.
  other: ['Actual', 'Enacted', 'CR', 'Request', 'Estimate'],
};

function pick(all: readonly Series[], year: number | null, prefer: readonly SeriesVersion[]): Series | null {
  if (year === null) return null;
  const ofYear = all.filter((s) => s.year === year);
  for (const kind of prefer) {
    const s = ofYear.find((x) => x.kind === kind);
    if (s) return s;
  }
  return ofYear[0] ?? null;
}

/** BY: as set, else the latest year with a Request/PB/Estimate column, else the latest year. */
function budgetYearOf(all: readonly Series[], settings: Settings): number | null {
  if (settings.budgetYear !== null) return settings.budgetYear;
  const requested = all.filter((s) => s.kind === 'Request' || s.kind === 'Estimate');
  // A loop, not Math.max(...): a header can hold more columns than a call can take arguments.
  const latest = (list: readonly Series[]) =>
    list.reduce<number | null>((max, s) => (max === null || s.year > max ? s.year : max), null);
  return latest(requested) ?? latest(all);
}

export function planSeries(all: readonly Series[], settings: Settings): SeriesPlan {
  const byYear = budgetYearOf(all, settings);
  const cyYear = settings.currentYear ?? (byYear !== null ? byYear - 1 : null);
  const pyYear = settings.priorYear ?? (byYear !== null ? byYear - 2 : null);
  const by = pick(all, byYear, PREFERENCE.by);
  const cy = pick(all, cyYear, PREFERENCE.cy);
  const py = pick(all, pyYear, PREFERENCE.py);
  const ofYear = (year: number): Series | null =>
    year === byYear ? by : year === cyYear ? cy : year === pyYear ? py : pick(all, year, PREFERENCE.other);
  const baseYear = settings.baseYear ?? byYear;
  return { all, py, cy, by, base: baseYear === null ? null : ofYear(baseYear), ofYear };
}
