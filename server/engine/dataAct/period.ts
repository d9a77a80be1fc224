/**
 * The DATA Act submission period: a fiscal year and a period (P01–P12) or quarter (Q1–Q4). File A and File B
 * amounts are cumulative from the start of the fiscal year (`_CPE`), so the period says how much of the year the
 * Budget derived from File B covers.
 */
export interface SubmissionPeriod {
  year: number;
  /** 1–12; a quarter counts as its last period (Q2 = P06). */
  period: number;
  /** True when written as a quarter, so labels keep the agency's own granularity. */
  quarter: boolean;
}

const PERIOD_TEXT = /^(?:FY)?\s*(\d{4}|\d{2})\s*[-/ ]?\s*(P|Q)\s*(\d{1,2})$/i;

/** `FY2024P06`, `FY24P06`, `FY2024Q2`, `2024 P12`; null when the text is not a period. */
export function parseSubmissionPeriod(text: string): SubmissionPeriod | null {
  const m = PERIOD_TEXT.exec(text.trim());
  if (!m) return null;
  const [, y = '', kind = '', n = ''] = m;
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  const quarter = kind.toUpperCase() === 'Q';
  const number = Number(n);
  if (quarter ? number < 1 || number > 4 : number < 1 || number > 12) return null;
  return { year, period: quarter ? number * 3 : number, quarter };
}

export function periodName(p: SubmissionPeriod): string {
  return p.quarter ? `FY${p.year}Q${p.period / 3}` : `FY${p.year}P${String(p.period).padStart(2, '0')}`;
}

/** Which of two periods is later (negative when `a` is earlier). */
export function comparePeriods(a: SubmissionPeriod, b: SubmissionPeriod): number {
  return a.year - b.year || a.period - b.period;
}

/**
 * The Budget column a period's amounts go in: `FY2024 Actual` for a full year (P12), else `FY2024 Actual through
 * P06` (the words after the year are the series label, kept as written).
 */
export function seriesHeaderOf(p: SubmissionPeriod): string {
  if (p.period === 12) return `FY${p.year} Actual`;
  const through = p.quarter ? `Q${p.period / 3}` : `P${String(p.period).padStart(2, '0')}`;
  return `FY${p.year} Actual through ${through}`;
}
