import type { Issue } from '../../../models';
import { matchColumns } from '../../../server/engine/dataAct/columns';
import { plainText } from '../../../server/engine/dataAct/exact';
import { readFileA, readFileB } from '../../../server/engine/dataAct/files';
import { FILE_A_FIELDS, FILE_B_FIELDS } from '../../../server/engine/dataAct/reference/fields';
import { normalizeName } from '../../../server/engine/read/cells';
import { sheetOf } from './fixtures';

/** Reading File A and File B: the header forms, padding, object class forms, exact amounts and sign flips. */

describe('header forms', () => {
  it('Given every header form of every field, then no two fields of a file share a name', () => {
    for (const fields of [FILE_A_FIELDS, FILE_B_FIELDS]) {
      const owner = new Map<string, string>();
      for (const f of fields) {
        for (const name of [f.element, f.short, f.download ?? ''].filter(Boolean)) {
          const key = normalizeName(name);
          const other = owner.get(key);
          expect(other === undefined || other === f.element).toBe(true);
          owner.set(key, f.element);
        }
      }
    }
  });

  it("Given element names, the broker's lower-case names and short names in any case, then each finds its field", () => {
    const header = [
      'ObligationsIncurredByProgramObjectClass_CPE',
      'grossoutlayamountbyprogramobjectclass_cpe',
      'PRIOR_YEAR_ADJUSTMENT',
      'Agency_Identifier',
    ];
    const columns = matchColumns('B', header);
    expect([...columns.index.entries()]).toEqual([
      ['ObligationsIncurredByProgramObjectClass_CPE', 0],
      ['GrossOutlayAmountByProgramObjectClass_CPE', 1],
      ['PriorYearAdjustment', 2],
      ['AgencyIdentifier', 3],
    ]);
    expect(columns.download).toBe(false);
    expect(columns.flipped.size).toBe(0);
  });

  it("Given USAspending's headers, then the file is a download and every File B amount is flipped", () => {
    const columns = matchColumns('B', [
      'obligations_incurred',
      'gross_outlay_amount_FYB_to_period_end',
      'program_activity_code',
    ]);
    expect(columns.download).toBe(true);
    expect([...columns.flipped]).toEqual([
      'ObligationsIncurredByProgramObjectClass_CPE',
      'GrossOutlayAmountByProgramObjectClass_CPE',
    ]);
  });

  it("Given USAspending's File A, then only gross outlays are flipped", () => {
    const columns = matchColumns('A', ['gross_outlay_amount', 'obligations_incurred', 'unobligated_balance']);
    expect([...columns.flipped]).toEqual(['GrossOutlayAmountByTAS_CPE']);
  });

  it('Given the two FYB columns USAspending fills from CPE values, then a download does not read them; a broker file does', () => {
    const quirks = [
      'obligations_delivered_orders_unpaid_total_FYB',
      'gross_outlays_undelivered_orders_prepaid_total_FYB',
    ];
    expect([...matchColumns('B', ['obligations_incurred', ...quirks]).index.keys()]).toEqual([
      'ObligationsIncurredByProgramObjectClass_CPE',
    ]);
    expect(matchColumns('B', quirks).index.size).toBe(2);
  });

  it('Given a download header that reads like an element name (an FYB USSGL), then in a download it is flipped', () => {
    const header = ['USSGL480100_undelivered_orders_obligations_unpaid_FYB'];
    expect(matchColumns('B', header).flipped.size).toBe(0);
    expect([...matchColumns('B', ['obligations_incurred', ...header]).flipped]).toEqual([
      'ObligationsIncurredByProgramObjectClass_CPE',
      'USSGL480100_UndeliveredOrdersObligationsUnpaid_FYB',
    ]);
  });

  it("Given only USAspending's written-out TAS among the identifiers, then the file is a download", () => {
    expect(matchColumns('A', ['treasury_account_symbol', 'gross_outlay_amount']).download).toBe(true);
  });
});

describe('rows', () => {
  it('Given identifiers as Excel shows numbers, then they are padded as the broker pads them', () => {
    const issues: Issue[] = [];
    const b = readFileB(
      sheetOf('File B', [
        {
          AllocationTransferAgencyIdentifier: 11,
          AgencyIdentifier: 47,
          BeginningPeriodOfAvailability: 2024,
          EndingPeriodOfAvailability: 2025,
          MainAccountCode: 110,
          SubAccountCode: 0,
          ProgramActivityCode: 7,
          ObjectClass: 25.2,
          PriorYearAdjustment: 'X',
          ObligationsIncurredByProgramObjectClass_CPE: -5,
          GrossOutlayAmountByProgramObjectClass_CPE: -1,
          DeobligationsRecoveriesRefundsdOfPriorYearByProgramObjectClass_CPE: 0,
        },
      ]),
      issues,
    );
    expect(issues).toEqual([]);
    expect(b.rows[0]).toMatchObject({
      tas: '011-047-2024/2025-0110-000',
      paCode: '0007',
      objectClass: '252',
    });
  });

  it("Given USAspending's written-out TAS and no components, then the TAS is read from it", () => {
    const a = readFileA(
      sheetOf('File A', [
        { treasury_account_symbol: '047-X-4542-000', gross_outlay_amount: '10', obligations_incurred: '1' },
      ]),
      [],
    );
    expect(a.rows[0]?.tas).toBe('047-X-4542-000');
    expect(plainText(a.rows[0]?.grossOutlays ?? { units: 0n, scale: 0 })).toBe('-10');
  });

  it('Given amounts as text in every form the reader accepts, then they are read exactly', () => {
    const issues: Issue[] = [];
    const rows = ['-1234.56', '(1,234.56)', '-$1,234.56', -1234.56, '-1234.560'].map((v) => ({
      AgencyIdentifier: '047',
      MainAccountCode: '4542',
      SubAccountCode: '000',
      ObligationsIncurredByProgramObjectClass_CPE: v,
    }));
    const b = readFileB(sheetOf('File B', rows), issues);
    expect(b.rows.map((r) => plainText(r.obligations))).toEqual(Array(5).fill('-1234.56'));
  });

  it('Given a value that is not an amount, then it is reported at its cell and counts as $0', () => {
    const issues: Issue[] = [];
    const b = readFileB(
      sheetOf('File B', [
        { AgencyIdentifier: '047', MainAccountCode: '4542', SubAccountCode: '000', PriorYearAdjustment: 'X', ObjectClass: '252', ObligationsIncurredByProgramObjectClass_CPE: 'TBD', GrossOutlayAmountByProgramObjectClass_CPE: '1', DeobligationsRecoveriesRefundsdOfPriorYearByProgramObjectClass_CPE: '0', USSGL480100_UndeliveredOrdersObligationsUnpaid_CPE: 'n.a.' },
      ]),
      issues,
    ); // prettier-ignore
    expect(issues.map((i) => [i.code, `${i.sheet}!${i.cell}`])).toEqual([
      ['DATA_ACT_AMOUNT_INVALID', 'File B!F2'],
      ['DATA_ACT_AMOUNT_INVALID', 'File B!I2'],
    ]);
    expect(plainText(b.rows[0]?.obligations ?? { units: 1n, scale: 0 })).toBe('0');
  });

  it('Given a row without agency or main account, then it is reported and has no TAS', () => {
    const issues: Issue[] = [];
    const b = readFileB(
      sheetOf('File B', [
        { AgencyIdentifier: '047', MainAccountCode: '4542', SubAccountCode: '000', PriorYearAdjustment: 'X' },
        { AgencyIdentifier: null, MainAccountCode: '4542', SubAccountCode: '000', PriorYearAdjustment: 'X' },
      ]),
      issues,
    );
    expect(b.rows.map((r) => r.tas)).toEqual(['047-4542-000', '']);
    expect(issues.filter((i) => i.code === 'DATA_ACT_TAS_MISSING').map((i) => i.cell)).toEqual(['A3']);
  });

  it('Given blank rows between data rows, then they are skipped and later rows keep their own row numbers', () => {
    const grid = sheetOf('File A', [
      { AgencyIdentifier: '047', MainAccountCode: '4542', SubAccountCode: '000' },
    ]);
    grid.rows.unshift([null, '  ', null]);
    const a = readFileA(grid, []);
    expect(a.rows.map((r) => r.index)).toEqual([1]);
  });
});
