import type { AmountType, Issue, Measure, Response, Result } from '../../../models';
import { idKey } from '../../../models';
import type { Computation } from '../compute';
import { measuresInPlanOrder } from '../cost';
import { issueAt, MESSAGES } from '../messages';
import { type Projector, projectorFor } from './responses';

/** A measure ready to project: its response, its base value (and the year it is from), and its target row. */
export interface ModeledMeasure {
  measure: Measure;
  response: Response;
  project: Projector;
  baseValue: number;
  baseValueYear: number;
  /** The Results row for the scenario year, if any (its target judges the projection). */
  target: Result | null;
}

export interface NotModeled {
  measure: Measure;
  reason: string;
}

/**
 * Splits measures into those a scenario can project and those it cannot, saying why for each. A measure without
 * a Responses row, or without any actual to start from, is never guessed.
 */
export function prepareMeasures(
  c: Computation,
  year: number,
  issues: Issue[],
): { modeled: ModeledMeasure[]; notModeled: NotModeled[] } {
  const responses = new Map(c.model.responses.map((r) => [idKey(r.measureId), r]));
  const results = new Map<string, Result[]>();
  for (const r of c.model.results) {
    const k = idKey(r.measureId);
    results.set(k, [...(results.get(k) ?? []), r]);
  }
  const modeled: ModeledMeasure[] = [];
  const notModeled: NotModeled[] = [];
  for (const measure of measuresInPlanOrder(c.model)) {
    const response = responses.get(idKey(measure.id));
    if (!response) {
      notModeled.push({ measure, reason: 'Not modeled: no Responses row.' });
      continue;
    }
    const projector = projectorFor(response);
    if (!projector.ok) {
      // The reader has already reported the formula at its cell.
      notModeled.push({ measure, reason: 'Not modeled: its Expression cannot be used (see Issues).' });
      continue;
    }
    const rows = results.get(idKey(measure.id)) ?? [];
    const withActual = rows.filter((r) => r.actual !== null).sort((a, b) => b.year - a.year);
    const base = withActual.find((r) => r.year === year) ?? withActual[0];
    if (!base || base.actual === null) {
      notModeled.push({ measure, reason: 'Not modeled: no actual to start from.' });
      continue;
    }
    modeled.push({
      measure,
      response,
      project: projector.project,
      baseValue: base.actual,
      baseValueYear: base.year,
      target: rows.find((r) => r.year === year) ?? null,
    });
  }
  const unmodeled = notModeled.filter((n) => n.reason.includes('no Responses row')).length;
  if (unmodeled > 0 && c.model.scenarios.length > 0)
    issues.push(issueAt(MESSAGES.measuresNotModeled(unmodeled), null));
  return { modeled, notModeled };
}

export const objectiveKey = (m: Measure) => `O:${m.objectiveId}`;
export type Basis = AmountType;
