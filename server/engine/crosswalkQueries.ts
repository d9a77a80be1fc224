import type { AmountType } from '../../models';
import type { CrosswalkResult } from './crosswalk';

/**
 * Questions asked of a finished crosswalk (the allocation's result, as data). They live apart from the
 * allocation in crosswalk.ts so that the validation rules, which run on that result, never import the
 * compute stage itself: the engine's stages import one way (read → rules → compute → scenarios → tables).
 */

/**
 * True when a spending line (or some amount of a recast one) matched no usable Crosswalk set. A line split by
 * one set is answered without the recast map (a recast line's own `lineSet` is -1): the rules ask this of every
 * line, and a Map lookup for each of a million lines was most of that rule's time.
 */
export function isUnmapped(c: CrosswalkResult, line: number): boolean {
  if (c.lineTo[line] !== 0 || c.lineSet[line] !== -1) return false;
  const recast = c.recast.size === 0 ? undefined : c.recast.get(line);
  return recast ? recast.includes(-1) : true;
}

/** True when the amounts of this type and series were left out because a total of theirs passed the exact range. */
export function isLeftOut(c: CrosswalkResult, type: AmountType, series: number): boolean {
  return c.overflows.some((o) => o.type === type && o.series === series);
}
