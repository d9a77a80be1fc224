import { issueLocation } from '../../../models';
import { responseExpressionsSafe } from '../../../server/engine/rules/responses';
import { ruleContext } from '../../helpers/rules';
import { minimalWorkbook } from '../../helpers/workbook';

const responses = (expression: string, model = 'Expression') =>
  minimalWorkbook({
    Responses: [
      ['Measure ID', 'Model', 'Expression'],
      ['M1', model, expression],
    ],
  });

describe('responseExpressionsSafe', () => {
  test('Given an Expression that calls outside arithmetic, then EXPRESSION_INVALID is reported at its cell', () => {
    const issues = responseExpressionsSafe.check(ruleContext(responses('import("fs")')));
    expect(issues.map((i) => [i.code, issueLocation(i)])).toEqual([['EXPRESSION_INVALID', 'Responses!C2']]);
  });

  test('Given plain arithmetic, then nothing is reported', () => {
    expect(
      responseExpressionsSafe.check(ruleContext(responses('baseValue * funding / baseFunding'))),
    ).toEqual([]);
  });

  test('Given another model, then its Expression cell is not judged', () => {
    expect(responseExpressionsSafe.check(ruleContext(responses('import("fs")', 'Proportional')))).toEqual([]);
  });
});
