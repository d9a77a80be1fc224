import { E, minimal, N, W, type CorpusCase } from '../case';

/** Duplicate keys and references to things that are not there. */
export const referenceCases: CorpusCase[] = [
  {
    name: 'duplicate goal IDs',
    why: 'A pasted row repeats G1; the second is left out and the error points at it and at the first.',
    grids: () =>
      minimal({
        Goals: [
          ['Goal ID', 'Goal'],
          ['G1', 'Real Estate'],
          ['G1', 'Real Estate (copy)'],
        ],
      }),
    expected: [E('DUPLICATE_ID', 'Goals!A3')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'duplicate objective IDs differing only in spaces and case',
    why: '"1.1 " and "1.1" are one ID once trimmed; so are O1 and o1.',
    grids: () =>
      minimal({
        Objectives: [
          ['Objective ID', 'Goal ID', 'Objective'],
          ['1.1', 'G1', 'Reduce the cost of Federal inventory'],
          ['1.1 ', 'G1', 'Reduce the cost (again)'],
          ['O1', 'G1', 'Other'],
          ['o1', 'G1', 'Other (lower case)'],
        ],
      }),
    expected: [
      E('DUPLICATE_ID', 'Objectives!A3'),
      E('DUPLICATE_ID', 'Objectives!A5'),
      N('OBJECTIVE_NO_MEASURES', 'Objectives!A4'),
    ],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'duplicate budget lines',
    why: 'The same line entered twice is warned about, and both are counted so the total matches the sheet.',
    grids: () =>
      minimal({
        Budget: [
          ['Account', 'Account Title', 'Amount Type', 'FY2018'],
          ['023-05-0110', 'Operating Expenses', 'BA', 1000],
          ['023-05-0110', 'Operating Expenses', 'BA', 1000],
        ],
      }),
    expected: [W('DUPLICATE_BUDGET_LINE', 'Budget!A3')],
    totals: { 'Budget Authority': { FY2018: 2000 } },
  },
  {
    name: 'duplicate result rows',
    why: 'Two FY2018 rows for one measure: the first is used, the second reported.',
    grids: () =>
      minimal({
        Results: [
          ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
          ['M1', 2018, 100, 125],
          ['M1', 'FY2018', 90, 80],
        ],
      }),
    expected: [W('DUPLICATE_RESULT', 'Results!A3')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'objective 1.10 typed into Excel as the number 1.1',
    why: 'Excel drops the trailing zero of 1.10; the Crosswalk\'s "1.10" then names nothing, which is said, and its money stays Unmapped.',
    grids: () =>
      minimal({
        Objectives: [
          ['Objective ID', 'Goal ID', 'Objective'],
          [1.1, 'G1', 'Reduce the cost of Federal inventory'],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ['023-05-0110', '1.10', '100%'],
        ],
      }),
    expected: [E('UNKNOWN_OBJECTIVE', 'Crosswalk!A2')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: ({ result }) => {
      const table = result.tables.find((t) => t.name === 'ResourcesByGoal');
      const fy2018 = table?.columns.findIndex((c) => c.name === 'FY2018') ?? -1;
      expect(table?.rows.find((r) => r[0] === 'Unmapped')?.[fy2018]).toBe(1000);
    },
  },
  {
    name: 'IDs as numbers and as text',
    why: 'Account 4542 typed as a number and "4542" as text are the same account.',
    grids: () =>
      minimal({
        Budget: [
          ['Account', 'Amount Type', 'FY2018'],
          [4542, 'BA', 1000],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ['4542', '1.1', 1],
        ],
      }),
    expected: [],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'unknown goal, objective and measure',
    why: 'Every reference to an ID that does not exist is an error at the row that makes it; nothing is dropped.',
    grids: () =>
      minimal({
        Objectives: [
          ['Objective ID', 'Goal ID', 'Objective'],
          ['1.1', 'G1', 'Reduce the cost of Federal inventory'],
          ['1.2', 'G9', 'An objective of a goal that is not there'],
        ],
        Results: [
          ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
          ['M1', 2018, 100, 125],
          ['M9', 2018, 1, 1],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ['023-05-0110', '1.1', '50%'],
          ['023-05-0110', '9.9', '50%'],
        ],
      }),
    expected: [
      E('UNKNOWN_GOAL', 'Objectives!A3'),
      E('UNKNOWN_MEASURE', 'Results!A3'),
      E('UNKNOWN_OBJECTIVE', 'Crosswalk!A3'),
      N('OBJECTIVE_NO_MEASURES', 'Objectives!A3'),
    ],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'unknown cost pool',
    why: 'A Crosswalk row to a pool the Cost Pools table does not have keeps its share as Unmapped.',
    grids: () =>
      minimal({
        Crosswalk: [
          ['Account', 'Objective ID', 'Cost Pool', 'Share'],
          ['023-05-0110', '1.1', null, '75%'],
          ['023-05-0110', null, 'Rent', '25%'],
        ],
      }),
    expected: [E('UNKNOWN_COST_POOL', 'Crosswalk!A3')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'budget line that no crosswalk row matches',
    why: 'An unmapped line is shown as Unmapped so the crosswalk still ties out.',
    grids: () =>
      minimal({
        Budget: [
          ['Account', 'Amount Type', 'FY2018'],
          ['023-05-0110', 'BA', 1000],
          ['023-00-0110', 'BA', 250],
        ],
      }),
    expected: [W('BUDGET_LINE_UNMAPPED', 'Budget!A3')],
    totals: { 'Budget Authority': { FY2018: 1250 } },
  },
];
