import type { IssueCode } from '../../../server/engine/messages';
import { hasCode, MESSAGES } from '../../../server/engine/messages';

/**
 * Issue codes come from the message catalogue as a type, so logic keyed on a code cannot drift from it. The
 * `@ts-expect-error` lines are checked by `npm run typecheck`: a code the catalogue lacks must not compile.
 */
describe('issue codes from the catalogue', () => {
  test('Given a code the catalogue raises, when an issue is asked for it, then the answer is by code alone', () => {
    const msg = MESSAGES.formulaNotCalculated('SUM(A1:A3)');
    const code: IssueCode = msg.code;
    expect(code).toBe('FORMULA_NOT_CALCULATED');
    expect(hasCode(msg, 'FORMULA_NOT_CALCULATED')).toBe(true);
    expect(hasCode(msg, 'VALUE_REQUIRED')).toBe(false);
  });

  test('Given a misspelt code, when used where an IssueCode is wanted, then it does not type-check', () => {
    // @ts-expect-error 'FORMULA_NOT_CALCULATD' is not a code of the catalogue.
    const wrong: IssueCode = 'FORMULA_NOT_CALCULATD';
    expect(Object.values(MESSAGES).length).toBeGreaterThan(50);
    expect(typeof wrong).toBe('string');
  });
});
