import type { Measure, WorkbookModel } from '../../models';
import { idKey, SHARE_SCALE } from '../../models';
import { splitLargestRemainder } from './money';

/** One objective's Cost Shares: which of its measures have one, which do not, and whether they can be used. */
export interface ObjectiveShares {
  objectiveId: string;
  /** Measures with a Cost Share, in the Measures table's order. */
  shared: Measure[];
  /** Measures of the objective without one. */
  without: Measure[];
  /** Sum of the shares, in parts of SHARE_SCALE. */
  total: number;
  /** Above 100%: the shares would count cost twice, so none of them is used. */
  over: boolean;
}

/** Cost Shares by objective (keyed by `idKey` of the Objective ID), for objectives with at least one share. */
export function costSharesByObjective(model: WorkbookModel): Map<string, ObjectiveShares> {
  const byObjective = new Map<string, ObjectiveShares>();
  for (const m of model.measures) {
    const key = idKey(m.objectiveId);
    let s = byObjective.get(key);
    if (!s) {
      s = { objectiveId: m.objectiveId, shared: [], without: [], total: 0, over: false };
      byObjective.set(key, s);
    }
    if (m.costShare) {
      s.shared.push(m);
      s.total += m.costShare.ppb;
    } else s.without.push(m);
  }
  for (const [key, s] of byObjective) {
    if (s.shared.length === 0) byObjective.delete(key);
    else s.over = s.total > SHARE_SCALE;
  }
  return byObjective;
}

/**
 * Each shared measure's part of an amount of its objective (direct or support cost, in minor units): share ×
 * amount, split exactly by largest remainder with the unshared rest as one more part, so the parts and the rest
 * add back to the amount to the minor unit. Keyed by `idKey` of the Measure ID.
 */
export function splitByCostShares(amount: number, shares: ObjectiveShares): Map<string, number> {
  const weights = [...shares.shared.map((m) => m.costShare?.ppb ?? 0), SHARE_SCALE - shares.total];
  const parts = splitLargestRemainder(amount, weights);
  return new Map(shares.shared.map((m, i) => [idKey(m.id), parts[i] as number]));
}
