import type { Measure, OutputTable, Result, ValueFormat } from '../../../models';
import { idKey } from '../../../models';
import { measureDecimals } from '../precision';
import { isRateUnit } from '../read/measureKind';
import { ratesAsFractions } from '../scenarios/bounds';
import { withFields } from '../../objects';

/** A fraction's decimals less these are its percent's: 0.032 has three, 3.2% one. */
const PERCENT_PLACES = 2;

/**
 * How each measure's values print, by measure: a rate (Kind Rate, or a Unit that reads as a percent, as a
 * cumulative "Percent reduction ... (cumulative)" does) the workbook writes as fractions (every target and actual
 * within ±1) as a percent at the measure's own precision, so 0.032 prints `3.2%` and not `0.032` or `3.20%`;
 * any other measure (and a rate written as 85 for 85%) as its plain number, so null.
 */
export function measureValueFormats(
  measures: readonly Measure[],
  results: readonly Result[],
): (measureId: string) => ValueFormat | null {
  const resultsOf = new Map<string, Result[]>();
  for (const r of results) {
    const key = idKey(r.measureId);
    resultsOf.set(key, [...(resultsOf.get(key) ?? []), r]);
  }
  const formats = new Map<string, ValueFormat>();
  for (const m of measures) {
    const own = resultsOf.get(idKey(m.id)) ?? [];
    const rate = m.kind === 'Rate' || isRateUnit(m.unit);
    if (!rate || own.length === 0 || !ratesAsFractions(own)) continue;
    formats.set(idKey(m.id), {
      format: 'share',
      decimals: Math.max(0, measureDecimals(own) - PERCENT_PLACES),
    });
  }
  return (measureId) => formats.get(idKey(measureId)) ?? null;
}

/** The table with its rows' value formats (one per row, in row order), when any row has one. */
export function withValueFormats(table: OutputTable, formats: readonly (ValueFormat | null)[]): OutputTable {
  return formats.some((f) => f !== null) ? withFields(table, { valueFormats: [...formats] }) : table;
}
