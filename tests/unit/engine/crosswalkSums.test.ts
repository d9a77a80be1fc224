import { LedgerSums } from '../../../server/engine/ledger';
import { AMOUNT_TYPES } from '../../../server/engine/budget';

/**
 * LedgerSums: the crosswalk's sums in one flat array, each slot's targets and its total of whole amounts side by
 * side. The Ledgers it hands over must read as if built part by part: keys in the order first added to, a slot
 * used only with zeros still there, and a total past the exact range leaving its whole slot out.
 */

const KEYS = ['U', 'O:1.1', 'O:1.2'];
const BA = AMOUNT_TYPES.indexOf('Budget Authority');
const OUTLAYS = AMOUNT_TYPES.indexOf('Outlays');
const one = (n: number) => Float64Array.of(n);

describe('LedgerSums', () => {
  test('Given parts added out of target order, when handed over, then each slot lists its targets in the order first added to', () => {
    const sums = new LedgerSums(KEYS, 3, AMOUNT_TYPES.length);
    const slot = sums.slot(BA, 2);
    sums.add(slot, 2, one(5), 0);
    sums.add(slot, 0, one(0), 0);
    sums.add(slot, 1, one(7), 0);
    sums.add(slot, 0, one(-3), 0);
    sums.add(slot, 2, one(1), 0);
    const ledger = sums.toLedger(AMOUNT_TYPES);
    expect([...ledger.slot('Budget Authority', 2)]).toEqual([
      ['O:1.2', 6],
      ['O:1.1', 7],
      ['U', -3],
    ]);
  });

  test('Given whole amounts added to slot totals, when handed over, then the totals ledger has one key per slot, in the order the slots were first used', () => {
    const sums = new LedgerSums(KEYS, 3, AMOUNT_TYPES.length);
    const outlays = sums.slot(OUTLAYS, 0);
    const ba = sums.slot(BA, 1);
    const values = Float64Array.of(250, -50, 100);
    sums.addTotal(outlays, values, 0);
    sums.addTotal(ba, values, 1);
    sums.addTotal(outlays, values, 2);
    const totals = sums.totalsLedger(AMOUNT_TYPES, 'total');
    expect(totals.slots()).toEqual([
      { type: 'Outlays', series: 0 },
      { type: 'Budget Authority', series: 1 },
    ]);
    expect(totals.get('Outlays', 0, 'total')).toBe(350);
    expect(totals.get('Budget Authority', 1, 'total')).toBe(-50);
    // The totals are their own column: no target was added to.
    expect([...sums.toLedger(AMOUNT_TYPES).slot('Outlays', 0)]).toEqual([]);
  });

  test('Given a slot used only with zeros, when handed over, then it is there in both ledgers with no keys', () => {
    const sums = new LedgerSums(KEYS, 1, AMOUNT_TYPES.length);
    const slot = sums.slot(BA, 0);
    sums.add(slot, 1, one(0), 0);
    sums.addTotal(slot, one(0), 0);
    expect(sums.toLedger(AMOUNT_TYPES).slots()).toEqual([{ type: 'Budget Authority', series: 0 }]);
    expect([...sums.toLedger(AMOUNT_TYPES).slot('Budget Authority', 0)]).toEqual([]);
    expect(sums.totalsLedger(AMOUNT_TYPES, 'total').slots()).toEqual([
      { type: 'Budget Authority', series: 0 },
    ]);
    expect(sums.totalsLedger(AMOUNT_TYPES, 'total').get('Budget Authority', 0, 'total')).toBe(0);
  });

  test('Given a target total passing the exact range and coming back, when handed over, then it is named once and its whole slot is left out', () => {
    const sums = new LedgerSums(KEYS, 2, AMOUNT_TYPES.length);
    const kept = sums.slot(BA, 0);
    const over = sums.slot(BA, 1);
    const big = Float64Array.of(Number.MAX_SAFE_INTEGER, 1, -Number.MAX_SAFE_INTEGER, 9);
    sums.add(kept, 1, big, 3);
    sums.add(over, 1, big, 3);
    sums.add(over, 2, big, 0);
    sums.add(over, 2, big, 1);
    sums.add(over, 2, big, 2);
    expect(sums.overflows(AMOUNT_TYPES)).toEqual([{ type: 'Budget Authority', series: 1, key: 'O:1.2' }]);
    const ledger = sums.toLedger(AMOUNT_TYPES);
    expect(ledger.slots()).toEqual([{ type: 'Budget Authority', series: 0 }]);
    expect(ledger.get('Budget Authority', 0, 'O:1.1')).toBe(9);
    expect(sums.totalOverflows(AMOUNT_TYPES, 'total')).toEqual([]);
  });

  test('Given a slot total passing the exact range, when handed over, then it is named under the key given and left out of the totals', () => {
    const sums = new LedgerSums(KEYS, 1, AMOUNT_TYPES.length);
    const slot = sums.slot(OUTLAYS, 0);
    const values = Float64Array.of(Number.MAX_SAFE_INTEGER - 1, 2, -10);
    for (let i = 0; i < values.length; i++) sums.addTotal(slot, values, i);
    expect(sums.totalOverflows(AMOUNT_TYPES, 'total')).toEqual([
      { type: 'Outlays', series: 0, key: 'total' },
    ]);
    expect(sums.totalsLedger(AMOUNT_TYPES, 'total').slots()).toEqual([]);
    expect(sums.overflows(AMOUNT_TYPES)).toEqual([]);
  });

  test('Given additions whose magnitudes sum within the exact range, when added unchecked, then the ledgers are those of checked sums', () => {
    const seed = 20261203;
    console.log(`LedgerSums unchecked seed ${seed}`);
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
    // The generator's high bits, scaled: its low bits repeat with a short period.
    const pick = (n: number) => Math.floor((next() / 2147483648) * n);
    const checked = new LedgerSums(KEYS, 3, AMOUNT_TYPES.length);
    const unchecked = new LedgerSums(KEYS, 3, AMOUNT_TYPES.length, false);
    const values = new Float64Array(1);
    for (let i = 0; i < 500; i++) {
      const [type, series, target] = [pick(AMOUNT_TYPES.length), pick(3), pick(KEYS.length)];
      values[0] = pick(2_000_001) - 1_000_000;
      for (const sums of [checked, unchecked]) {
        const slot = sums.slot(type, series);
        sums.add(slot, target, values, 0);
        sums.addTotal(slot, values, 0);
      }
    }
    expect(unchecked.toLedger(AMOUNT_TYPES)).toEqual(checked.toLedger(AMOUNT_TYPES));
    expect(unchecked.totalsLedger(AMOUNT_TYPES, 'total')).toEqual(
      checked.totalsLedger(AMOUNT_TYPES, 'total'),
    );
    expect(checked.toLedger(AMOUNT_TYPES).slots().length).toBeGreaterThan(10);
  });
});
