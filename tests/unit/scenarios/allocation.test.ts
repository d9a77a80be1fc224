import { runEngine } from '../../../server/engine';
import { rowsOf } from '../../helpers/outputs';
import { minimalWorkbook } from '../../helpers/workbook';
import { BASE, responses, scenarios } from './fixtures';

/**
 * A case with a known answer: M1 (objective 1.1) needs 10% more funding to reach its target under a Proportional
 * response; M2 (objective 1.2) does not respond to funding (Fixed). An increase of $100 = 2.5% of $4,000 spread
 * across the board gives 1.1 only $25 and misses M1's target (110); put all on 1.1 and M1 rises to 110 and meets it.
 */
const LIMITS = [
  ['Objective ID', 'Floor', 'Ceiling', 'Weight'],
  ['1.1', '-10%', '20%', 1],
  ['1.2', '-10%', '20%', 1],
];

describe('Given a best-allocation scenario with a known best answer', () => {
  const result = runEngine(
    minimalWorkbook({
      ...BASE,
      Results: [
        ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
        ['M1', 2018, 110, 100],
        ['M2', 2018, 0.5, 0.4],
      ],
      Scenarios: scenarios(['Best $100', 'Best Allocation', null, 100]),
      Responses: responses(
        ['M1', 'Proportional', null, null, null, null],
        ['M2', 'Fixed', null, null, null, null],
      ),
      'Allocation Limits': LIMITS,
    }),
  );
  const rows = rowsOf(result, 'BestAllocation');

  test('When planned, Then all of the increase goes to the objective whose measure responds', () => {
    expect(rows.find((r) => r['Objective ID'] === '1.1')?.['Best Change']).toBe(100);
    expect(rows.find((r) => r['Objective ID'] === '1.2')?.['Best Change']).toBe(0);
  });

  test('When compared with across-the-board, Then it scores higher and M1 meets its target only under the best plan', () => {
    const total = rows.find((r) => r['Objective ID'] === 'Total');
    expect(total?.['Attainment at Best'] as number).toBeGreaterThan(
      total?.['Attainment at Proportional'] as number,
    );
    expect(rows.find((r) => r['Objective ID'] === '1.1')?.['Proportional Change']).toBe(25);
    const m1 = rowsOf(result, 'ScenarioResults').find((r) => r['Measure ID'] === 'M1');
    expect(m1?.['Meets Target']).toBe('Met');
    expect(m1?.['Projected Value']).toBeCloseTo(110, 9);
  });

  test('Then the marginal value of a dollar is shown, and is zero where the measure does not respond', () => {
    expect(rows.find((r) => r['Objective ID'] === '1.2')?.['Marginal Value per $1M']).toBe(0);
    expect(rows.find((r) => r['Objective ID'] === '1.1')?.['Marginal Value per $1M']).not.toBeNull();
  });

  test('When the ceilings cannot absorb the increase, Then the scenario is reported as infeasible at its Change cell', () => {
    const tight = runEngine(
      minimalWorkbook({
        ...BASE,
        Scenarios: scenarios(['Too much', 'Best Allocation', null, 5000]),
        Responses: responses(['M1', 'Proportional', null, null, null, null]),
        'Allocation Limits': LIMITS,
      }),
    );
    const issue = tight.issues.find((i) => i.code === 'ALLOCATION_INFEASIBLE');
    expect(issue?.sheet).toBe('Scenarios');
    expect(issue?.cell).toBe('D2');
  });
});
