import type { CellValue } from '../../../models';
import type { Msg } from '../messages';
import { decimalFromNumber } from '../money';
import { parseAmount } from '../read/cells';
import { cellProblem } from '../read/values';
import { type Exact, exactOf, negate, ZERO } from './exact';
import { DATA_ACT_MESSAGES } from './messages';

/**
 * One amount cell of File A or File B, exactly. A blank is $0, as the broker's sums treat a missing value; a
 * value that is not an amount is reported and also counts as $0, so one bad cell never stops the tie-out.
 * Broker CSVs hold plain decimal text (`-1234.56`), read here without the general parser; anything else (a
 * number from Excel, `(1,234.00)`, `$1,234`) goes through the reader's amount parser.
 */
export type AmountRead = { ok: true; value: Exact } | { ok: false; msg: Msg };

const PLAIN = /^-?\d+(?:\.\d+)?$/;

export function readAmountCell(v: CellValue, flipped: boolean, element: string): AmountRead {
  let value: Exact;
  if (v === null) return { ok: true, value: ZERO };
  if (typeof v === 'number' && Number.isSafeInteger(v)) value = { units: BigInt(v), scale: 0 };
  else if (typeof v === 'string' && PLAIN.test(v)) {
    const point = v.indexOf('.');
    value =
      point < 0
        ? { units: BigInt(v), scale: 0 }
        : { units: BigInt(v.slice(0, point) + v.slice(point + 1)), scale: v.length - point - 1 };
  } else {
    const p = typeof v === 'number' ? numberAmount(v) : parseAmount(v);
    if (p.kind === 'blank') return { ok: true, value: ZERO };
    if (p.kind === 'bad')
      return { ok: false, msg: cellProblem(p, (text) => DATA_ACT_MESSAGES.amountInvalid(element, text)) };
    value = exactOf(p.value);
  }
  return { ok: true, value: flipped ? negate(value) : value };
}

function numberAmount(n: number): ReturnType<typeof parseAmount> {
  const d = decimalFromNumber(n);
  return d ? { kind: 'ok', value: d } : { kind: 'bad', problem: 'not-a-number', text: String(n) };
}

/**
 * Whether a cell holds an amount other than $0, when that is plain to see (a blank, a number, plain decimal
 * text); undefined when the cell needs the full reading, which also reports a bad value.
 */
export function quickNonZero(v: CellValue): boolean | undefined {
  if (v === null) return false;
  if (typeof v === 'number') return Number.isFinite(v) ? v !== 0 : undefined;
  if (typeof v === 'string' && PLAIN.test(v)) return /[1-9]/.test(v);
  return undefined;
}
