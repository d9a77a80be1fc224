import type { Measure } from '../../models';
import { NOTES } from './messages';
import { isRateUnit } from './read/measureKind';

/**
 * Cost per unit of one measure in one year, only where it means something (the contract's Kind rules):
 * Count → cost / actual; Cumulative → cost / the year's increase; Currency → a value-per-dollar ratio, only for
 * a return (Type Outcome or Efficiency: benefits, savings, collections), never for a volume of business (Type
 * Output, e.g. dollars of acquisitions handled); Rate and Index → none. An objective funded only by support
 * costs gets none: its cost is an allocation of overhead, not what produced the output.
 */

export interface UnitCostInput {
  measure: Pick<Measure, 'kind' | 'type' | 'unit' | 'currencyScale' | 'objectiveId'>;
  year: number;
  actual: number | null;
  /** The measure's actual for the fiscal year before, for a Cumulative measure's increase. */
  priorActual: number | null;
  /** The measure's cost in dollars (its share of the objective, or the whole objective's), or null. */
  costDollars: number | null;
  /** The objective has support costs and no direct cost this year. */
  supportOnly: boolean;
}

export interface UnitCost {
  output: number | null;
  /** Dollars per unit of output. */
  costPerUnit: number | null;
  /** Dollars of return per dollar of cost (Currency returns only). */
  returnRatio: number | null;
  notes: string[];
}

export function unitCost(i: UnitCostInput): UnitCost {
  const { measure, actual } = i;
  const notes: string[] = [];
  const cost = i.costDollars;
  if (i.supportOnly) notes.push(NOTES.supportOnly(measure.objectiveId, i.year));
  // The cost a per-unit figure may divide: positive, and not support costs alone.
  const usable = !i.supportOnly && cost !== null && cost > 0 ? cost : null;
  let output: number | null = null;
  let costPerUnit: number | null = null;
  let returnRatio: number | null = null;
  switch (measure.kind) {
    case 'Count':
      output = actual;
      if (actual !== null && actual <= 0) notes.push(NOTES.noOutput());
      if (usable !== null && output !== null && output > 0) costPerUnit = usable / output;
      break;
    case 'Cumulative': {
      if (actual !== null && i.priorActual !== null) output = actual - i.priorActual;
      if (actual !== null && i.priorActual === null) notes.push(NOTES.noPriorActual(i.year - 1));
      if (isRateUnit(measure.unit)) {
        notes.push(NOTES.cumulativeRate());
        break;
      }
      if (output !== null && output <= 0) notes.push(NOTES.noIncrease());
      if (usable !== null && output !== null && output > 0) costPerUnit = usable / output;
      break;
    }
    case 'Currency':
      output = actual !== null ? actual * measure.currencyScale : null;
      if (measure.type === 'Output') notes.push(NOTES.currencyVolume());
      else if (measure.type === 'Customer Service') notes.push(NOTES.currencyNotAReturn());
      else if (usable !== null && output !== null) returnRatio = output / usable;
      break;
    case 'Rate':
    case 'Index':
      notes.push(NOTES.rate());
      break;
    case null:
      notes.push(NOTES.kindUnknown());
      break;
  }
  return { output, costPerUnit, returnRatio, notes };
}
