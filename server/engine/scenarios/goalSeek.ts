import type { Result } from '../../../models';
import { idKey } from '../../../models';
import type { Computation } from '../compute';
import { NOTES } from '../messages';
import { judgeStatus } from '../status';
import type { ModeledMeasure } from './measures';
import { fundingForTarget } from './responses';

export interface GoalSeekRow {
  modeled: ModeledMeasure;
  year: number;
  target: number;
  baseFunding: number;
  /** Minor units; null when the target cannot be reached under the model. */
  fundingNeeded: number | null;
  note: string;
}

/** Why a target is out of reach, before any funding is sought: a bound of the measure, or a shrinking total. */
type Unreachable = 'bounds' | 'shrinks' | null;

/**
 * The funding at which the measure's bounded model reaches its next target: the first target from the base year
 * on. A target the bounds put out of reach (a rate above 100%) or the model cannot reach is "not reachable".
 */
export function goalSeekFor(
  c: Computation,
  m: ModeledMeasure,
  baseYear: number,
  bf: number,
  tolerance: number,
): GoalSeekRow | null {
  const later = nextTarget(c, m, baseYear);
  if (!later || later.target === null || bf <= 0) return null;
  const target = later.target;
  // A cumulative measure's model is its increase: the target total less the prior year's total.
  const modeledTarget = target - m.carried;
  const unreachable = unreachableBy(m, target, modeledTarget);
  const scale = 10 ** c.model.moneyDecimals;
  const needed =
    unreachable === null
      ? fundingForTarget(
          m.response,
          m.project,
          { baseFunding: bf / scale, baseValue: m.modeledBase },
          modeledTarget,
        )
      : null;
  const fundingNeeded = needed === null ? null : Math.round(needed * scale);
  const metAtBase = judgeStatus(m.measure.direction, later, m.baseValue, tolerance) === 'Met';
  const note = goalSeekNote(m, later.year, target, fundingNeeded !== null, metAtBase, unreachable);
  return { modeled: m, year: later.year, target, baseFunding: bf, fundingNeeded, note };
}

/** The measure's first Results row with a target, from the base year on. */
function nextTarget(c: Computation, m: ModeledMeasure, baseYear: number): Result | undefined {
  return c.model.results
    .filter((r) => idKey(r.measureId) === idKey(m.measure.id) && r.year >= baseYear && r.target !== null)
    .sort((a, b) => a.year - b.year)[0];
}

function unreachableBy(m: ModeledMeasure, target: number, modeledTarget: number): Unreachable {
  const b = m.bounds;
  const cumulative = m.measure.kind === 'Cumulative';
  if (b !== null && !cumulative && (target < b.lo || target > b.hi)) return 'bounds';
  return cumulative && modeledTarget < 0 ? 'shrinks' : null;
}

/** The GoalSeek row's note: the funding found, or why there is none. */
function goalSeekNote(
  m: ModeledMeasure,
  year: number,
  target: number,
  found: boolean,
  metAtBase: boolean,
  unreachable: Unreachable,
): string {
  const { objectiveId } = m.measure;
  const model = m.response.model;
  if (found)
    return metAtBase
      ? NOTES.alreadyMet(objectiveId, year, model)
      : NOTES.fundingReaches(objectiveId, year, model);
  if (unreachable === 'bounds' && m.bounds)
    return NOTES.outOfBounds(target > m.bounds.hi ? m.bounds.words.hi : m.bounds.words.lo);
  if (unreachable === 'shrinks') return NOTES.cumulativeShrinks();
  return model === 'Fixed' ? NOTES.fixedModel() : NOTES.unreachable();
}
