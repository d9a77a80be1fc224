import type { WorkbookGrids } from '../../../models';
import { issueLocation } from '../../../models';
import { runEngine } from '../../../server/engine';
import type { Rule } from '../../../server/engine/rules';
import {
  driverValueNonNegative,
  elasticityGiven,
  elasticityRange,
  expressionGiven,
  expressionShort,
  scenarioKeyGiven,
  usableRows,
} from '../../../server/engine/rules/rows';
import { ruleContext } from '../../helpers/rules';
import { minimalWorkbook, type Row } from '../../helpers/workbook';

const RESPONSES: Row = ['Measure ID', 'Model', 'Elasticity', 'Low', 'High', 'Expression'];
const responses = (...rows: Row[]) => minimalWorkbook({ Responses: [RESPONSES, ...rows] });
const drivers = (value: number) =>
  minimalWorkbook({
    'Cost Pools': [
      ['Cost Pool', 'Method'],
      ['IT', 'Driver'],
    ],
    Drivers: [
      ['Cost Pool', 'Objective ID', 'Driver Value'],
      ['IT', '1.1', value],
    ],
  });
const scenario = (scope: string, key: string | null) =>
  minimalWorkbook({
    Scenarios: [
      ['Scenario', 'Scope', 'Key', 'Change'],
      ['Cut', scope, key, '-10%'],
    ],
  });

const found = (rule: Rule, grids: WorkbookGrids) =>
  rule.check(ruleContext(grids)).map((i) => [i.code, issueLocation(i)]);

describe('row rules', () => {
  test.each([
    [
      'an Elasticity model without e',
      elasticityGiven,
      responses(['M1', 'Elasticity', null, null, null, null]),
      'Responses!C2',
    ],
    [
      'an Expression model without a formula',
      expressionGiven,
      responses(['M1', 'Expression', null, null, null, null]),
      'Responses!F2',
    ],
    [
      'a formula of 501 characters',
      expressionShort,
      responses(['M1', 'Expression', null, null, null, '1+'.repeat(250) + '1']),
      'Responses!F2',
    ],
    [
      'a Low with no High',
      elasticityRange,
      responses(['M1', 'Elasticity', 0.5, 0.2, null, null]),
      'Responses!E2',
    ],
    [
      'a High with no Low',
      elasticityRange,
      responses(['M1', 'Elasticity', 0.5, null, 0.9, null]),
      'Responses!D2',
    ],
    [
      'a Low above its High',
      elasticityRange,
      responses(['M1', 'Elasticity', 0.5, 0.9, 0.1, null]),
      'Responses!E2',
    ],
    ['a negative driver', driverValueNonNegative, drivers(-3), 'Drivers!C2'],
    ['an Objective scenario with no Key', scenarioKeyGiven, scenario('Objective', null), 'Scenarios!C2'],
  ])('Given %s, then the rule reports it once, at the cell to fix', (_given, rule, grids, cell) => {
    expect(found(rule, grids).map(([, at]) => at)).toEqual([cell]);
  });

  test.each([
    ['an Elasticity model with e', elasticityGiven, responses(['M1', 'Elasticity', 0.5, null, null, null])],
    [
      'a Proportional model without e',
      elasticityGiven,
      responses(['M1', 'Proportional', null, null, null, null]),
    ],
    ['a short formula', expressionShort, responses(['M1', 'Expression', null, null, null, 'baseValue'])],
    ['a Low below its High', elasticityRange, responses(['M1', 'Elasticity', 0.5, 0.1, 0.9, null])],
    ['a driver of zero', driverValueNonNegative, drivers(0)],
    ['an All scenario with no Key', scenarioKeyGiven, scenario('All', null)],
  ])('Given %s, then the rule finds nothing', (_given, rule, grids) => {
    expect(found(rule, grids)).toEqual([]);
  });
});

describe('usableRows', () => {
  test('Given a flagged row, then the engine computes without it: the negative driver is not in the model', () => {
    const ctx = ruleContext(drivers(-3));
    expect(ctx.read.drivers.map((d) => d.value)).toEqual([-3]);
    expect(ctx.model.drivers).toEqual([]);
  });

  test('Given no flagged row, then the model is returned as it is', () => {
    const { read } = ruleContext(drivers(3));
    expect(usableRows(read)).toBe(read);
  });

  test('Given an unusable Responses row and a later good one for the same measure, then the later one is used and is no duplicate', () => {
    const result = runEngine(
      responses(['M1', 'Elasticity', null, null, null, null], ['M1', 'Elasticity', 0.5, null, null, null]),
    );
    expect(result.issues.map((i) => [i.code, issueLocation(i)])).toEqual([
      ['VALUE_REQUIRED', 'Responses!C2'],
    ]);
  });
});
