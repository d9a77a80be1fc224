import { readWorkbook, runEngine } from '../../../server/engine';
import { isRevolvingFund, mainAccountOf } from '../../../server/engine/accounts';
import { issuesWith, placesOf, rowsOf } from '../../helpers/outputs';
import { minimalWorkbook } from '../../helpers/workbook';

/**
 * Contract v2, the budget half: series with version labels, PY/CY/BY, amount types kept apart, receipts and
 * intra-agency amounts shown apart and never allocated, recast crosswalk rows, the cost basis and its net-basis
 * warning. Each figure is computed by hand from the small workbook in the test.
 */

const GOALS = {
  Goals: [
    ['Goal ID', 'Goal'],
    ['G1', 'Real Estate'],
    ['G2', 'Acquisition'],
  ],
  Objectives: [
    ['Objective ID', 'Goal ID', 'Objective'],
    ['1.1', 'G1', 'Reduce cost'],
    ['2.1', 'G2', 'Buy well'],
  ],
  Measures: null,
  Results: null,
} as const;

describe('series: a fiscal year plus its version label', () => {
  const result = runEngine(
    minimalWorkbook({
      ...GOALS,
      Budget: [
        ['Account', 'Amount Type', 'FY2023 Actual', 'FY2024 Enacted', 'FY2024 CR', 'FY2025 Request'],
        ['023-05-0110', 'Obligations', 900, 1000, 950, 1100],
        ['023-10-0401', 'Obligations', 400, 500, 480, 450],
      ],
      Crosswalk: [
        ['Account', 'Objective ID', 'Share'],
        ['023-05-0110', '1.1', '100%'],
        ['023-10-0401', '2.1', '100%'],
      ],
    }),
  );

  test('Given FY2023 Actual, FY2024 Enacted, FY2024 CR and FY2025 Request, when read, then no error and every output keeps the labels as written', () => {
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const rbg = rowsOf(result, 'ResourcesByGoal');
    expect(Object.keys(rbg[0] ?? {})).toEqual([
      'Level',
      'Goal ID',
      'Objective ID',
      'Name',
      'Amount Type',
      'FY2023 Actual',
      'FY2024 Enacted',
      'FY2024 CR',
      'FY2025 Request',
      'Change BY vs CY',
      'Change %',
      'Share of Total',
    ]);
    const detail = rowsOf(result, 'CrosswalkDetail');
    expect(detail.map((r) => [r.Account, r['FY2024 Enacted'], r['FY2024 CR']])).toEqual([
      ['023-05-0110', 1000, 950],
      ['023-10-0401', 500, 480],
    ]);
    expect(result.summary.series.map((s) => s.label)).toEqual([
      'FY2023 Actual',
      'FY2024 Enacted',
      'FY2024 CR',
      'FY2025 Request',
    ]);
  });

  test('Given two versions of the current year, when PY/CY/BY are chosen, then CY is the Enacted one and BY the Request', () => {
    expect(result.summary.priorYear).toEqual({ label: 'FY2023 Actual', year: 2023 });
    expect(result.summary.currentYear).toEqual({ label: 'FY2024 Enacted', year: 2024 });
    expect(result.summary.budgetYear).toEqual({ label: 'FY2025 Request', year: 2025 });
  });

  test('Given CY and BY, when resources are shown by goal, then Change BY vs CY and Change % are BY request less CY enacted', () => {
    const rbg = rowsOf(result, 'ResourcesByGoal');
    const g1 = rbg.find((r) => r.Level === 'Goal' && r['Goal ID'] === 'G1');
    const g2 = rbg.find((r) => r.Level === 'Goal' && r['Goal ID'] === 'G2');
    const total = rbg.find((r) => r.Level === 'Total');
    expect([g1?.['Change BY vs CY'], g1?.['Change %']]).toEqual([100, 0.1]);
    expect([g2?.['Change BY vs CY'], g2?.['Change %']]).toEqual([-50, -0.1]);
    expect([total?.['Change BY vs CY'], total?.['Change %']]).toEqual([50, 50 / 1500]);
    expect(g1?.['Share of Total']).toBe(1100 / 1550);
  });

  test('Given the Budget Appendix labels "2025 actual", "2026 est." and "2027 est.", when read, then BY is 2027 est., CY 2026 est. and PY 2025 actual', () => {
    const r = runEngine(
      minimalWorkbook({
        Budget: [
          ['Account', 'Amount Type', '2025 actual', '2026 est.', '2027 est.'],
          ['023-05-0110', 'Obligations', 21, 28, 38],
        ],
      }),
    );
    expect([r.summary.priorYear?.label, r.summary.currentYear?.label, r.summary.budgetYear?.label]).toEqual([
      '2025 actual',
      '2026 est.',
      '2027 est.',
    ]);
    expect(rowsOf(r, 'ResourcesByGoal').find((x) => x.Level === 'Total')?.['Change BY vs CY']).toBe(10);
  });

  test('Given Settings Budget Year, when it is earlier than the latest column, then BY and CY follow the setting', () => {
    const r = runEngine(
      minimalWorkbook({
        Settings: [
          ['Setting', 'Value'],
          ['Budget Year', 2024],
        ],
        Budget: [
          ['Account', 'Amount Type', 'FY2023', 'FY2024', 'FY2025'],
          ['023-05-0110', 'Obligations', 1, 2, 3],
        ],
      }),
    );
    expect([r.summary.currentYear?.label, r.summary.budgetYear?.label]).toEqual(['FY2023', 'FY2024']);
  });

  test('Given the same year and version twice ("FY2024 Enacted" and "2024 enacted"), when read, then the second column is an error at its header', () => {
    const r = runEngine(
      minimalWorkbook({
        Budget: [
          ['Account', 'FY2024 Enacted', '2024 enacted'],
          ['023-05-0110', 1000, 2000],
        ],
      }),
    );
    expect(placesOf(r.issues, 'BUDGET_SERIES_DUPLICATE')).toEqual(['Budget!C1']);
    expect(r.summary.budgetTotals.map((t) => [t.series, t.amount])).toEqual([['FY2024 Enacted', 1000]]);
  });

  test('Given the long form with a Version column, when read, then each year and version is its own series', () => {
    const { model, issues } = readWorkbook(
      minimalWorkbook({
        Budget: [
          ['Account', 'Fiscal Year', 'Version', 'Amount'],
          ['023-05-0110', 2024, 'Enacted', 1000],
          ['023-05-0110', 2024, 'CR', 900],
          ['023-05-0110', 2025, 'Request', 1200],
        ],
      }),
    );
    expect(issues).toEqual([]);
    expect(model.series.map((s) => [s.label, s.kind])).toEqual([
      ['FY2024 Enacted', 'Enacted'],
      ['FY2024 CR', 'CR'],
      ['FY2025 Request', 'Request'],
    ]);
    expect(model.budget[0]?.amounts.map((a) => [model.series[a.series]?.label, a.value])).toEqual([
      ['FY2024 Enacted', 100000],
      ['FY2024 CR', 90000],
      ['FY2025 Request', 120000],
    ]);
  });
});

describe('receipts and intra-agency amounts', () => {
  const result = runEngine(
    minimalWorkbook({
      ...GOALS,
      Budget: [
        ['Account', 'Account Title', 'Amount Type', 'Line Type', 'FY2018'],
        ['023-05-0110', 'Operating Expenses', 'Obligations', '', 1000],
        ['023-00-322000', 'Offsetting receipts', 'Obligations', 'Receipt', -70],
        ['023-00-322000', 'Offsetting receipts', 'Obligations', 'Offsetting receipts', -30],
        ['023-10-4540', 'Working Capital Fund', 'Obligations', 'Intra-agency', 250],
      ],
      Crosswalk: [
        ['Account', 'Objective ID', 'Share'],
        ['023-05-0110', '1.1', '100%'],
      ],
    }),
  );
  const rbg = rowsOf(result, 'ResourcesByGoal');

  test('Given receipt lines with no Crosswalk row, when crosswalked, then no unmapped warning and they sit on their own row', () => {
    expect(issuesWith(result.issues, 'BUDGET_LINE_UNMAPPED')).toEqual([]);
    expect(rbg.find((r) => r.Level === 'Receipts')).toMatchObject({
      Name: 'Offsetting receipts, not allocated',
      FY2018: -100,
    });
    expect(rbg.find((r) => r.Level === 'Unmapped')).toBeUndefined();
  });

  test('Given an intra-agency line, when crosswalked, then it is eliminated on its own row and kept out of goal totals', () => {
    expect(rbg.find((r) => r.Level === 'Eliminations')).toMatchObject({
      Name: 'Intra-agency, eliminated',
      FY2018: 250,
    });
    expect(rbg.filter((r) => r.Level === 'Goal').map((r) => r.FY2018)).toEqual([1000, 0]);
  });

  test('Given receipts and eliminations, when totalled, then Total = goals + Unmapped + receipts + eliminations = the Budget total', () => {
    expect(rbg.find((r) => r.Level === 'Total')?.FY2018).toBe(1000 - 100 + 250);
    expect(result.summary.budgetTotals).toEqual([
      { amountType: 'Obligations', series: 'FY2018', year: 2018, amount: 1150 },
    ]);
    const detail = rowsOf(result, 'CrosswalkDetail');
    expect(detail.map((r) => [r.Account, r['Mapped To'], r.FY2018])).toEqual([
      ['023-05-0110', 'Objective 1.1', 1000],
      ['023-00-322000', 'Offsetting receipts, not allocated', -70],
      ['023-00-322000', 'Offsetting receipts, not allocated', -30],
      ['023-10-4540', 'Intra-agency, eliminated', 250],
    ]);
  });

  test('Given an "All" scenario cut, when applied, then receipt and intra-agency lines never change', () => {
    const r = runEngine(
      minimalWorkbook({
        ...GOALS,
        Budget: [
          ['Account', 'Amount Type', 'Line Type', 'FY2018'],
          ['023-05-0110', 'Obligations', '', 1000],
          ['023-00-322000', 'Obligations', 'Receipt', -100],
          ['023-10-4540', 'Obligations', 'Intra-agency', 250],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ['023-05-0110', '1.1', '100%'],
        ],
        Scenarios: [
          ['Scenario', 'Scope', 'Key', 'Change'],
          ['Cut', 'All', '', '-10%'],
        ],
      }),
    );
    expect(r.summary.scenarios.map((s) => [s.name, s.fundingChange])).toEqual([['Cut', -100]]);
  });

  test('Given a Line Type that is not in the contract, when read, then it is an error at its cell', () => {
    const r = runEngine(
      minimalWorkbook({
        Budget: [
          ['Account', 'Line Type', 'FY2018'],
          ['023-05-0110', 'Transfer', 1000],
        ],
      }),
    );
    expect(placesOf(r.issues, 'VALUE_NOT_ALLOWED')).toEqual(['Budget!B2']);
  });

  test('Given the same line as Direct and Reimbursable, when read, then they are two lines, not a duplicate', () => {
    const r = runEngine(
      minimalWorkbook({
        Budget: [
          ['Account', 'Funding Type', 'Amount Type', 'FY2018'],
          ['023-05-0110', 'Direct', 'Obligations', 1000],
          ['023-05-0110', 'R', 'Obligations', 300],
        ],
      }),
    );
    expect(issuesWith(r.issues, 'DUPLICATE_BUDGET_LINE')).toEqual([]);
    expect(rowsOf(r, 'CrosswalkDetail').map((x) => [x['Funding Type'], x.FY2018])).toEqual([
      ['Direct', 1000],
      ['Reimbursable', 300],
    ]);
  });
});

describe('recast crosswalks: rows for one fiscal year', () => {
  const result = runEngine(
    minimalWorkbook({
      ...GOALS,
      Budget: [
        ['Account', 'Amount Type', 'FY2024 Actual', 'FY2025 Enacted', 'FY2026 Request'],
        ['023-05-0110', 'Obligations', 100, 200, 300],
      ],
      Crosswalk: [
        ['Account', 'Objective ID', 'Share', 'Fiscal Year', 'Basis'],
        ['023-05-0110', '1.1', '100%', null, 'Old plan'],
        ['023-05-0110', '1.1', '40%', 2026, 'New plan'],
        ['023-05-0110', '2.1', '60%', 'FY2026', 'New plan'],
      ],
    }),
  );

  test('Given dated rows for FY2026, when crosswalked, then FY2026 uses them and the other years the undated rows', () => {
    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const rbg = rowsOf(result, 'ResourcesByGoal');
    const objective = (id: string) => rbg.find((r) => r['Objective ID'] === id);
    expect(objective('1.1')).toMatchObject({
      'FY2024 Actual': 100,
      'FY2025 Enacted': 200,
      'FY2026 Request': 120,
    });
    expect(objective('2.1')).toMatchObject({
      'FY2024 Actual': 0,
      'FY2025 Enacted': 0,
      'FY2026 Request': 180,
    });
  });

  test("Given a recast year, when the detail is written, then that year's amounts sit on rows with that year's Rule", () => {
    const detail = rowsOf(result, 'CrosswalkDetail');
    expect(
      detail.map((r) => [
        r['Objective ID'],
        r['FY2024 Actual'],
        r['FY2025 Enacted'],
        r['FY2026 Request'],
        r.Rule,
      ]),
    ).toEqual([
      ['1.1', 100, 200, null, 'Crosswalk!A2'],
      ['1.1', null, null, 120, 'Crosswalk!A3'],
      ['2.1', null, null, 180, 'Crosswalk!A4'],
    ]);
  });

  test('Given a Fiscal Year that is not a year, when read, then the row is an error at that cell', () => {
    const r = runEngine(
      minimalWorkbook({
        Crosswalk: [
          ['Account', 'Objective ID', 'Share', 'Fiscal Year'],
          ['023-05-0110', '1.1', '100%', 'next year'],
        ],
      }),
    );
    expect(placesOf(r.issues, 'YEAR_INVALID')).toEqual(['Crosswalk!D2']);
  });
});

describe('the cost basis and what titles call it', () => {
  const withTypes = (types: string[], account = '023-05-0110') =>
    runEngine(
      minimalWorkbook({
        Budget: [['Account', 'Amount Type', 'FY2018'], ...types.map((t, i) => [account, t, 1000 + i])],
      }),
    );

  test('Given Budget Authority, Obligations and Expenses, when no Cost Basis is set, then Expenses is the basis and titles say full cost', () => {
    const r = withTypes(['BA', 'Obligations', 'Expenses']);
    expect(r.summary.costBasis).toBe('Expenses');
    expect(r.summary.costLabel).toBe('full cost (expenses)');
    expect(r.tables.find((t) => t.name === 'ResourcesByGoal')?.title).toContain(
      'Full Cost by Strategic Goal (dollars; cost basis Expenses',
    );
    expect(r.tables.find((t) => t.name === 'CostPerOutcome')?.title).toContain('full cost (expenses)');
  });

  test('Given Gross Budget Authority and Budget Authority, when no Cost Basis is set, then gross is preferred and titles say resources, not full cost', () => {
    const r = withTypes(['BA', 'Gross BA']);
    expect(r.summary.costBasis).toBe('Gross Budget Authority');
    const title = r.tables.find((t) => t.name === 'ResourcesByGoal')?.title ?? '';
    expect(title).toContain('Resources by Strategic Goal (dollars; cost basis Gross Budget Authority');
    expect(title.toLowerCase()).not.toContain('full cost');
    const cost = r.tables.find((t) => t.name === 'CostPerOutcome')?.title ?? '';
    expect(cost).toContain('resources (gross budget authority)');
    expect(cost).not.toContain('full cost');
  });

  test('Given a revolving fund (main account 4542) and net budget authority as the basis, when run, then one warning says net understates what it spends', () => {
    const r = withTypes(['BA'], '023-05-4542');
    expect(issuesWith(r.issues, 'COST_BASIS_NET')).toHaveLength(1);
    expect(issuesWith(r.issues, 'COST_BASIS_NET')[0]?.message).toMatch(/Obligations/);
    expect(issuesWith(withTypes(['BA', 'Obligations'], '023-05-4542').issues, 'COST_BASIS_NET')).toEqual([]);
  });

  test('Given a negative spending line in net outlays, when Outlays is the basis, then the net-basis warning names the account', () => {
    const r = runEngine(
      minimalWorkbook({
        Budget: [
          ['Account', 'Amount Type', 'FY2018'],
          ['023-05-0110', 'Outlays', 1000],
          ['023-10-0200', 'Outlays', -40],
        ],
      }),
    );
    expect(issuesWith(r.issues, 'COST_BASIS_NET').map((i) => i.message)).toEqual([
      expect.stringContaining('023-10-0200'),
    ]);
  });

  test('Given account identifiers in the three forms, when their main account is read, then 4000–4999 are revolving funds', () => {
    expect(['023-05-4542', '047-X-4542-000', '047-4542', '023-00-322000', '4542'].map(mainAccountOf)).toEqual(
      [4542, 4542, 4542, null, null],
    );
    expect(['023-05-4542', '004-4505-0-4-808', '023-05-0110'].map(isRevolvingFund)).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('many rows with one problem', () => {
  test('Given sixteen lines of one account with no Crosswalk row, when checked, then one issue lists their cells', () => {
    const rows = Array.from({ length: 16 }, (_, i) => ['023-00-322000', `00${10 + i}`, -1 - i]);
    const r = runEngine(
      minimalWorkbook({
        Budget: [['Account', 'Program Activity', 'FY2018'], ['023-05-0110', '', 1000], ...rows],
      }),
    );
    const unmapped = issuesWith(r.issues, 'BUDGET_LINE_UNMAPPED');
    expect(unmapped).toHaveLength(1);
    expect(unmapped[0]?.cell).toBe('A3');
    expect(unmapped[0]?.message).toContain('16 lines');
    expect(unmapped[0]?.message).toContain('A3, A4, A5');
  });

  test('Given "TBD" in 25 amount cells, when read, then one issue at the first cell lists 20 others and how many more', () => {
    const rows = Array.from({ length: 25 }, (_, i) => [`023-05-${1000 + i}`, 'TBD']);
    const r = runEngine(minimalWorkbook({ Budget: [['Account', 'FY2018'], ...rows] }));
    const invalid = issuesWith(r.issues, 'AMOUNT_INVALID');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.cell).toBe('B2');
    expect(invalid[0]?.message).toContain('24 more cells');
    expect(invalid[0]?.message).toContain('and 4 more');
  });

  test('Given 130,000 budget lines that no Crosswalk row matches, when run, then it completes and the Issues table stays readable', () => {
    const rows = Array.from({ length: 130_000 }, (_, i) => [`023-${String(i).padStart(6, '0')}`, 1]);
    const r = runEngine(minimalWorkbook({ Budget: [['Account', 'FY2018'], ...rows] }));
    const unmapped = issuesWith(r.issues, 'BUDGET_LINE_UNMAPPED');
    expect(unmapped).toHaveLength(200);
    const more = issuesWith(r.issues, 'ISSUES_NOT_LISTED');
    expect(more.map((i) => i.message)).toEqual([expect.stringContaining('129800 more issues')]);
    expect(rowsOf(r, 'ResourcesByGoal').find((x) => x.Level === 'Unmapped')?.FY2018).toBe(130_000);
  });
});

describe('accounts and program activities as budget offices type them', () => {
  const mapped = (budgetAccount: string, crosswalkAccount: string, pa = '', crosswalkPa = '') =>
    rowsOf(
      runEngine(
        minimalWorkbook({
          Budget: [
            ['Account', 'Program Activity', 'Program Activity Title', 'Amount Type', 'FY2018'],
            [budgetAccount, pa, pa ? 'Leasing' : '', 'Obligations', 1000],
          ],
          Crosswalk: [
            ['Account', 'Program Activity', 'Objective ID', 'Share'],
            [crosswalkAccount, crosswalkPa, '1.1', '100%'],
          ],
        }),
      ),
      'CrosswalkDetail',
    ).map((r) => r['Mapped To']);

  test('Given a Budget by TAS, when the Crosswalk names the TAS in other capitals or its federal account, padded or not, then the line is mapped', () => {
    expect(mapped('047-X-4542-000', ' 047-x-4542-000 ')).toEqual(['Objective 1.1']);
    expect(mapped('047-X-4542-000', '047-4542')).toEqual(['Objective 1.1']);
    expect(mapped('047-X-4542-000', '47-4542')).toEqual(['Objective 1.1']);
    expect(mapped('047-X-4542-000', '047-4543')).toEqual(['Unmapped']);
  });

  test('Given an OMB account, when the Crosswalk names a federal account with the same digits, then it is not taken for it', () => {
    expect(mapped('023-05-4542', '023-4542')).toEqual(['Unmapped']);
  });

  test('Given a program activity code, when the Crosswalk names it as Excel shows a number, or by its title, then it matches', () => {
    expect(mapped('023-05-0110', '023-05-0110', '0001', '1')).toEqual(['Objective 1.1']);
    expect(mapped('023-05-0110', '023-05-0110', '0001', 'leasing')).toEqual(['Objective 1.1']);
    expect(mapped('023-05-0110', '023-05-0110', '0001', '0002')).toEqual(['Unmapped']);
  });
});
