import type { AmountType } from '../../models';
import { assertSafe } from './money';

/**
 * Where money lands: an objective, a goal (goal-level mapping), a cost pool, or Unmapped; receipts and
 * intra-agency amounts land on their own rows and are never allocated.
 */
export type TargetKind = 'objective' | 'goal' | 'pool' | 'unmapped' | 'receipts' | 'eliminated';
export interface Target {
  kind: TargetKind;
  id: string;
  /** `O:1.1`, `G:G1`, `P:Mission Support`, `U`: unique across kinds. */
  key: string;
}

export const UNMAPPED: Target = { kind: 'unmapped', id: '', key: 'U' };
export const RECEIPTS: Target = { kind: 'receipts', id: '', key: 'R' };
export const ELIMINATED: Target = { kind: 'eliminated', id: '', key: 'E' };
const PREFIX = { objective: 'O:', goal: 'G:', pool: 'P:' } as const;
export const targetKey = (kind: TargetKind, id: string): string =>
  kind === 'unmapped'
    ? 'U'
    : kind === 'receipts'
      ? 'R'
      : kind === 'eliminated'
        ? 'E'
        : `${PREFIX[kind]}${id}`;

/** What a Ledger key names, in words: `O:1.1` is Objective 1.1, `U` Unmapped. */
export function targetName(key: string): string {
  if (key.startsWith('O:')) return `Objective ${key.slice(2)}`;
  if (key.startsWith('G:')) return `Goal ${key.slice(2)}`;
  if (key.startsWith('P:')) return `Cost pool ${key.slice(2)}`;
  if (key === 'U') return 'Unmapped';
  if (key === 'R') return 'Offsetting receipts, not allocated';
  if (key === 'E') return 'Intra-agency, eliminated';
  return key;
}

/** A total that passed the exact range: its amount type, series and Ledger key. */
export interface LedgerOverflow {
  type: AmountType;
  series: number;
  key: string;
}

type Slot = Map<string, number>;

/**
 * Sums in integer minor units by amount type, series (an index into `WorkbookModel.series`) and target. Every addition is guarded, so a total
 * is exact or the run fails loudly; it never drifts. Nested maps (not joined string keys) because this is on
 * the hot path: every split of every budget amount lands here.
 */
export class Ledger {
  private readonly sums = new Map<AmountType, Map<number, Slot>>();

  private slotFor(type: AmountType, series: number): Slot {
    let bySeries = this.sums.get(type);
    if (!bySeries) {
      bySeries = new Map();
      this.sums.set(type, bySeries);
    }
    let slot = bySeries.get(series);
    if (!slot) {
      slot = new Map();
      bySeries.set(series, slot);
    }
    return slot;
  }

  /** Makes the (type, series) slot exist, as adding parts to it does even when every part is zero. */
  touch(type: AmountType, series: number): void {
    this.slotFor(type, series);
  }

  add(type: AmountType, series: number, key: string, amount: number): void {
    if (amount === 0) return;
    const slot = this.slotFor(type, series);
    slot.set(key, assertSafe((slot.get(key) ?? 0) + amount, 'A total'));
  }

  /** Adds parts to their targets in one slot lookup (the crosswalk's inner loop). */
  addParts(type: AmountType, series: number, keys: readonly string[], parts: readonly number[]): void {
    const slot = this.slotFor(type, series);
    for (let i = 0; i < parts.length; i++) {
      const amount = parts[i] as number;
      if (amount === 0) continue;
      const key = keys[i] as string;
      slot.set(key, assertSafe((slot.get(key) ?? 0) + amount, 'A total'));
    }
  }

  get(type: AmountType, series: number, key: string): number {
    return this.sums.get(type)?.get(series)?.get(key) ?? 0;
  }

  /** All target totals in one type and series. */
  slot(type: AmountType, series: number): ReadonlyMap<string, number> {
    return this.sums.get(type)?.get(series) ?? new Map();
  }

  total(type: AmountType, series: number): number {
    let t = 0;
    for (const v of this.slot(type, series).values()) t = assertSafe(t + v, 'A total');
    return t;
  }

  /** The (type, series) pairs that hold anything. */
  slots(): { type: AmountType; series: number }[] {
    const out: { type: AmountType; series: number }[] = [];
    for (const [type, bySeries] of this.sums)
      for (const series of bySeries.keys()) out.push({ type, series });
    return out;
  }
}

/**
 * Sums by amount type, series and target number in one flat typed array, for the crosswalk's inner loop (a Map
 * lookup per part of every amount was most of its time, and a sparse array of per-slot arrays was the rest).
 * `toLedger` hands the totals over in the order they were first touched, so the Ledger reads as if built part by
 * part. A total past the exact range becomes NaN (`addExact`): `overflows` names it, and `toLedger` leaves its
 * whole slot out, so no figure made from it can be wrong.
 */
export class LedgerSums {
  private readonly sums: Float64Array;
  private readonly touched: Uint8Array;
  /** Flat positions of the totals, in the order first added to. */
  private readonly firstTouched: number[] = [];
  private readonly slotSeen: Uint8Array;
  private readonly slotOrder: number[] = [];

  /** `keys[t]` is the Ledger key of target number t; then the numbers of series and of amount types. */
  constructor(
    private readonly keys: readonly string[],
    private readonly seriesCount: number,
    typeCount: number,
  ) {
    const slots = seriesCount * typeCount;
    this.sums = new Float64Array(slots * keys.length);
    this.touched = new Uint8Array(slots * keys.length);
    this.slotSeen = new Uint8Array(slots);
  }

  /**
   * The slot of one amount type (by position in `AmountType.options`) and series, noted as used: the position
   * of its first total in the flat sums, which `add` takes.
   */
  slot(type: number, series: number): number {
    const at = type * this.seriesCount + series;
    if (this.slotSeen[at] === 0) {
      this.slotSeen[at] = 1;
      this.slotOrder.push(at);
    }
    return at * this.keys.length;
  }

  /** Adds to target number `target` in a slot got from `slot`. */
  add(slot: number, target: number, amount: number): void {
    if (amount === 0) return;
    const at = slot + target;
    if (this.touched[at] === 0) {
      this.touched[at] = 1;
      this.firstTouched.push(at);
    }
    // `addExact`, written out: this runs for every part of every amount, and a call into another module costs
    // a getter per use where ES modules load as CommonJS (tsx).
    const next = (this.sums[at] as number) + amount;
    this.sums[at] = Number.isSafeInteger(next) ? next : NaN;
  }

  /**
   * Adds split parts in one slot: `parts[i]` to target number `targets[from + i]`, for i below n (an amount split
   * by a rule set, whose targets sit in a range of one array).
   */
  addParts(slot: number, targets: Int32Array, from: number, n: number, parts: Float64Array): void {
    for (let i = 0; i < n; i++) this.add(slot, targets[from + i] as number, parts[i] as number);
  }

  /** The totals that passed the exact range, each named by type, series and key. */
  overflows(types: readonly AmountType[]): LedgerOverflow[] {
    const out: LedgerOverflow[] = [];
    const bySlot = this.touchedBySlot();
    for (const at of this.slotOrder)
      for (const t of bySlot.get(at) ?? [])
        if (Number.isNaN(this.sums[at * this.keys.length + t]))
          out.push({ ...this.typeAndSeries(types, at), key: this.keys[t] as string });
    return out;
  }

  toLedger(types: readonly AmountType[]): Ledger {
    const ledger = new Ledger();
    const bySlot = this.touchedBySlot();
    const width = this.keys.length;
    for (const at of this.slotOrder) {
      const { type, series } = this.typeAndSeries(types, at);
      const sums = this.sums.subarray(at * width, (at + 1) * width);
      if (sums.some(Number.isNaN)) continue;
      ledger.touch(type, series);
      for (const t of bySlot.get(at) ?? [])
        ledger.add(type, series, this.keys[t] as string, sums[t] as number);
    }
    return ledger;
  }

  /** The target numbers each slot added to, by slot, in the order first added to. */
  private touchedBySlot(): Map<number, number[]> {
    const width = this.keys.length;
    const bySlot = new Map<number, number[]>();
    for (const at of this.firstTouched) {
      const slot = Math.floor(at / width);
      let list = bySlot.get(slot);
      if (!list) {
        list = [];
        bySlot.set(slot, list);
      }
      list.push(at - slot * width);
    }
    return bySlot;
  }

  private typeAndSeries(types: readonly AmountType[], at: number): { type: AmountType; series: number } {
    return { type: types[Math.floor(at / this.seriesCount)] as AmountType, series: at % this.seriesCount };
  }
}
