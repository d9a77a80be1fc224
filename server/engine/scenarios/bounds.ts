import type { Measure, Result } from '../../../models';
import { NOTES } from '../messages';

/**
 * What values a measure can take, so that a projection stays possible: a rate stays within 0–100% (0–1 when
 * the workbook writes rates as fractions), counts, indexes and cumulative totals never go below zero. Currency
 * and measures of unknown kind are not bounded: a model of savings may go negative.
 */
export interface Bounds {
  lo: number;
  hi: number;
  /** How the bound reads in a note: "a rate cannot exceed 100%". */
  words: { lo: string; hi: string };
}

/** Rates written as fractions (every target and actual of the measure within ±1) are bounded at 1, else 100. */
export function ratesAsFractions(results: readonly Result[]): boolean {
  const values = results.flatMap((r) => [r.target, r.actual, r.minTarget, r.maxTarget]);
  return values.every((v) => v === null || Math.abs(v) <= 1);
}

export function boundsOf(measure: Measure, results: readonly Result[]): Bounds | null {
  switch (measure.kind) {
    case 'Rate': {
      const fractions = ratesAsFractions(results);
      return {
        lo: 0,
        hi: fractions ? 1 : 100,
        words: { lo: NOTES.bounds.rateLow, hi: NOTES.bounds.rateHigh },
      };
    }
    case 'Count':
      return { lo: 0, hi: Infinity, words: { lo: NOTES.bounds.countLow, hi: '' } };
    case 'Index':
      return { lo: 0, hi: Infinity, words: { lo: NOTES.bounds.indexLow, hi: '' } };
    case 'Cumulative':
      // The model moves the year's increment; a cumulative total cannot lose what was already done.
      return { lo: 0, hi: Infinity, words: { lo: NOTES.bounds.cumulativeLow, hi: '' } };
    case 'Currency':
    case null:
      return null;
  }
}

export interface Bounded {
  value: number;
  /** The words of the bound that applied, or null when the model's value was possible as it was. */
  bound: string | null;
}

export function clamp(value: number, b: Bounds | null): Bounded {
  if (!b || !Number.isFinite(value)) return { value, bound: null };
  if (value < b.lo) return { value: b.lo, bound: b.words.lo };
  if (value > b.hi) return { value: b.hi, bound: b.words.hi };
  return { value, bound: null };
}
