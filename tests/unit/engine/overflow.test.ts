import { compute, readWorkbook, runEngine } from '../../../server/engine';
import { runScenarios } from '../../../server/engine/scenarios';
import { issuesWith, placesOf, rowsOf } from '../../helpers/outputs';
import { minimalWorkbook, type Row } from '../../helpers/workbook';
import { BASE, scenarios } from '../scenarios/fixtures';

/**
 * Overflow is a value, reported where it happens (issue 16): a total past the exact range (about 9 quadrillion
 * minor units) is an issue naming that total, its figures are left out or blank, and every other figure is
 * computed as usual. Nothing is rerun and nothing crashes.
 */

/** 80 trillion dollars: 8e15 cents, inside the exact range alone; two of them are not. */
const HUGE = 80_000_000_000_000;

const objectiveRow = (result: ReturnType<typeof runEngine>, id: string, type = 'Budget Authority') =>
  rowsOf(result, 'ResourcesByGoal').find((r) => r['Objective ID'] === id && r['Amount Type'] === type);

describe('Given totals past the exact range', () => {
  const budget: Row[] = [
    ['Account', 'Amount Type', 'FY2018', 'FY2019'],
    ['A', 'BA', HUGE, 1000],
    ['A', 'Outlays', 10, 20],
    ['B', 'BA', HUGE, 3000],
    ['C', 'BA', 5, 7],
  ];
  const crosswalk: Row[] = [
    ['Account', 'Objective ID', 'Share'],
    ['A', '1.1', '100%'],
    ['B', '1.1', '100%'],
    ['C', '1.2', '100%'],
  ];
  const result = runEngine(minimalWorkbook({ ...BASE, Budget: budget, Crosswalk: crosswalk }));

  test('when run, then one error names the total (year, amount type, target) at the Budget, with no rerun', () => {
    const overflow = issuesWith(result.issues, 'TOTALS_OUT_OF_RANGE');
    expect(overflow).toHaveLength(1);
    expect(placesOf(result.issues, 'TOTALS_OUT_OF_RANGE')).toEqual(['Budget']);
    expect(overflow[0]?.message).toMatch(/FY2018 Budget Authority amounts for Objective 1\.1/);
    expect(result.ok).toBe(false);
  });

  test('when run, then the other years and amount types are computed to the cent', () => {
    expect(objectiveRow(result, '1.1')?.FY2019).toBe(4000);
    expect(objectiveRow(result, '1.2')?.FY2019).toBe(7);
    expect(objectiveRow(result, '1.1', 'Outlays')?.FY2018).toBe(10);
    expect(objectiveRow(result, '1.1', 'Outlays')?.FY2019).toBe(20);
    // The series whose Budget Authority overflowed keeps its other amount type.
    expect(objectiveRow(result, '1.2')?.FY2018 ?? null).toBeNull();
  });

  test('when run, then no output shows the overflowed amounts (left out, never a drifted figure)', () => {
    const detail = rowsOf(result, 'CrosswalkDetail').filter((r) => r['Amount Type'] === 'Budget Authority');
    expect(detail.map((r) => r.FY2018 ?? null)).toEqual(detail.map(() => null));
    expect(detail.map((r) => r.FY2019).sort()).toEqual([1000, 3000, 7]);
  });
});

describe('Given a scenario whose changes add up past the exact range', () => {
  const grids = minimalWorkbook({
    ...BASE,
    Scenarios: scenarios(
      ['Huge', 'Account', 'A', HUGE],
      ['Huge', 'Account', 'B', HUGE],
      ['Cut A', 'Account', 'A', '-10%'],
    ),
  });

  test('when run, then that scenario is reported at its row and left out, and the others are computed', () => {
    const c = compute(readWorkbook(grids).model);
    const run = runScenarios(c);
    expect(placesOf(run?.issues ?? [], 'SCENARIO_OUT_OF_RANGE')).toEqual(['Scenarios!A2']);
    expect(run?.outcomes.map((o) => o.name)).toEqual(['Cut A']);
    expect(run?.outcomes[0]?.funding.change).toBe(-10000);
    expect(run?.outcomes[0]?.funding.budgetTotal).toBe(400000 - 10000);
  });

  test('when run through the engine, then the baseline figures are untouched', () => {
    const result = runEngine(grids);
    expect(issuesWith(result.issues, 'SCENARIO_OUT_OF_RANGE')).toHaveLength(1);
    expect(issuesWith(result.issues, 'TOTALS_OUT_OF_RANGE')).toEqual([]);
    expect(objectiveRow(result, '1.1')?.FY2018).toBe(1000);
    expect(objectiveRow(result, '1.2')?.FY2018).toBe(3000);
  });
});

describe('Given one amount past the exact range', () => {
  const result = runEngine(
    minimalWorkbook({
      ...BASE,
      Budget: [
        ['Account', 'Amount Type', 'FY2018'],
        ['A', 'BA', 1e20],
        ['B', 'BA', 3000],
      ],
    }),
  );

  test('when run, then the amount is reported at its cell and the others are computed', () => {
    expect(placesOf(result.issues, 'AMOUNT_OUT_OF_RANGE')).toEqual(['Budget!C2']);
    expect(issuesWith(result.issues, 'TOTALS_OUT_OF_RANGE')).toEqual([]);
    expect(objectiveRow(result, '1.2')?.FY2018).toBe(3000);
    expect(objectiveRow(result, '1.1')?.FY2018 ?? 0).toBe(0);
  });
});
