import { checkExpression, MAX_EXPRESSION_LENGTH } from '../expression';
import { issueAt, MESSAGES } from '../messages';
import type { Rule } from './registry';

/**
 * A response formula must be safe arithmetic of the funding change. Checked for every Expression row read, not
 * only those a scenario runs, so an unsafe formula is reported before anyone relies on it. One past the length
 * limit is left to `expressionShort`, which says so once.
 */
export const responseExpressionsSafe: Rule = {
  name: 'response formulas are safe',
  check: ({ read }) =>
    read.responses.flatMap((r) => {
      if (r.model !== 'Expression' || r.expression.length > MAX_EXPRESSION_LENGTH) return [];
      const check = checkExpression(r.expression);
      return check.ok ? [] : [issueAt(MESSAGES.responseExpressionUnsafe(check.reason), r.expressionLoc)];
    }),
};
