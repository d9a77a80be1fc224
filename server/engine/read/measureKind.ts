import type { MeasureKind } from '../../../models';

/**
 * The contract's rule for a blank Kind: inferred from the Unit's words. Currency measures also carry the scale
 * their values are in (Billions = 1e9 dollars), so a return ratio compares like with like.
 */
export function inferKind(unit: string): { kind: MeasureKind | null; currencyScale: number } {
  const u = unit.toLowerCase();
  if (u.includes('cumulative')) return { kind: 'Cumulative', currencyScale: 1 };
  if (u.includes('percent') || u.includes('%') || /\brate\b/.test(u))
    return { kind: 'Rate', currencyScale: 1 };
  if (u.includes('scale') || u.includes('index') || u.includes('score'))
    return { kind: 'Index', currencyScale: 1 };
  const scale = currencyScaleOf(u);
  if (scale !== null) return { kind: 'Currency', currencyScale: scale };
  if (u.includes('count') || u.includes('number') || u.includes('#'))
    return { kind: 'Count', currencyScale: 1 };
  return { kind: null, currencyScale: 1 };
}

export function currencyScaleOf(unit: string): number | null {
  const u = unit.toLowerCase();
  if (u.includes('billion')) return 1e9;
  if (u.includes('million')) return 1e6;
  if (u.includes('thousand')) return 1e3;
  if (u.includes('$') || u.includes('dollar')) return 1;
  return null;
}
