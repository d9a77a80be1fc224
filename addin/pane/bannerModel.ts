import type { Issue, Summary } from '../../models';
import { BANNER, sheetEffect } from './texts';

export type Tone = 'error' | 'warning' | 'ok';

export interface BannerModel {
  tone: Tone;
  title: string;
  /** What the errors affect, one line per input sheet, then the unread Budget amounts. */
  lines: string[];
}

/**
 * The first thing after a run: plainly whether the figures can be used. Errors lead with how many and what they
 * affect (per input sheet, and the Budget amounts every total leaves out); warnings say the results are ready
 * but have something to review; a clean run says so.
 */
export function bannerModel(summary: Summary, issues: readonly Issue[]): BannerModel {
  const { error, warning, info } = summary.issues;
  const unread = unreadLines(summary);
  if (error > 0) {
    const bySheet = new Map<string, number>();
    for (const i of issues) if (i.severity === 'error') bySheet.set(i.sheet, (bySheet.get(i.sheet) ?? 0) + 1);
    const effects = [...bySheet].map(([sheet, n]) => sheetEffect(sheet, n));
    return { tone: 'error', title: BANNER.errors(error), lines: [BANNER.affects, ...effects, ...unread] };
  }
  if (warning > 0) return { tone: 'warning', title: BANNER.warnings(warning), lines: unread };
  return { tone: 'ok', title: info > 0 ? BANNER.notes(info) : BANNER.clean, lines: unread };
}

function unreadLines(summary: Summary): string[] {
  const u = summary.unreadAmounts;
  if (u.count === 0) return [];
  const cells = `${u.cells.join(', ')}${u.count > u.cells.length ? ', …' : ''}`;
  return [
    BANNER.unread(u.count, cells),
    ...(u.goals.length > 0 ? [BANNER.unreadGoals(u.goals.join(', '))] : []),
    ...(u.viaPools ? [BANNER.unreadPools] : []),
  ];
}
