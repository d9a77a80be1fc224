import { runEngine } from '../../../server/engine';
import type { Response } from '../../../models';
import { fundingForTarget, projectorFor } from '../../../server/engine/scenarios/responses';
import { rowsOf } from '../../helpers/outputs';
import { minimalWorkbook } from '../../helpers/workbook';
import { BASE, responses, scenarios } from './fixtures';

const loc = { sheet: 'Responses', cell: 'A2' };
const response = (r: Partial<Response>): Response => ({
  measureId: 'M',
  model: 'Proportional',
  elasticity: null,
  low: null,
  high: null,
  expression: '',
  loc,
  elasticityLoc: loc,
  lowLoc: loc,
  highLoc: loc,
  expressionLoc: loc,
  ...r,
});

describe('Given each response model', () => {
  const x = { funding: 1500, baseFunding: 1000, baseValue: 40 };
  test.each([
    ['Proportional', response({ model: 'Proportional' }), 1, 40 * 1.5],
    ['Elasticity', response({ model: 'Elasticity', elasticity: 0.5 }), 0.5, 40 * Math.sqrt(1.5)],
    ['Saturating', response({ model: 'Saturating', elasticity: 0.2 }), 0.2, 40 * (1 + 0.2 * Math.log(1.5))],
    ['Fixed', response({ model: 'Fixed' }), 1, 40],
    [
      'Expression',
      response({ model: 'Expression', expression: 'baseValue + 10 * (funding - baseFunding) / baseFunding' }),
      1,
      45,
    ],
  ])('When funding rises by half, Then %s projects the hand-computed value', (_name, r, e, expected) => {
    const p = projectorFor(r);
    if (!p.ok) throw new Error(p.reason);
    expect(p.project(x, e)).toBeCloseTo(expected, 10);
  });

  test.each([
    ['Proportional', response({ model: 'Proportional' }), 1],
    ['Elasticity', response({ model: 'Elasticity', elasticity: 0.5 }), 0.5],
    ['Elasticity (negative, a Decrease measure)', response({ model: 'Elasticity', elasticity: -0.3 }), -0.3],
    ['Saturating', response({ model: 'Saturating', elasticity: 0.2 }), 0.2],
    [
      'Expression',
      response({ model: 'Expression', expression: 'baseValue * (funding / baseFunding)^0.7' }),
      1,
    ],
  ])(
    'When seeking the funding for a target, Then %s gives funding at which the model hits it',
    (_name, r, e) => {
      const p = projectorFor(r);
      if (!p.ok) throw new Error(p.reason);
      const target = 48;
      const f = fundingForTarget(r, p.project, { baseFunding: 1000, baseValue: 40 }, target);
      expect(f).not.toBeNull();
      expect(p.project({ funding: f as number, baseFunding: 1000, baseValue: 40 }, e)).toBeCloseTo(target, 6);
    },
  );

  test('When the model is Fixed, Then no funding reaches a new target', () => {
    const r = response({ model: 'Fixed' });
    const p = projectorFor(r);
    if (!p.ok) throw new Error(p.reason);
    expect(fundingForTarget(r, p.project, { baseFunding: 1000, baseValue: 40 }, 48)).toBeNull();
  });
});

describe('Given a workbook with scenarios and responses', () => {
  test('When account A is cut 10%, Then M1 (Proportional) is projected from its base-year actual at 90% and judged against target', () => {
    const result = runEngine(
      minimalWorkbook({
        ...BASE,
        Scenarios: scenarios(['Cut A', 'Account', 'A', '-10%']),
        Responses: responses(['M1', 'Proportional', null, null, null, null]),
      }),
    );
    const row = rowsOf(result, 'ScenarioResults').find((r) => r['Measure ID'] === 'M1');
    expect(row).toMatchObject({
      Scenario: 'Cut A',
      'Base Funding': 1000,
      'Scenario Funding': 900,
      'Funding Change': -100,
      'Base Value': 100,
      Target: 100,
      'Meets Target': 'Not Met',
    });
    expect(row?.['Projected Value']).toBeCloseTo(90, 9);
  });

  test('When a measure has no Responses row, Then it is listed as not modeled and never given a projected value', () => {
    const result = runEngine(
      minimalWorkbook({
        ...BASE,
        Scenarios: scenarios(['Cut A', 'Account', 'A', '-10%']),
        Responses: responses(['M1', 'Proportional', null, null, null, null]),
      }),
    );
    const m2 = rowsOf(result, 'ScenarioResults').find((r) => r['Measure ID'] === 'M2');
    expect(m2).toMatchObject({ 'Meets Target': 'Not Modeled', 'Projected Value': null });
    expect(String(m2?.Note)).toMatch(/no Responses row/);
    expect(result.issues.some((i) => i.code === 'MEASURES_NOT_MODELED')).toBe(true);
  });

  test('When the base year has no actual, Then the latest actual is used and the note says which year', () => {
    const results = [
      ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
      ['M1', 2017, 90, 80],
      ['M1', 2018, 100, null],
      ['M2', 2018, 0.5, 0.4],
    ];
    const result = runEngine(
      minimalWorkbook({
        ...BASE,
        Results: results,
        Scenarios: scenarios(['Same', 'All', null, '0%']),
        Responses: responses(['M1', 'Fixed', null, null, null, null]),
      }),
    );
    const m1 = rowsOf(result, 'ScenarioResults').find((r) => r['Measure ID'] === 'M1');
    expect(m1?.['Base Value']).toBe(80);
    expect(String(m1?.Note)).toMatch(/latest actual, FY2017/);
  });

  test('When a Saturating response has no Elasticity, Then the row is reported at its Elasticity cell', () => {
    const result = runEngine(
      minimalWorkbook({ ...BASE, Responses: responses(['M1', 'Saturating', null, null, null, null]) }),
    );
    const issue = result.issues.find((i) => i.code === 'VALUE_REQUIRED' && i.sheet === 'Responses');
    expect(issue?.cell).toBe('C2');
  });

  test('When goal seek runs, Then each modeled measure with a target gets the funding its objective needs', () => {
    const result = runEngine(
      minimalWorkbook({ ...BASE, Responses: responses(['M2', 'Elasticity', 0.5, null, null, null]) }),
    );
    const row = rowsOf(result, 'GoalSeek').find((r) => r['Measure ID'] === 'M2');
    // 0.4 × (f / 3000)^0.5 = 0.5  →  f = 3000 × 1.25² = 4687.50
    expect(row?.['Funding Needed']).toBe(4687.5);
    expect(row?.['Change Needed']).toBe(1687.5);
  });
});
