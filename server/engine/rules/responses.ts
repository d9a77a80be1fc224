import { checkExpression } from '../expression';
import { issueAt, MESSAGES } from '../messages';
import type { Rule } from './registry';

/**
 * A response formula must be safe arithmetic of the funding change. Checked for every Expression row, not only
 * those a scenario runs, so an unsafe formula is reported before anyone relies on it.
 */
export const responseExpressionsSafe: Rule = {
  name: 'response formulas are safe',
  check: ({ model }) =>
    model.responses.flatMap((r) => {
      if (r.model !== 'Expression') return [];
      const check = checkExpression(r.expression);
      return check.ok ? [] : [issueAt(MESSAGES.responseExpressionUnsafe(check.reason), r.expressionLoc)];
    }),
};
