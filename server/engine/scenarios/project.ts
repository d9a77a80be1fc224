import type { Status } from '../../../models';
import { NOTES } from '../messages';
import { judgeStatus } from '../status';
import { type ModeledMeasure, type NotModeled, projectMeasure } from './measures';
import { type Band, simulate } from './montecarlo';
import { centralElasticity } from './responses';

export interface Projection {
  scenario: string;
  modeled: ModeledMeasure | null;
  notModeled: NotModeled | null;
  objectiveId: string;
  /** Full cost in minor units. */
  baseFunding: number;
  scenarioFunding: number;
  projected: number | null;
  band: Band | null;
  meets: Status | 'Not Modeled';
  /**
   * Whether the measure meets its target at the scenario year's base funding, no change made: the figure a
   * scenario's count is compared with. Not the base value itself, which may be an earlier year's actual at that
   * year's funding: judged against this year's target, it would credit a cut with the growth between the years.
   */
  metAtBase: boolean;
  notes: string[];
}

/** One measure's funding under a scenario, in minor units. */
export interface MeasureFunding {
  /** Its objective's funding in the scenario's year before the change (shown as Base Funding). */
  yearBase: number;
  /** Its objective's funding in the year of its base value (what the model scales from). */
  base: number;
  /** Its objective's funding under the scenario. */
  scenario: number;
}

/** One measure under one scenario: the bounded projection, its band, and whether it meets its target. */
export function project(
  scenario: string,
  m: ModeledMeasure,
  year: number,
  funding: MeasureFunding,
  tolerance: number,
  toUnits: (minor: number) => number,
): Projection {
  const outcome =
    funding.base <= 0
      ? { projected: null, band: null, notes: [NOTES.noBaseFunding()] }
      : projectFunded(
          scenario,
          m,
          { funding: toUnits(funding.scenario), baseFunding: toUnits(funding.base) },
          tolerance,
        );
  const { model } = m.response;
  const withElasticity = model === 'Elasticity' || model === 'Saturating';
  const notes = [
    ...baseNotes(m, year),
    ...outcome.notes,
    NOTES.responseModel(model, withElasticity ? centralElasticity(m.response) : null),
  ];
  const target = m.target ?? { target: null, minTarget: null, maxTarget: null };
  const atBase =
    funding.base <= 0
      ? null
      : projectMeasure(
          m,
          { funding: toUnits(funding.yearBase), baseFunding: toUnits(funding.base) },
          centralElasticity(m.response),
        ).value;
  return {
    scenario,
    modeled: m,
    notModeled: null,
    objectiveId: m.measure.objectiveId,
    baseFunding: funding.yearBase,
    scenarioFunding: funding.scenario,
    projected: outcome.projected,
    band: outcome.band,
    meets:
      outcome.projected === null
        ? 'No Actual'
        : judgeStatus(m.measure.direction, target, outcome.projected, tolerance),
    metAtBase:
      m.target !== null &&
      atBase !== null &&
      Number.isFinite(atBase) &&
      judgeStatus(m.measure.direction, target, atBase, tolerance) === 'Met',
    notes,
  };
}

/** A measure no scenario can project, shown with its funding and the reason. */
export function notProjected(
  scenario: string,
  n: NotModeled,
  funding: Pick<MeasureFunding, 'yearBase' | 'scenario'>,
): Projection {
  return {
    scenario,
    modeled: null,
    notModeled: n,
    objectiveId: n.measure.objectiveId,
    baseFunding: funding.yearBase,
    scenarioFunding: funding.scenario,
    projected: null,
    band: null,
    meets: 'Not Modeled',
    metAtBase: false,
    notes: [n.reason],
  };
}

/** What a reader must know of the base: a base taken from an earlier year, a cumulative measure's increase. */
function baseNotes(m: ModeledMeasure, year: number): string[] {
  const notes: string[] = [];
  if (m.baseValueYear !== year) notes.push(NOTES.baseFromLatestActual(year, m.baseValueYear));
  if (m.measure.kind === 'Cumulative') notes.push(NOTES.cumulativeIncrease(m.modeledBase, m.carried));
  return notes;
}

/** The projection at the scenario's funding (in Units) and its Monte Carlo band, for a measure with base funding. */
function projectFunded(
  scenario: string,
  m: ModeledMeasure,
  inputs: { funding: number; baseFunding: number },
  tolerance: number,
): { projected: number | null; band: Band | null; notes: string[] } {
  const notes: string[] = [];
  const e = centralElasticity(m.response);
  const p = projectMeasure(m, inputs, e);
  const projected = Number.isFinite(p.value) ? p.value : null;
  if (projected === null) notes.push(NOTES.notFinite());
  else if (p.bound) notes.push(NOTES.bounded(p.bound));
  const r = m.response;
  const range =
    r.low !== null && r.high !== null && r.model !== 'Fixed' ? { low: r.low, mode: e, high: r.high } : null;
  const target = m.target;
  const band = simulate(
    `${scenario}\u0000${m.measure.id}`,
    { range, variation: m.variation },
    (draw, noise) => projectMeasure(m, inputs, range ? draw : e, noise).value,
    target ? (v) => judgeStatus(m.measure.direction, target, v, tolerance) === 'Met' : null,
  );
  if (band && m.variation) notes.push(NOTES.bandVariation(m.variation));
  return { projected, band, notes };
}
