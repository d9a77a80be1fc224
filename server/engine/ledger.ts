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

/**
 * Sums in integer minor units by amount type, fiscal year and target. Every addition is guarded, so a total
 * is exact or the run fails loudly; it never drifts.
 */
export class Ledger {
  private readonly sums = new Map<string, Map<string, number>>();

  private static slot(type: AmountType, year: number): string {
    return `${type}|${year}`;
  }

  add(type: AmountType, year: number, key: string, amount: number): void {
    if (amount === 0) return;
    const slot = Ledger.slot(type, year);
    let m = this.sums.get(slot);
    if (!m) {
      m = new Map();
      this.sums.set(slot, m);
    }
    m.set(key, assertSafe((m.get(key) ?? 0) + amount, 'A total'));
  }

  get(type: AmountType, year: number, key: string): number {
    return this.sums.get(Ledger.slot(type, year))?.get(key) ?? 0;
  }

  /** All target totals in one type and year. */
  slot(type: AmountType, year: number): ReadonlyMap<string, number> {
    return this.sums.get(Ledger.slot(type, year)) ?? new Map();
  }

  total(type: AmountType, year: number): number {
    let t = 0;
    for (const v of this.slot(type, year).values()) t = assertSafe(t + v, 'A total');
    return t;
  }

  /** The (type, year) pairs that hold anything. */
  slots(): { type: AmountType; year: number }[] {
    return [...this.sums.keys()].map((k) => {
      const [type, year] = k.split('|');
      return { type: type as AmountType, year: Number(year) };
    });
  }
}
