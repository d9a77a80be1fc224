import type { CellValue } from '../../../models';
import { SHARE_SCALE } from '../../../models';
import type { Msg } from '../messages';
import { toMinor } from '../money';
import { cellText, parseShare } from './cells';
import { cellProblem } from './values';
import { withFields } from '../../objects';

export type Fraction = { kind: 'blank' } | { kind: 'ok'; ppb: number } | { kind: 'bad'; msg: Msg };

/**
 * A fraction of a whole from 0 to 100%, exact, in parts per billion: `0.4`, `40%`, or an Excel percent cell
 * (which holds 0.4). A bare number above 1 (`40`) is not read as a percent: for a single value nothing says
 * which was meant, so it is reported (`notValid`) rather than guessed.
 */
export function readFraction(v: CellValue, notValid: (text: string) => Msg): Fraction {
  const parsed = parseShare(v);
  if (parsed.kind === 'blank') return parsed;
  if (parsed.kind === 'bad') return { kind: 'bad', msg: cellProblem(parsed, notValid) };
  const { value, percent } = parsed.value;
  const bad = { kind: 'bad', msg: notValid(cellText(v)) } as const;
  if (value.negative) return bad;
  // A percent moves the decimal point two places further; past the exact range it is no fraction either.
  const ppb = toMinor(withFields(value, { scale: value.scale + (percent ? 2 : 0) }), 9)?.value;
  return ppb === undefined || ppb > SHARE_SCALE ? bad : { kind: 'ok', ppb };
}
