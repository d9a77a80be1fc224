import type { AmountType } from '../../models';
import { assertSafe } from './money';
import { withFields } from '../objects';

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
 * A sum is kept as `addExact` keeps it: itself while a safe integer (at most this in magnitude, and whole), else
 * NaN. The test is written out where a sum is made, and NaN stored by a branch: a call (to `addExact`, which
 * under tsx is also a getter per use, or to `Number.isSafeInteger`) or a conditional expression choosing NaN made
 * V8 box the sum, a heap number for every part of every amount (40 MB of garbage at a million lines).
 */
const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/**
 * Sums by amount type, series and target number in one flat typed array, for the crosswalk's inner loop (a Map
 * lookup per part of every amount was most of its time, and a sparse array of per-slot arrays was the rest).
 * Each slot also keeps the total of the whole amounts added to it (`addTotal`: the Budget's totals), in the
 * column after its targets', so an amount finds both with one slot. `toLedger` hands the target totals over in
 * the order they were first touched, so the Ledger reads as if built part by part. A total past the exact range
 * becomes NaN (`addExact`): `overflows` names it, and the ledgers leave its whole slot out, so no figure made
 * from it can be wrong.
 */
export class LedgerSums {
  private readonly sums: Float64Array;
  private readonly touched: Uint8Array;
  /** Flat positions of the target totals, in the order first added to. */
  private readonly firstTouched: number[] = [];
  private readonly slotSeen: Uint8Array;
  private readonly slotOrder: number[] = [];
  /** The targets' columns and then the whole amounts' total: a slot's width in `sums`. */
  private readonly width: number;

  /**
   * `keys[t]` is the Ledger key of target number t; then the numbers of series and of amount types. `checked`
   * false says the caller knows no sum can pass the exact range (the magnitudes of everything it will add sum
   * within it), so each addition skips the test: at a million lines the tests were a tenth of the crosswalk.
   */
  constructor(
    private readonly keys: readonly string[],
    private readonly seriesCount: number,
    typeCount: number,
    private readonly checked = true,
  ) {
    const slots = seriesCount * typeCount;
    this.width = keys.length + 1;
    this.sums = new Float64Array(slots * this.width);
    this.touched = new Uint8Array(slots * this.width);
    this.slotSeen = new Uint8Array(slots);
  }

  /**
   * The slot of one amount type (by position in `AmountType.options`) and series, noted as used: the position
   * of its first total in the flat sums, which `add` and `addTotal` take.
   */
  slot(type: number, series: number): number {
    const at = type * this.seriesCount + series;
    if (this.slotSeen[at] === 0) {
      this.slotSeen[at] = 1;
      this.slotOrder.push(at);
    }
    return at * this.width;
  }

  /**
   * Adds `values[i]` to target number `target` in a slot got from `slot`. The amount is passed as an array and a
   * position, never as a number: a fractional or large number passed to a call the compiler did not inline is
   * boxed, and per amount of a million-line Budget that was most of the crosswalk's garbage.
   */
  add(slot: number, target: number, values: Float64Array, i: number): void {
    const amount = values[i] as number;
    if (amount === 0) return;
    const at = slot + target;
    if (this.touched[at] === 0) {
      this.touched[at] = 1;
      this.firstTouched.push(at);
    }
    const next = (this.sums[at] as number) + amount;
    this.sums[at] = next;
    if (this.checked && !(next <= MAX_EXACT && next >= -MAX_EXACT && Math.floor(next) === next))
      this.sums[at] = NaN;
  }

  /** Adds `values[i]`, a whole amount, to its slot's total (see `totalsLedger`; and `add` for why an array). */
  addTotal(slot: number, values: Float64Array, i: number): void {
    const at = slot + this.keys.length;
    const next = (this.sums[at] as number) + (values[i] as number);
    this.sums[at] = next;
    if (this.checked && !(next <= MAX_EXACT && next >= -MAX_EXACT && Math.floor(next) === next))
      this.sums[at] = NaN;
  }

  /** The target totals that passed the exact range, each named by type, series and key. */
  overflows(types: readonly AmountType[]): LedgerOverflow[] {
    const out: LedgerOverflow[] = [];
    const bySlot = this.touchedBySlot();
    for (const at of this.slotOrder)
      for (const t of bySlot.get(at) ?? [])
        if (Number.isNaN(this.sums[at * this.width + t]))
          out.push(withFields(this.typeAndSeries(types, at), { key: this.keys[t] as string }));
    return out;
  }

  /** The slots whose total of whole amounts passed the exact range, each named by type, series and `key`. */
  totalOverflows(types: readonly AmountType[], key: string): LedgerOverflow[] {
    return this.slotOrder
      .filter((at) => Number.isNaN(this.total(at)))
      .map((at) => withFields(this.typeAndSeries(types, at), { key }));
  }

  /** The target totals as a Ledger. */
  toLedger(types: readonly AmountType[]): Ledger {
    const ledger = new Ledger();
    const bySlot = this.touchedBySlot();
    for (const at of this.slotOrder) {
      const { type, series } = this.typeAndSeries(types, at);
      const sums = this.sums.subarray(at * this.width, at * this.width + this.keys.length);
      if (sums.some(Number.isNaN)) continue;
      ledger.touch(type, series);
      for (const t of bySlot.get(at) ?? [])
        ledger.add(type, series, this.keys[t] as string, sums[t] as number);
    }
    return ledger;
  }

  /** The slots' totals of whole amounts as a Ledger, each under `key`. */
  totalsLedger(types: readonly AmountType[], key: string): Ledger {
    const ledger = new Ledger();
    for (const at of this.slotOrder) {
      const total = this.total(at);
      if (Number.isNaN(total)) continue;
      const { type, series } = this.typeAndSeries(types, at);
      ledger.touch(type, series);
      ledger.add(type, series, key, total);
    }
    return ledger;
  }

  private total(at: number): number {
    return this.sums[at * this.width + this.keys.length] as number;
  }

  /** The target numbers each slot added to, by slot, in the order first added to. */
  private touchedBySlot(): Map<number, number[]> {
    const bySlot = new Map<number, number[]>();
    for (const at of this.firstTouched) {
      const slot = Math.floor(at / this.width);
      let list = bySlot.get(slot);
      if (!list) {
        list = [];
        bySlot.set(slot, list);
      }
      list.push(at - slot * this.width);
    }
    return bySlot;
  }

  private typeAndSeries(types: readonly AmountType[], at: number): { type: AmountType; series: number } {
    return { type: types[Math.floor(at / this.seriesCount)] as AmountType, series: at % this.seriesCount };
  }
}
