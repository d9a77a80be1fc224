import type { WorkbookGrids } from '../../../models';
import { compute, readWorkbook, runEngine } from '../../../server/engine';
import { targetKey } from '../../../server/engine/ledger';
import { issuesWith, placesOf, rowsOf } from '../../helpers/outputs';
import { seriesOf, minimalWorkbook, type Row } from '../../helpers/workbook';

/**
 * Support costs (SFFAS 4 full cost). Every workbook here is in dollars, so ledger values are cents. The program
 * account PROG carries the direct costs; each pool's own account is crosswalked 100% to the pool.
 */

const OBJECTIVES: Row[] = [
  ['Objective ID', 'Goal ID', 'Objective'],
  ['1.1', 'G1', 'Reduce cost'],
  ['1.2', 'G1', 'Better service'],
  ['1.3', 'G1', 'Dispose of property'],
];

interface PoolWorkbook {
  allocation: string;
  /** [account, FY2018 amount]; PROG is split 1.1/1.2/1.3 by `programShares`. */
  budget: [string, number][];
  programShares?: [number, number, number];
  pools: Row[];
  drivers?: Row[];
  extraBudget?: Row[];
  /** More Crosswalk rows: [account, objective ID, cost pool, share]. */
  extraCrosswalk?: Row[];
}

function poolWorkbook(w: PoolWorkbook): WorkbookGrids {
  const [s1, s2, s3] = w.programShares ?? [0.25, 0.75, 0];
  const poolNames = w.pools.slice(1).map((p) => p[0] as string);
  return minimalWorkbook({
    Settings: [
      ['Setting', 'Value'],
      ['Allocation', w.allocation],
    ],
    Objectives: OBJECTIVES,
    Measures: null,
    Results: null,
    Budget: [
      ['Account', 'Amount Type', 'FY2018'],
      ...w.budget.map(([a, v]) => [a, 'BA', v]),
      ...(w.extraBudget ?? []),
    ],
    Crosswalk: [
      ['Account', 'Objective ID', 'Cost Pool', 'Share'],
      ['PROG', '1.1', null, s1],
      ['PROG', '1.2', null, s2],
      ...(s3 > 0 ? [['PROG', '1.3', null, s3]] : []),
      ...poolNames.map((p) => [p, null, p, 1]),
      ...(w.extraCrosswalk ?? []),
    ],
    'Cost Pools': w.pools,
    ...(w.drivers
      ? { Drivers: [['Cost Pool', 'Objective ID', 'Target Pool', 'Driver Value'], ...w.drivers] }
      : {}),
  });
}

/** Full cost (direct + support) by objective, in cents, for FY2018 budget authority. */
function fullCost(grids: WorkbookGrids) {
  const c = compute(readWorkbook(grids).model);
  const get = (key: string) => c.support.full.get('Budget Authority', seriesOf(c, 2018), key);
  return {
    c,
    objective: (id: string) => get(targetKey('objective', id)),
    pool: (name: string) => get(targetKey('pool', name)),
    support: (id: string) =>
      c.support.support.get('Budget Authority', seriesOf(c, 2018), targetKey('objective', id)),
  };
}

const flows = (grids: WorkbookGrids) =>
  rowsOf(runEngine(grids), 'SupportCosts').map((r) => [r['Cost Pool'], r.To, r.Amount]);

describe('allocation methods of a pool', () => {
  test('Given a Direct Cost pool, when allocated, then objectives receive it in proportion to their direct cost', () => {
    const grids = poolWorkbook({
      allocation: 'Direct',
      budget: [
        ['PROG', 4000],
        ['MS', 300],
      ],
      pools: [
        ['Cost Pool', 'Method'],
        ['MS', 'Direct Cost'],
      ],
    });
    expect(flows(grids)).toEqual([
      ['MS', 'Objective 1.1', 75],
      ['MS', 'Objective 1.2', 225],
    ]);
    const { objective, pool } = fullCost(grids);
    expect([objective('1.1'), objective('1.2'), objective('1.3'), pool('MS')]).toEqual([
      107500, 322500, 0, 0,
    ]);
  });

  test('Given an FTE pool, when allocated, then objectives receive it in proportion to their FTE', () => {
    const grids = poolWorkbook({
      allocation: 'Direct',
      budget: [
        ['PROG', 4000],
        ['HR', 400],
      ],
      pools: [
        ['Cost Pool', 'Method'],
        ['HR', 'FTE'],
      ],
      // FTE are crosswalked like money: 1.1 has 1 FTE, 1.2 has 3 (the PROG shares 25%/75%).
      extraBudget: [['PROG', 'FTE', 4]],
    });
    expect(flows(grids)).toEqual([
      ['HR', 'Objective 1.1', 100],
      ['HR', 'Objective 1.2', 300],
    ]);
  });

  test('Given an Equal pool, when allocated, then every objective receives the same, to the cent, summing exactly', () => {
    const grids = poolWorkbook({
      allocation: 'Direct',
      budget: [
        ['PROG', 4000],
        ['OVERSIGHT', 100],
      ],
      pools: [
        ['Cost Pool', 'Method'],
        ['OVERSIGHT', 'Equal'],
      ],
    });
    expect(flows(grids)).toEqual([
      ['OVERSIGHT', 'Objective 1.1', 33.34],
      ['OVERSIGHT', 'Objective 1.2', 33.33],
      ['OVERSIGHT', 'Objective 1.3', 33.33],
    ]);
  });

  test('Given a Driver pool with square feet, when allocated, then objectives receive it in proportion to their drivers', () => {
    const grids = poolWorkbook({
      allocation: 'Direct',
      budget: [
        ['PROG', 4000],
        ['FAC', 1000],
      ],
      pools: [
        ['Cost Pool', 'Method'],
        ['FAC', 'Driver'],
      ],
      drivers: [
        ['FAC', '1.1', null, 1500.5],
        ['FAC', '1.3', null, 499.5],
      ],
    });
    expect(flows(grids)).toEqual([
      ['FAC', 'Objective 1.1', 750.25],
      ['FAC', 'Objective 1.3', 249.75],
    ]);
  });

  test('Given a Direct Cost pool and no objective with direct cost, when allocated, then COST_POOL_UNALLOCATED says why and the pool keeps its money', () => {
    const grids = poolWorkbook({
      allocation: 'Direct',
      budget: [['MS', 300]],
      pools: [
        ['Cost Pool', 'Method'],
        ['MS', 'Direct Cost'],
      ],
    });
    const result = runEngine(grids);
    expect(placesOf(result.issues, 'COST_POOL_UNALLOCATED')).toEqual(["'Cost Pools'!A2"]);
    expect(issuesWith(result.issues, 'COST_POOL_UNALLOCATED')[0]?.message).toContain(
      'no objective has direct Budget Authority in FY2018',
    );
    expect(fullCost(grids).pool('MS')).toBe(30000);
  });

  test('Given the Direct method and a driver to another pool, when allocated, then pools go to objectives only', () => {
    const grids = poolWorkbook({
      allocation: 'Direct',
      budget: [
        ['PROG', 4000],
        ['WCF', 100],
        ['MS', 40],
      ],
      pools: [
        ['Cost Pool', 'Method', 'Order'],
        ['WCF', 'Driver', 1],
        ['MS', 'Direct Cost', 2],
      ],
      drivers: [
        ['WCF', '1.1', null, 1],
        ['WCF', null, 'MS', 1],
      ],
    });
    expect(flows(grids)).toEqual([
      ['WCF', 'Objective 1.1', 100],
      ['MS', 'Objective 1.1', 10],
      ['MS', 'Objective 1.2', 30],
    ]);
  });

  test('Given a Direct Cost pool and an objective with negative net cost, when allocated, then that objective receives none and a warning says why', () => {
    const grids = poolWorkbook({
      allocation: 'Direct',
      budget: [
        ['PROG', 4000],
        ['FUND', -1000],
        ['MS', 300],
      ],
      pools: [
        ['Cost Pool', 'Method'],
        ['MS', 'Direct Cost'],
      ],
      // A revolving fund whose collections exceed its authority: objective 1.3 nets to -1,000.
      extraCrosswalk: [['FUND', '1.3', null, 1]],
    });
    expect(flows(grids)).toEqual([
      ['MS', 'Objective 1.1', 75],
      ['MS', 'Objective 1.2', 225],
    ]);
    expect(placesOf(runEngine(grids).issues, 'COST_POOL_NEGATIVE_BASIS')).toEqual(["'Cost Pools'!A2"]);
  });
});

describe('step-down allocation', () => {
  // WCF (order 1) serves objectives and the Mission Support pool; MS (order 2) goes by direct cost.
  const stepDown = (extraDrivers: Row[] = []) =>
    poolWorkbook({
      allocation: 'Step-Down',
      budget: [
        ['PROG', 4000],
        ['MS', 200],
        ['WCF', 500],
      ],
      pools: [
        ['Cost Pool', 'Method', 'Order'],
        ['MS', 'Direct Cost', 2],
        ['WCF', 'Driver', 1],
      ],
      drivers: [['WCF', '1.1', null, 60], ['WCF', '1.2', null, 20], ['WCF', null, 'MS', 20], ...extraDrivers],
    });

  test('Given pools listed out of order, when stepped down, then they are allocated in Order, the first feeding the later pool', () => {
    expect(flows(stepDown())).toEqual([
      ['WCF', 'Objective 1.1', 300],
      ['WCF', 'Objective 1.2', 100],
      ['WCF', 'Cost pool MS', 100],
      // MS allocates its own 200 plus the 100 it received, by direct cost 1,000 : 3,000.
      ['MS', 'Objective 1.1', 75],
      ['MS', 'Objective 1.2', 225],
    ]);
    const { objective, pool, support } = fullCost(stepDown());
    expect([objective('1.1'), objective('1.2'), pool('MS'), pool('WCF')]).toEqual([137500, 332500, 0, 0]);
    expect([support('1.1'), support('1.2')]).toEqual([37500, 32500]);
  });

  test('Given a driver from a later pool to an earlier one, when stepped down, then it is ignored with COST_POOL_DRIVER_IGNORED', () => {
    const grids = poolWorkbook({
      allocation: 'Step-Down',
      budget: [
        ['PROG', 4000],
        ['WCF', 500],
        ['FAC', 100],
      ],
      pools: [
        ['Cost Pool', 'Method', 'Order'],
        ['WCF', 'Equal', 1],
        ['FAC', 'Driver', 2],
      ],
      drivers: [
        ['FAC', null, 'WCF', 50],
        ['FAC', '1.3', null, 50],
      ],
    });
    const result = runEngine(grids);
    expect(placesOf(result.issues, 'COST_POOL_DRIVER_IGNORED')).toEqual(['Drivers!A2']);
    expect(issuesWith(result.issues, 'COST_POOL_DRIVER_IGNORED')[0]?.message).toContain('earlier pool "WCF"');
    expect(flows(grids).filter(([from]) => from === 'FAC')).toEqual([['FAC', 'Objective 1.3', 100]]);
  });

  test('Given a pool driver to itself, when allocated, then it is ignored with a warning', () => {
    const grids = stepDown([['WCF', null, 'WCF', 1000]]);
    expect(placesOf(runEngine(grids).issues, 'COST_POOL_DRIVER_IGNORED')).toEqual(['Drivers!A5']);
    expect(flows(grids)[0]).toEqual(['WCF', 'Objective 1.1', 300]);
  });
});

describe('reciprocal allocation', () => {
  // IT serves HR (20) and objectives 1.1 (50) and 1.2 (30); HR serves IT (10), 1.1 (20) and 1.2 (70).
  const reciprocal = (allocation = 'Reciprocal') =>
    poolWorkbook({
      allocation,
      budget: [
        ['IT', 1000],
        ['HR', 500],
      ],
      programShares: [0.5, 0.5, 0],
      pools: [
        ['Cost Pool', 'Method', 'Order'],
        ['IT', 'Driver', 1],
        ['HR', 'Driver', 2],
      ],
      drivers: [
        ['IT', null, 'HR', 20],
        ['IT', '1.1', null, 50],
        ['IT', '1.2', null, 30],
        ['HR', null, 'IT', 10],
        ['HR', '1.1', null, 20],
        ['HR', '1.2', null, 70],
      ],
    });

  test('Given two pools serving each other and objectives, when allocated reciprocally, then objectives get the solution of the 2×2 system within a cent', () => {
    // By hand: IT = 1000 + 0.1 HR and HR = 500 + 0.2 IT, so IT = 1050 / 0.98 and HR = 500 + 0.2 IT.
    const it = 1050 / 0.98;
    const hr = 500 + 0.2 * it;
    const to11 = 0.5 * it + 0.2 * hr; // 678.571...
    const to12 = 0.3 * it + 0.7 * hr; // 821.428...
    const { objective, pool, c } = fullCost(reciprocal());
    expect(Math.abs(objective('1.1') / 100 - to11)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(objective('1.2') / 100 - to12)).toBeLessThanOrEqual(0.01);
    expect(objective('1.1') + objective('1.2')).toBe(150000);
    expect([pool('IT'), pool('HR')]).toEqual([0, 0]);
    expect(c.issues.filter((i) => i.code.startsWith('COST_POOL'))).toEqual([]);
  });

  test('Given the same pools stepped down, when allocated, then HR→IT is ignored and the result differs from reciprocal', () => {
    const { objective } = fullCost(reciprocal('Step-Down'));
    // IT: 500 to 1.1, 300 to 1.2, 200 to HR; HR: 700 by 20:70 → 155.56 / 544.44.
    expect([objective('1.1'), objective('1.2')]).toEqual([65556, 84444]);
    expect(placesOf(runEngine(reciprocal('Step-Down')).issues, 'COST_POOL_DRIVER_IGNORED')).toEqual([
      'Drivers!A5',
    ]);
  });

  test('Given reciprocal pools that only serve each other, when allocated, then COST_POOL_CIRCULAR names both and their money stays visible', () => {
    const grids = poolWorkbook({
      allocation: 'Reciprocal',
      budget: [
        ['PROG', 100],
        ['IT', 1000],
        ['HR', 500],
      ],
      pools: [
        ['Cost Pool', 'Method'],
        ['IT', 'Driver'],
        ['HR', 'Driver'],
      ],
      drivers: [
        ['IT', null, 'HR', 1],
        ['HR', null, 'IT', 1],
      ],
    });
    const result = runEngine(grids);
    const circular = issuesWith(result.issues, 'COST_POOL_CIRCULAR');
    expect(circular).toHaveLength(1);
    expect(circular[0]?.message).toContain('"IT", "HR"');
    const rbg = rowsOf(result, 'ResourcesByGoal').filter(
      (r) => r.Level === 'Cost Pool' || r.Level === 'Total',
    );
    expect(rbg.map((r) => [r.Name, r.FY2018])).toEqual([
      ['IT (support costs not allocated)', 1000],
      ['HR (support costs not allocated)', 500],
      ['Total Budget Authority', 1600],
    ]);
  });
});

describe('reciprocal allocation into a pool that cannot allocate', () => {
  // WCF serves objective 1.1 and the pool SPARE half and half; SPARE has no drivers, so it cannot pass anything on.
  const grids = poolWorkbook({
    allocation: 'Reciprocal',
    budget: [
      ['PROG', 1000],
      ['WCF', 100],
    ],
    programShares: [1, 0, 0],
    pools: [
      ['Cost Pool', 'Method'],
      ['WCF', 'Driver'],
      ['SPARE', 'Driver'],
    ],
    drivers: [
      ['WCF', '1.1', null, 1],
      ['WCF', null, 'SPARE', 1],
    ],
  });

  test('Given a pool that serves an objective and a dead-end pool, when allocated reciprocally, then the objective still gets its half and only the dead end keeps money', () => {
    // As step-down does: 50 to objective 1.1, 50 into SPARE, which keeps it (COST_POOL_UNALLOCATED names SPARE).
    const { objective, pool } = fullCost(grids);
    expect([objective('1.1'), pool('WCF'), pool('SPARE')]).toEqual([105000, 0, 5000]);
  });

  test('Given a pool that serves an objective and a dead-end pool, when allocated reciprocally, then the issue names the pool whose money is left, not a circle', () => {
    const issues = runEngine(grids).issues;
    expect(placesOf(issues, 'COST_POOL_CIRCULAR')).toEqual([]);
    expect(issuesWith(issues, 'COST_POOL_UNALLOCATED').map((i) => i.message)).toEqual([
      expect.stringContaining('"SPARE"'),
    ]);
  });
});

describe('nothing is created or lost by pools', () => {
  test.each([['Direct'], ['Step-Down'], ['Reciprocal']])(
    'Given every pool method under %s allocation, when allocated, then objectives + goal-level + unallocated pools + Unmapped equal the budget to the cent',
    (allocation) => {
      const grids = poolWorkbook({
        allocation,
        budget: [
          ['PROG', 12345.67],
          ['WCF', 999.99],
          ['MS', 333.33],
          ['FAC', 0.07],
          ['HR', 250.01],
          ['STUCK', 42.42],
          ['RECEIPTS', 17],
        ],
        programShares: [0.3, 0.45, 0.25],
        pools: [
          ['Cost Pool', 'Method', 'Order'],
          ['WCF', 'Driver', 1],
          ['MS', 'Direct Cost', 2],
          ['FAC', 'Equal', 3],
          ['HR', 'FTE', 4],
          ['STUCK', 'Driver', 5],
        ],
        drivers: [
          ['WCF', '1.1', null, 7],
          ['WCF', null, 'MS', 3],
          ['WCF', null, 'HR', 1.5],
          ['MS', '1.2', null, 1],
          ['FAC', '1.3', null, 1],
        ],
        extraBudget: [['PROG', 'FTE', 37.5]],
      });
      const { c, objective, pool } = fullCost(grids);
      const objectives = ['1.1', '1.2', '1.3'].reduce((s, id) => s + objective(id), 0);
      const pools = ['WCF', 'MS', 'FAC', 'HR', 'STUCK'].reduce((s, p) => s + pool(p), 0);
      const unmapped = c.support.full.get('Budget Authority', seriesOf(c, 2018), 'U');
      const goalLevel = c.support.full.get('Budget Authority', seriesOf(c, 2018), targetKey('goal', 'G1'));
      expect(objectives + goalLevel + pools + unmapped).toBe(
        c.crosswalk.budget.get('Budget Authority', seriesOf(c, 2018), 'total'),
      );
      expect(c.crosswalk.budget.get('Budget Authority', seriesOf(c, 2018), 'total')).toBe(1398849);
      expect(unmapped).toBe(1700);
      expect(pool('STUCK')).toBe(4242);
      const result = runEngine(grids);
      expect(
        rowsOf(result, 'ResourcesByGoal').find(
          (r) => r.Level === 'Total' && r['Amount Type'] === 'Budget Authority',
        )?.FY2018,
      ).toBe(13988.49);
      expect(placesOf(result.issues, 'COST_POOL_UNALLOCATED')).toEqual(["'Cost Pools'!A6"]);
    },
  );
});
