import type { CellValue } from '../../../models';
import type { Msg } from '../messages';
import { decimalFromNumber } from '../money';
import { placesOf } from '../read/budgetBuilder';
import { parseAmount } from '../read/cells';
import { cellProblem } from '../read/values';
import { type Exact, exactOf, negate, ZERO } from './exact';
import { DATA_ACT_MESSAGES } from './messages';

/**
 * One amount cell of File A or File B, exactly. A blank is $0, as the broker's sums treat a missing value; a
 * value that is not an amount is reported and also counts as $0, so one bad cell never stops the tie-out.
 * Broker CSVs hold plain decimal text (`-1234.56`), and numbers (Excel's, or a CSV's typed as Excel would) have
 * a few decimal places: both are read here without the general parser, a number as the Budget reader reads one
 * (`placesOf`: the fewest places at which it is a whole count, no text made); anything else (`(1,234.00)`,
 * `$1,234`, a number with more than 8 places) goes through the reader's amount parser.
 */
export type AmountRead = { ok: true; value: Exact } | { ok: false; msg: Msg };

const PLAIN = /^-?\d+(?:\.\d+)?$/;

export function readAmountCell(v: CellValue, flipped: boolean, element: string): AmountRead {
  let value: Exact;
  if (v === null) return { ok: true, value: ZERO };
  const plain =
    typeof v === 'number' ? numberExact(v) : typeof v === 'string' && PLAIN.test(v) ? plainExact(v) : null;
  if (plain) value = plain;
  else {
    const p = typeof v === 'number' ? numberAmount(v) : parseAmount(v);
    if (p.kind === 'blank') return { ok: true, value: ZERO };
    if (p.kind === 'bad')
      return { ok: false, msg: cellProblem(p, (text) => DATA_ACT_MESSAGES.amountInvalid(element, text)) };
    value = exactOf(p.value);
  }
  return { ok: true, value: flipped ? negate(value) : value };
}

/** A number with at most 8 decimal places as an exact amount, without making text; null for any other. */
function numberExact(v: number): Exact | null {
  const places = placesOf(v);
  return places < 0 ? null : { units: BigInt(Math.round(v * 10 ** places)), scale: places };
}

/** Plain decimal text (`-1234.56`) as an exact amount: its digits without the point, over 10^decimals. */
function plainExact(text: string): Exact {
  const point = text.indexOf('.');
  return point < 0
    ? { units: BigInt(text), scale: 0 }
    : { units: BigInt(text.slice(0, point) + text.slice(point + 1)), scale: text.length - point - 1 };
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
