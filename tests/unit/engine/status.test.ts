import type { Direction, Result } from '../../../models';
import { runEngine } from '../../../server/engine';
import { judgeStatus, latestActualYear, type StatusContext, statusOf } from '../../../server/engine/status';
import { placesOf, rowsOf } from '../../helpers/outputs';
import { minimalWorkbook, type Row } from '../../helpers/workbook';

type R = Pick<Result, 'year' | 'target' | 'minTarget' | 'maxTarget' | 'actual'>;
const r = (
  year: number,
  target: number | null,
  actual: number | null,
  min: number | null = null,
  max: number | null = null,
): R => ({
  year,
  target,
  actual,
  minTarget: min,
  maxTarget: max,
});
const ctx = (latest: number | null, tolerance = 0.01): StatusContext => ({
  latestActualYear: latest,
  tolerance,
});
const status = (direction: Direction | null, result: R, prior: number | null = null, c = ctx(2018)) =>
  statusOf(direction, result, prior, c);

describe('Improved: not met, but better than the prior year in the desired direction', () => {
  test.each<[Direction, R, number | null, string]>([
    // Increase to 100: 90 after 80 is closer; after 95 it is worse; after 90, no better.
    ['Increase', r(2018, 100, 90), 80, 'Improved'],
    ['Increase', r(2018, 100, 90), 95, 'Not Met'],
    ['Increase', r(2018, 100, 90), 90, 'Not Met'],
    ['Increase', r(2018, 100, 90), null, 'Not Met'],
    // Met the year before and fell below: not an improvement.
    ['Increase', r(2018, 100, 90), 105, 'Not Met'],
    ['Increase', r(2018, 100, 100), 80, 'Met'],
    // Decrease to 3%: 3.3% after 4% improved; after 3.1%, worse.
    ['Decrease', r(2018, 0.03, 0.033), 0.04, 'Improved'],
    ['Decrease', r(2018, 0.03, 0.033), 0.031, 'Not Met'],
    // Within 0.9-1.0: 1.05 after 1.2 is closer to the range; 0.85 after an in-range 0.95 is not.
    ['Within Range', r(2018, null, 1.05, 0.9, 1), 1.2, 'Improved'],
    ['Within Range', r(2018, null, 0.85, 0.9, 1), 0.95, 'Not Met'],
    // Maintain 100 within 1%: 103 after 110 is closer; after 97 (also 3 away), no better.
    ['Maintain', r(2018, 100, 103), 110, 'Improved'],
    ['Maintain', r(2018, 100, 103), 97, 'Not Met'],
  ])(
    'Given %s, result %j and prior actual %p, then the status is %s',
    (direction, result, prior, expected) => {
      expect(status(direction, result, prior)).toBe(expected);
    },
  );

  test('Given a prior actual that differs only by floating-point noise, then it is not called an improvement', () => {
    expect(status('Increase', r(2018, 1, 0.3), 0.1 + 0.2)).toBe('Not Met');
  });
});

describe('Pending: a target for a year after the latest year with any actual in the workbook', () => {
  test('Given the latest actual in the workbook is FY2018, then an FY2019 target without an actual is Pending', () => {
    expect(status('Increase', r(2019, 100, null))).toBe('Pending');
  });

  test('Given the latest actual in the workbook is FY2018, then an FY2018 or FY2017 target without an actual is No Actual', () => {
    expect(status('Increase', r(2018, 100, null))).toBe('No Actual');
    expect(status('Increase', r(2017, 100, null))).toBe('No Actual');
  });

  test('Given no actual anywhere in the workbook, then every target is Pending', () => {
    expect(status('Decrease', r(2015, 100, null), null, ctx(null))).toBe('Pending');
  });

  test('Given a Within Range year with a range, no actual and a later year, then it is Pending', () => {
    expect(status('Within Range', r(2020, null, null, 0.9, 1))).toBe('Pending');
  });

  test('Given no target, or no Direction, then those say so before Pending does', () => {
    expect(status('Increase', r(2019, null, null))).toBe('No Target');
    expect(status(null, r(2019, 100, null))).toBe('Not Judged');
  });

  test('latestActualYear is the latest year with an actual, ignoring years with targets only', () => {
    expect(latestActualYear([r(2017, 1, 2), r(2019, 1, null), r(2018, null, 0)])).toBe(2018);
    expect(latestActualYear([r(2019, 1, null)])).toBeNull();
  });
});

describe('Maintain uses the Maintain Tolerance', () => {
  test('Given a tolerance of 2%, then 204 maintains 200 and 204.01 does not; at 1%, 204 does not', () => {
    expect(judgeStatus('Maintain', r(2018, 200, null), 204, 0.02)).toBe('Met');
    expect(judgeStatus('Maintain', r(2018, 200, null), 195.99, 0.02)).toBe('Not Met');
    expect(judgeStatus('Maintain', r(2018, 200, null), 204.01, 0.02)).toBe('Not Met');
    expect(judgeStatus('Maintain', r(2018, 200, null), 204, 0.01)).toBe('Not Met');
  });

  test('Given a tolerance of 0, then only the target itself maintains it', () => {
    expect(judgeStatus('Maintain', r(2018, 200, null), 200, 0)).toBe('Met');
    expect(judgeStatus('Maintain', r(2018, 200, null), 200.5, 0)).toBe('Not Met');
  });
});

/** Statuses in the CostPerOutcome table of a workbook with these measures and results. */
function statusesOf(measures: Row[], results: Row[], settings: Row[] = []) {
  const result = runEngine(
    minimalWorkbook({
      Settings: [['Setting', 'Value'], ...settings],
      Measures: [['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction'], ...measures],
      Results: [
        ['Measure ID', 'Fiscal Year', 'Target', 'Actual', 'Explanation', 'Data Available'],
        ...results,
      ],
    }),
  );
  return { result, rows: rowsOf(result, 'CostPerOutcome') };
}

describe('statuses in the outputs', () => {
  test('Given M1 reported through FY2018 and M2 only through FY2017, when judged, then "latest year with any actual" is per workbook: M2 FY2018 is No Actual, FY2019 targets are Pending', () => {
    const { rows } = statusesOf(
      [
        ['M1', '1.1', 'Leases awarded', 'Count', 'Increase'],
        ['M2', '1.1', 'Leases renewed', 'Count', 'Increase'],
      ],
      [
        ['M1', 2018, 100, 125],
        ['M1', 2019, 130, null, null, 'December 2019'],
        ['M2', 2017, 50, 55],
        ['M2', 2018, 60, null],
        ['M2', 2019, 70, null],
      ],
    );
    expect(rows.map((x) => [x['Measure ID'], x['Fiscal Year'], x.Status, x['Data Available']])).toEqual([
      ['M1', 2018, 'Met', ''],
      ['M1', 2019, 'Pending', 'December 2019'],
      ['M2', 2017, 'Met', ''],
      ['M2', 2018, 'No Actual', ''],
      ['M2', 2019, 'Pending', ''],
    ]);
  });

  test('Given a target missed but better than the prior year, when judged, then it is Improved, its Explanation is shown, and the Summary counts it as not met', () => {
    const { result, rows } = statusesOf(
      [['M1', '1.1', 'Leases awarded', 'Count', 'Increase']],
      [
        ['M1', 2017, 100, 80],
        ['M1', 2018, 100, 90, 'Two leases slipped into FY2019 when a lessor withdrew.'],
      ],
    );
    expect(rows[1]).toMatchObject({
      Status: 'Improved',
      Explanation: 'Two leases slipped into FY2019 when a lessor withdrew.',
    });
    expect(result.summary.measures).toMatchObject({ met: 0, notMet: 1, year: 2018 });
  });

  test.each<[string | number, string]>([
    ['2%', 'Met'],
    [0.02, 'Met'],
    ['0.02', 'Met'],
    ['1%', 'Not Met'],
  ])(
    'Given Maintain Tolerance %p and a Maintain measure 1.5%% off target, then it is %s',
    (tolerance, expected) => {
      const { result, rows } = statusesOf(
        [['M1', '1.1', 'Occupancy', 'Count', 'Maintain']],
        [['M1', 2018, 200, 203]],
        [['Maintain Tolerance', tolerance]],
      );
      expect(rows[0]?.Status).toBe(expected);
      expect(result.issues.filter((i) => i.code === 'SETTING_INVALID')).toEqual([]);
    },
  );

  test('Given no Maintain Tolerance setting, then the tolerance is 1%: 2 off 200 is Met, 2.5 off is Not Met', () => {
    const { rows } = statusesOf(
      [['M1', '1.1', 'Occupancy', 'Count', 'Maintain']],
      [
        ['M1', 2017, 200, 202],
        ['M1', 2018, 200, 202.5],
      ],
    );
    expect(rows.map((x) => x.Status)).toEqual(['Met', 'Not Met']);
  });

  test.each(['2', 'close', '-1%', '150%'])(
    'Given Maintain Tolerance %p, when read, then SETTING_INVALID is raised at its cell and 1% is used',
    (tolerance) => {
      const { result, rows } = statusesOf(
        [['M1', '1.1', 'Occupancy', 'Count', 'Maintain']],
        [['M1', 2018, 200, 201]],
        [['Maintain Tolerance', tolerance]],
      );
      expect(placesOf(result.issues, 'SETTING_INVALID')).toEqual(['Settings!B2']);
      expect(result.issues.find((i) => i.code === 'SETTING_INVALID')?.message).toContain(
        '2% or a fraction such as 0.02',
      );
      expect(rows[0]?.Status).toBe('Met');
    },
  );
});
