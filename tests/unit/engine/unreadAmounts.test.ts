import { runEngine } from '../../../server/engine';
import { minimalWorkbook } from '../../helpers/workbook';

/** The summary's marks for the pane: Budget amounts left out of the totals, and measures by status per goal. */

const GOALS = [
  ['Goal ID', 'Goal'],
  ['G1', 'Real Estate'],
  ['G2', 'Acquisition'],
];
const OBJECTIVES = [
  ['Objective ID', 'Goal ID', 'Objective'],
  ['1.1', 'G1', 'Reduce the cost of Federal inventory'],
  ['2.1', 'g2', 'Buy smarter'],
];

describe('summary.unreadAmounts', () => {
  it('Given "TBD" on three Budget lines, two of them crosswalked to G2, then all three are counted and only G2 is marked', () => {
    const { summary, issues } = runEngine(
      minimalWorkbook({
        Goals: GOALS,
        Objectives: OBJECTIVES,
        Budget: [
          ['Account', 'Account Title', 'Amount Type', 'FY2018'],
          ['023-05-0110', 'Operating Expenses', 'BA', 1000],
          ['023-05-0111', 'Buying', 'BA', 'TBD'],
          ['023-05-0112', 'Buying', 'BA', 'TBD'],
          ['023-05-0113', 'Unmapped', 'BA', 'TBD'],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ['023-05-0110', '1.1', '100%'],
          ['023-05-0111', '2.1', '100%'],
          ['023-05-0112', '2.1', '100%'],
        ],
      }),
    );
    // The engine lists the three cells as one grouped issue; the summary still counts every cell.
    expect(issues.filter((i) => i.code === 'AMOUNT_INVALID')).toHaveLength(1);
    expect(summary.unreadAmounts).toEqual({
      count: 3,
      cells: ['Budget!D3', 'Budget!D4', 'Budget!D5'],
      goals: ['G2'],
      viaPools: false,
    });
  });

  it('Given a clean Budget, then nothing is unread', () => {
    expect(runEngine(minimalWorkbook()).summary.unreadAmounts).toEqual({
      count: 0,
      cells: [],
      goals: [],
      viaPools: false,
    });
  });
});

describe('summary.measures.byGoal', () => {
  it('Given one met measure under G1 and none under G2, then G1 counts one Met and G2 is listed empty', () => {
    const { summary } = runEngine(minimalWorkbook({ Goals: GOALS, Objectives: OBJECTIVES }));
    expect(summary.measures.byGoal).toEqual([
      { goalId: 'G1', counts: [{ status: 'Met', count: 1 }] },
      { goalId: 'G2', counts: [] },
    ]);
  });

  it('Given a missed target and a measure without Direction, then the counts follow the contract order of statuses', () => {
    const { summary } = runEngine(
      minimalWorkbook({
        Measures: [
          ['Measure ID', 'Objective ID', 'Measure', 'Unit', 'Kind', 'Direction'],
          ['M1', '1.1', 'Leases awarded', 'Raw Count', 'Count', 'Increase'],
          ['M2', '1.1', 'Leases ended', 'Raw Count', 'Count', ''],
          ['M3', '1.1', 'Leases renewed', 'Raw Count', 'Count', 'Increase'],
        ],
        Results: [
          ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
          ['M1', 2018, 100, 125],
          ['M2', 2018, 100, 90],
          ['M3', 2018, 100, 90],
        ],
      }),
    );
    const g1 = summary.measures.byGoal.find((g) => g.goalId === 'G1');
    expect(g1?.counts).toEqual([
      { status: 'Met', count: 1 },
      { status: 'Not Met', count: 1 },
      { status: 'Not Judged', count: 1 },
    ]);
  });
});
