import { issueLocation } from '../../../models';
import { runEngine } from '../../../server/engine';
import {
  distinctRecords,
  firstOfEach,
  oneResultPerYear,
  uniqueIds,
} from '../../../server/engine/rules/duplicates';
import { ruleContext } from '../../helpers/rules';
import { minimalWorkbook, MINIMAL } from '../../helpers/workbook';

const at = (cell: string) => ({ sheet: 'S', cell });

describe('firstOfEach', () => {
  test('Given records with repeated keys, then the first of each is kept and every later one names the first', () => {
    const records = [
      { id: 'a', loc: at('A2') },
      { id: 'b', loc: at('A3') },
      { id: 'A', loc: at('A4') },
      { id: 'a', loc: at('A5') },
    ];
    const { kept, repeats } = firstOfEach(records, (r) => r.id.toUpperCase());
    expect(kept.map((r) => r.loc.cell)).toEqual(['A2', 'A3']);
    expect(repeats.map((r) => [r.record.loc.cell, r.first.cell])).toEqual([
      ['A4', 'A2'],
      ['A5', 'A2'],
    ]);
  });
});

describe('uniqueIds', () => {
  test.each([
    [
      'Goals',
      [
        ['Goal ID', 'Goal'],
        ['G1', 'Real Estate'],
        [' g1 ', 'Again'],
      ],
      'Goals!A3',
      'Goals!A2',
    ],
    [
      'Objectives',
      [
        ['Objective ID', 'Goal ID', 'Objective'],
        ['1.1', 'G1', 'One'],
        ['1.1', 'G1', 'Again'],
      ],
      'Objectives!A3',
      'Objectives!A2',
    ],
    [
      'Measures',
      [
        ['Objective ID', 'Measure ID', 'Measure', 'Kind'],
        ['1.1', 'M1', 'One', 'Count'],
        ['1.1', 'm1', 'Two', 'Count'],
      ],
      'Measures!B3',
      'Measures!B2',
    ],
    [
      'Cost Pools',
      [
        ['Cost Pool', 'Method'],
        ['IT', 'Direct Cost'],
        ['it', 'Direct Cost'],
      ],
      "'Cost Pools'!A3",
      "'Cost Pools'!A2",
    ],
    [
      'Responses',
      [
        ['Measure ID', 'Model'],
        ['M1', 'Proportional'],
        ['m1', 'Proportional'],
      ],
      'Responses!A3',
      'Responses!A2',
    ],
  ])(
    'Given %s with one ID twice, then the second is DUPLICATE_ID at its ID cell, naming the first',
    (table, rows, cell, first) => {
      const issues = uniqueIds.check(ruleContext(minimalWorkbook({ [table]: rows })));
      expect(issues.map((i) => [i.code, issueLocation(i)])).toEqual([['DUPLICATE_ID', cell]]);
      expect(issues[0]?.message).toContain(`(first at ${first})`);
    },
  );

  test('Given the minimal workbook, then no ID repeats', () => {
    expect(uniqueIds.check(ruleContext(minimalWorkbook()))).toEqual([]);
  });
});

describe('oneResultPerYear', () => {
  test('Given two Results rows for one measure and year, then the second is DUPLICATE_RESULT; another year is not', () => {
    const grids = minimalWorkbook({
      Results: [
        ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
        ['M1', 2018, 100, 125],
        ['M1', 2019, 100, 125],
        ['m1', 2018, 90, 80],
      ],
    });
    const issues = oneResultPerYear.check(ruleContext(grids));
    expect(issues.map((i) => [i.code, issueLocation(i)])).toEqual([['DUPLICATE_RESULT', 'Results!A4']]);
    expect(issues[0]?.message).toContain('(first at Results!A2)');
  });

  test('Given a Performance table with a measure twice in one year, then the second row is reported at its Year', () => {
    const grids = minimalWorkbook({
      Goals: null,
      Objectives: null,
      Measures: null,
      Results: null,
      Performance: [
        ['Goal', 'Objective', 'Measure', 'Unit', 'Year', 'Target', 'Actual'],
        ['Serve', 'Reach', 'Cases closed', 'Count', 2018, 10, 9],
        ['Serve', 'Reach', 'Cases closed', 'Count', 2018, 11, 9],
      ],
    });
    const issues = oneResultPerYear.check(ruleContext(grids));
    expect(issues.map((i) => [i.code, issueLocation(i)])).toEqual([['DUPLICATE_RESULT', 'Performance!E3']]);
  });
});

describe('distinctRecords', () => {
  test('Given repeats, then the engine computes on the first of each: one goal, the first result', () => {
    const grids = minimalWorkbook({
      Goals: [...(MINIMAL.Goals ?? []), ['G1', 'Again']],
      Results: [...(MINIMAL.Results ?? []), ['M1', 2018, 1, 1]],
    });
    const ctx = ruleContext(grids);
    expect(ctx.read.goals.map((g) => g.name)).toEqual(['Real Estate', 'Again']);
    expect(ctx.model.goals.map((g) => g.name)).toEqual(['Real Estate']);
    expect(ctx.model.results.map((r) => r.target)).toEqual([100]);
    const trend = runEngine(grids).tables.find((t) => t.name === 'PerformanceTrend');
    expect(trend?.rows).toHaveLength(1);
  });

  test('Given no repeat, then the model is returned as it is (no copy, the lazy Budget view unmade)', () => {
    const { read } = ruleContext(minimalWorkbook());
    expect(distinctRecords(read)).toBe(read);
  });
});
