import type { GridTable, WorkbookGrids } from '../../../models';
import { runEngine } from '../../../server/engine';
import { readDataAct } from '../../../server/engine/dataAct';
import { DEFAULT_SETTINGS } from '../../../server/engine/read/settings';
import { readWorkbook } from '../../../server/engine/read';
import { grid } from '../../helpers/workbook';
import { aRow, bRow, type Cells, sheetOf } from './fixtures';

/** The intake as the reader runs it: the Budget derived from File B, the submission period, and the TieOut table. */

const FBF = {
  AgencyIdentifier: '047',
  AvailabilityTypeCode: 'X',
  MainAccountCode: '4542',
  SubAccountCode: '000',
};
const settings = (...rows: [string, string | number][]) => grid('Settings', [['Setting', 'Value'], ...rows]);
const book = (...tables: GridTable[]): WorkbookGrids => ({ tables });

const fileB: Cells[] = [
  bRow({ ...FBF, ProgramActivityCode: '0001', ProgramActivityName: 'Rental of Space', ObjectClass: '2320', ByDirectReimbursableFundingSource: 'R', ObligationsIncurredByProgramObjectClass_CPE: '-1250000.00', GrossOutlayAmountByProgramObjectClass_CPE: '-1100000.00' }),
  bRow({ ...FBF, ProgramActivityCode: '0001', ProgramActivityName: 'Rental of Space', ObjectClass: '232', ByDirectReimbursableFundingSource: 'R', DisasterEmergencyFundCode: 'Z', ObligationsIncurredByProgramObjectClass_CPE: '-50000.01', GrossOutlayAmountByProgramObjectClass_CPE: '-40000.00' }),
  bRow({ ...FBF, ProgramActivityCode: '0002', ProgramActivityName: 'Building Operations', ObjectClass: '252', ByDirectReimbursableFundingSource: 'D', ObligationsIncurredByProgramObjectClass_CPE: '0', GrossOutlayAmountByProgramObjectClass_CPE: '-95.50' }),
  bRow({ ...FBF, ProgramActivityCode: '0002', ProgramActivityName: 'Building Operations', ObjectClass: '252', PriorYearAdjustment: 'B', ObligationsIncurredByProgramObjectClass_CPE: '-5000.00' }),
  bRow({ ...FBF, ProgramActivityCode: '0003', ProgramActivityName: 'Nothing Yet', ObjectClass: '000' }),
]; // prettier-ignore
const fileA: Cells[] = [
  aRow({
    ...FBF,
    ObligationsIncurredTotalByTAS_CPE: '1300000.01',
    GrossOutlayAmountByTAS_CPE: '-1140095.50',
  }),
];

describe('the Budget derived from File B', () => {
  const derived = () =>
    readDataAct(
      book(settings(['Submission Period', 'FY2024P12']), sheetOf('File B', fileB)),
      DEFAULT_SETTINGS,
      [],
    );

  it('Given File B and no Budget, then one line per TAS × program activity × object class × D/R and amount type, PYA X only, DEFC rows added, spending positive', () => {
    const budget = derived().grids.tables.find((t) => t.name === 'Budget');
    expect(budget?.sheet).toBe('File B');
    expect(budget?.header).toEqual([
      'Account',
      'Account Title',
      'Program Activity',
      'Program Activity Title',
      'Object Class',
      'Funding Type',
      'Amount Type',
      'FY2024 Actual',
    ]);
    const lines = budget?.rows.filter((r) => r.length > 0);
    expect(lines).toEqual([
      ['047-X-4542-000', '', '0001', 'Rental of Space', '232', 'Reimbursable', 'Obligations', 1300000.01],
      ['047-X-4542-000', '', '0002', 'Building Operations', '252', 'Direct', 'Gross Outlays', 95.5],
      ['047-X-4542-000', '', '0001', 'Rental of Space', '232', 'Reimbursable', 'Gross Outlays', 1140000],
    ]);
  });

  it('Given the derived grid, then an Obligations line sits on its first File B row and a second line below the data', () => {
    const rows = derived().grids.tables.find((t) => t.name === 'Budget')?.rows ?? [];
    expect(rows.map((r) => r.length > 0)).toEqual([true, false, true, false, false, true]);
  });

  it('Given TAS interleaved in File B, then the Gross Outlays lines below the data follow their first File B rows', () => {
    const other = { ...FBF, MainAccountCode: '0200' };
    const amounts = {
      ObligationsIncurredByProgramObjectClass_CPE: '-1',
      GrossOutlayAmountByProgramObjectClass_CPE: '-2',
    };
    const interleaved = [
      bRow({ ...FBF, ProgramActivityCode: '0001', ObjectClass: '252', ...amounts }),
      bRow({ ...other, ProgramActivityCode: '0001', ObjectClass: '252', ...amounts }),
      bRow({ ...FBF, ProgramActivityCode: '0002', ObjectClass: '252', ...amounts }),
    ];
    const out = readDataAct(
      book(settings(['Submission Period', 'FY2024P12']), sheetOf('File B', interleaved)),
      DEFAULT_SETTINGS,
      [],
    );
    const rows = out.grids.tables.find((t) => t.name === 'Budget')?.rows ?? [];
    expect(rows.map((r) => (r.length > 0 ? `${String(r[0])} ${String(r[2])} ${String(r[6])}` : ''))).toEqual([
      '047-X-4542-000 0001 Obligations',
      '047-X-0200-000 0001 Obligations',
      '047-X-4542-000 0002 Obligations',
      '047-X-4542-000 0001 Gross Outlays',
      '047-X-0200-000 0001 Gross Outlays',
      '047-X-4542-000 0002 Gross Outlays',
    ]);
  });

  it("Given the workbook read, then the Budget's Obligations total is File B's PYA X obligations to the cent, sign reversed", () => {
    const { model } = readWorkbook(
      book(settings(['Submission Period', 'FY2024P12']), sheetOf('File B', fileB)),
    );
    const total = (type: string) =>
      model.budget.filter((l) => l.amountType === type).reduce((s, l) => s + (l.amounts[0]?.value ?? 0), 0);
    expect(model.moneyDecimals).toBe(2);
    expect(total('Obligations')).toBe(130000001);
    expect(total('Gross Outlays')).toBe(114009550);
    expect(model.series.map((s) => s.label)).toEqual(['FY2024 Actual']);
    expect(model.found.Budget).toEqual({ sheet: 'File B', source: 'sheet' });
  });

  it('Given Units in Thousands, then the amounts move exactly into thousands, cents kept', () => {
    const { model } = readWorkbook(
      book(settings(['Submission Period', 'FY2024P12'], ['Units', 'Thousands']), sheetOf('File B', fileB)),
    );
    const obligations = model.budget.filter((l) => l.amountType === 'Obligations');
    expect(model.moneyDecimals).toBe(5);
    expect(obligations.map((l) => l.amounts[0]?.value)).toEqual([130000001]);
  });

  it('Given a Budget table with rows, then it is used and File B is only checked', () => {
    const budget = grid('Budget', [
      ['Account', 'FY2024'],
      ['047-X-4542-000', 5],
    ]);
    const out = readDataAct(book(budget, sheetOf('File B', fileB)), DEFAULT_SETTINGS, []);
    expect(out.grids.tables.filter((t) => t.name === 'Budget')).toEqual([budget]);
    expect(out.tieOut).toEqual([]);
  });

  it("Given the template's empty Budget table, then the derived Budget takes its place", () => {
    const empty = grid('Budget', [['Account', 'FY2024']], { source: 'table', topLeft: 'A3' });
    const out = readDataAct(
      book(empty, settings(['Submission Period', 'FY2024P12']), sheetOf('File B', fileB)),
      DEFAULT_SETTINGS,
      [],
    );
    expect(out.grids.tables.filter((t) => t.name === 'Budget').map((t) => t.sheet)).toEqual(['File B']);
  });
});

describe('the submission period', () => {
  const header = (...rows: [string, string | number][]) => {
    const issues: import('../../../models').Issue[] = [];
    const out = readDataAct(book(settings(...rows), sheetOf('File B', fileB)), { ...DEFAULT_SETTINGS, budgetYear: 2025 }, issues);
    return { header: out.grids.tables.find((t) => t.name === 'Budget')?.header.at(-1), issues };
  }; // prettier-ignore

  it('Given a period before P12, then the column is labelled as actuals through that period', () => {
    expect(header(['Submission Period', 'FY2024P06']).header).toBe('FY2024 Actual through P06');
    expect(header(['Submission Period', 'FY24Q2']).header).toBe('FY2024 Actual through Q2');
  });

  it('Given no period anywhere, then the Budget Year setting, period 12, and a note', () => {
    const { header: h, issues } = header(['Agency', 'GSA']);
    expect(h).toBe('FY2025 Actual');
    expect(issues.map((i) => i.code)).toEqual([
      'DATA_ACT_CROSS_FILE_SKIPPED',
      'DATA_ACT_PERIOD_ASSUMED',
      'DATA_ACT_BUDGET_DERIVED',
    ]);
  });

  it('Given a period that cannot be read, then a warning at its cell, and the Budget Year is used', () => {
    const { header: h, issues } = header(['Submission Period', 'June 2024']);
    expect(h).toBe('FY2025 Actual');
    expect(issues[0]).toMatchObject({ code: 'DATA_ACT_PERIOD_INVALID', sheet: 'Settings', cell: 'B2' });
  });

  it('Given neither a period nor a Budget Year, then no Budget is derived and the error says what to set', () => {
    const { model, issues } = readWorkbook(book(sheetOf('File B', fileB)));
    expect(model.budget).toEqual([]);
    expect(issues.map((i) => i.code)).toContain('DATA_ACT_PERIOD_UNKNOWN');
  });

  it('Given the Submission Period setting, then Settings does not call it unknown', () => {
    const { issues } = readWorkbook(
      book(settings(['Submission Period', 'FY2024P12']), sheetOf('File B', fileB)),
    );
    expect(issues.filter((i) => i.code === 'SETTING_UNKNOWN')).toEqual([]);
  });

  it('Given a download spanning two periods, then only the latest period is used and the rest are counted', () => {
    const rows = [
      { submission_period: 'FY2024P09', ...usaspending('1000.00') },
      { submission_period: 'FY2024P12', ...usaspending('1500.00') },
      { submission_period: 'FY2024P09', ...usaspending('400.00', '121') },
    ];
    const issues: import('../../../models').Issue[] = [];
    const out = readDataAct(book(sheetOf('File B', rows)), DEFAULT_SETTINGS, issues);
    const budget = out.grids.tables.find((t) => t.name === 'Budget');
    expect(budget?.header.at(-1)).toBe('FY2024 Actual');
    expect(budget?.rows.filter((r) => r.length > 0).map((r) => r.at(-1))).toEqual([1500]);
    expect(issues.find((i) => i.code === 'DATA_ACT_PERIODS_MIXED')?.message).toContain(
      '2 other rows are left out',
    );
  });
});

function usaspending(obligations: string, objectClass = '252'): Cells {
  return {
    treasury_account_symbol: '047-X-4542-000',
    program_activity_code: '0001',
    object_class_code: `${objectClass.slice(0, 2)}.${objectClass.slice(2)}`,
    direct_or_reimbursable_funding_source: 'D',
    obligations_incurred: obligations,
  };
}

describe('the TieOut table', () => {
  it('Given File A and File B with a finding, then the engine writes TieOut with it and Issues names its cell', () => {
    const wrong = [aRow({ ...FBF, ObligationsIncurredTotalByTAS_CPE: '1.00', GrossOutlayAmountByTAS_CPE: '-1140095.50' })];
    const result = runEngine(book(settings(['Submission Period', 'FY2024P12']), sheetOf('File A', wrong), sheetOf('File B', fileB)));
    const tieOut = result.tables.find((t) => t.name === 'TieOut');
    expect(tieOut?.columns.map((c) => c.name)).toEqual(['Rule', 'Severity', 'File', 'Row', 'TAS', 'Field', 'Value', 'Expected', 'Difference', 'Message']);
    expect(tieOut?.rows.map((r) => r.slice(0, 9))).toEqual([
      ['A19', 'Warning', 'File A', 2, '047-X-4542-000', 'ObligationsIncurredTotalByTAS_CPE', 1, 1300000.01, -1299999.01],
    ]);
    expect(tieOut?.links).toEqual(["'File A'!F2"]);
    expect(result.issues.find((i) => i.code === 'DATA_ACT_A19')).toMatchObject({ sheet: 'File A', cell: 'F2' });
  }); // prettier-ignore

  it('Given a pair that ties out, then TieOut is there with no rows', () => {
    const result = runEngine(book(settings(['Submission Period', 'FY2024P12']), sheetOf('File A', fileA), sheetOf('File B', fileB)));
    expect(result.tables.find((t) => t.name === 'TieOut')?.rows).toEqual([]);
    expect(result.issues.filter((i) => i.code.startsWith('DATA_ACT_') && i.severity !== 'info')).toEqual([]);
  }); // prettier-ignore

  it('Given File A alone, then its own rules run and a note says the cross-file rules did not', () => {
    const { model, issues } = readWorkbook(book(sheetOf('File A', [...fileA, ...fileA])));
    expect(model.tieOut?.map((f) => f.rule)).toEqual(['A32', 'A32']);
    expect(issues.map((i) => i.code)).toContain('DATA_ACT_CROSS_FILE_SKIPPED');
  });

  it('Given no File A or File B (or only their empty template tables), then there is no TieOut', () => {
    const emptyA = grid('File A', [['AgencyIdentifier', 'MainAccountCode']], {
      source: 'table',
      sheet: 'File A',
    });
    expect(readWorkbook(book(emptyA)).model.tieOut).toBeUndefined();
    expect(runEngine(book(emptyA)).tables.map((t) => t.name)).not.toContain('TieOut');
  });
});
