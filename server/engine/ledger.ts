import type { AmountType } from '../../models';
import { assertSafe } from './money';

/** Where money lands: an objective, a goal (goal-level mapping), a cost pool, or Unmapped. */
export type TargetKind = 'objective' | 'goal' | 'pool' | 'unmapped';
export interface Target {
  kind: TargetKind;
  id: string;
  /** `O:1.1`, `G:G1`, `P:Mission Support`, `U`: unique across kinds. */
  key: string;
}

export const UNMAPPED: Target = { kind: 'unmapped', id: '', key: 'U' };
export const targetKey = (kind: TargetKind, id: string): string =>
  kind === 'unmapped' ? 'U' : `${kind === 'objective' ? 'O' : kind === 'goal' ? 'G' : 'P'}:${id}`;

type Slot = Map<string, number>;

/**
 * Sums in integer minor units by amount type, fiscal year and target. Every addition is guarded, so a total
 * is exact or the run fails loudly; it never drifts. Nested maps (not joined string keys) because this is on
 * the hot path: every split of every budget amount lands here.
 */
export class Ledger {
  private readonly sums = new Map<AmountType, Map<number, Slot>>();

  private slotFor(type: AmountType, year: number): Slot {
    let byYear = this.sums.get(type);
    if (!byYear) {
      byYear = new Map();
      this.sums.set(type, byYear);
    }
    let slot = byYear.get(year);
    if (!slot) {
      slot = new Map();
      byYear.set(year, slot);
    }
    return slot;
  }

  add(type: AmountType, year: number, key: string, amount: number): void {
    if (amount === 0) return;
    const slot = this.slotFor(type, year);
    slot.set(key, assertSafe((slot.get(key) ?? 0) + amount, 'A total'));
  }

  /** Adds parts to their targets in one slot lookup (the crosswalk's inner loop). */
  addParts(type: AmountType, year: number, keys: readonly string[], parts: readonly number[]): void {
    const slot = this.slotFor(type, year);
    for (let i = 0; i < parts.length; i++) {
      const amount = parts[i] as number;
      if (amount === 0) continue;
      const key = keys[i] as string;
      slot.set(key, assertSafe((slot.get(key) ?? 0) + amount, 'A total'));
    }
  }

  get(type: AmountType, year: number, key: string): number {
    return this.sums.get(type)?.get(year)?.get(key) ?? 0;
  }

  /** All target totals in one type and year. */
  slot(type: AmountType, year: number): ReadonlyMap<string, number> {
    return this.sums.get(type)?.get(year) ?? new Map();
  }

  total(type: AmountType, year: number): number {
    let t = 0;
    for (const v of this.slot(type, year).values()) t = assertSafe(t + v, 'A total');
    return t;
  }

  /** The (type, year) pairs that hold anything. */
  slots(): { type: AmountType; year: number }[] {
    const out: { type: AmountType; year: number }[] = [];
    for (const [type, byYear] of this.sums) for (const year of byYear.keys()) out.push({ type, year });
    return out;
  }
}
