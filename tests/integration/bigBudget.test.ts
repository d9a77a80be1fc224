import { runEngine } from '../../server/engine';
import { unmatchedBudget } from '../fixtures/limits/bigBudget';

/**
 * 130,000 budget lines with no crosswalk match once crashed the engine: their issues were spread into one
 * `push(...)` call, which takes its arguments on the stack. The engine must finish and report them.
 */
describe('Given a 130,000-line budget that the crosswalk maps nowhere', () => {
  test('When the engine runs, Then it completes, every dollar is unmapped and the lines are reported', () => {
    const lines = 130_000;
    const grids = unmatchedBudget(lines);
    const result = runEngine(grids, { tables: ['ResourcesByGoal'] });
    expect(result.issues.some((i) => i.code === 'BUDGET_LINE_UNMAPPED')).toBe(true);
    const byGoal = result.tables.find((t) => t.name === 'ResourcesByGoal');
    const fy = byGoal?.columns.findIndex((c) => c.name === 'FY2018') ?? -1;
    const unmapped = byGoal?.rows.find((r) => r[0] === 'Unmapped');
    let total = 0;
    for (const row of grids.tables[1]?.rows ?? []) total += row[2] as number;
    expect(fy).toBeGreaterThan(0);
    expect(unmapped?.[fy]).toBe(total);
  });
});
