import type { MeasureKind } from '../../../models';

export interface InferredKind {
  kind: MeasureKind | null;
  /** Which words said so: the Unit, or the measure's name (only `cumulative` is read from a name). */
  from: 'Unit' | 'Name' | null;
  currencyScale: number;
}

/**
 * The contract's rule for a blank Kind: inferred from the Unit's words, except that `cumulative` in the measure's
 * name counts too (agencies write "Number of authorized systems (cumulative)" with a Unit of "Raw Count").
 * Currency measures also carry the scale their values are in (Billions = 1e9 dollars), so a return ratio
 * compares like with like.
 */
export function inferKind(unit: string, name = ''): InferredKind {
  const u = unit.toLowerCase();
  if (u.includes('cumulative')) return { kind: 'Cumulative', from: 'Unit', currencyScale: 1 };
  if (name.toLowerCase().includes('cumulative'))
    return { kind: 'Cumulative', from: 'Name', currencyScale: 1 };
  if (isRateUnit(u)) return { kind: 'Rate', from: 'Unit', currencyScale: 1 };
  if (u.includes('scale') || u.includes('index') || u.includes('score'))
    return { kind: 'Index', from: 'Unit', currencyScale: 1 };
  const scale = currencyScaleOf(u);
  if (scale !== null) return { kind: 'Currency', from: 'Unit', currencyScale: scale };
  if (u.includes('count') || u.includes('number') || u.includes('#'))
    return { kind: 'Count', from: 'Unit', currencyScale: 1 };
  return { kind: null, from: null, currencyScale: 1 };
}

/** A Unit that reads as a percentage or rate (`Percentage`, `%`, `Rate`). */
export function isRateUnit(unit: string): boolean {
  const u = unit.toLowerCase();
  return u.includes('percent') || u.includes('%') || /\brate\b/.test(u);
}

export function currencyScaleOf(unit: string): number | null {
  const u = unit.toLowerCase();
  if (u.includes('billion')) return 1e9;
  if (u.includes('million')) return 1e6;
  if (u.includes('thousand')) return 1e3;
  if (u.includes('$') || u.includes('dollar')) return 1;
  return null;
}
