import { type Finding, toIssue, toTieOut } from '../../../server/engine/dataAct/findings';
import { aRow, bRow, numberOfFindings, OTHER_TAS, tieOut } from './fixtures';

/** A18, A19, A35: File A's balance for a TAS against the sum of File B's PYA X rows for it. */

const ussgl = (each: string) => ({
  USSGL487100_DownwardAdjustmentsOfPriorYearUnpaidUndeliveredOrdersObligationsRecoveries_CPE: each,
  USSGL497100_DownwardAdjustmentsOfPriorYearUnpaidDeliveredOrdersObligationsRecoveries_CPE: each,
  USSGL487200_DownwardAdjustmentsOfPriorYearPrepaidAdvancedUndeliveredOrdersObligationsRefundsCollected_CPE:
    each,
  USSGL497200_DownwardAdjustmentsOfPriorYearPaidDeliveredOrdersObligationsRefundsCollected_CPE: each,
});

describe('A18: File A gross outlays = the sum of File B gross outlays where PYA = X', () => {
  const b = [
    bRow({ GrossOutlayAmountByProgramObjectClass_CPE: '-1500.25' }),
    bRow({ ObjectClass: '111', GrossOutlayAmountByProgramObjectClass_CPE: '-499.75' }),
  ];

  it('Given File A equal to the sum of two File B rows, then no finding', () => {
    expect(numberOfFindings('A18', [aRow({ GrossOutlayAmountByTAS_CPE: '-2000.00' })], b)).toBe(0);
  });

  it('Given File A different from the sum, then one finding, on the File A row, with the difference', () => {
    const run = tieOut([aRow({ GrossOutlayAmountByTAS_CPE: '-2001.00' })], b);
    const found = run.findings.filter((f) => f.rule === 'A18');
    expect(found).toHaveLength(1);
    // Column E holds GrossOutlayAmountByTAS_CPE; row 2 is the first data row under the header.
    expect(toIssue(found[0] as Finding)).toMatchObject({
      code: 'DATA_ACT_A18',
      severity: 'warning',
      sheet: 'File A',
      cell: 'E2',
    });
    expect(toTieOut(found[0] as Finding)).toMatchObject({
      rule: 'A18',
      file: 'File A',
      row: 2,
      tas: '097-X-0100-000',
      field: 'GrossOutlayAmountByTAS_CPE',
      value: -2001,
      expected: -2000,
      difference: -1,
    });
  });

  it('Given File B rows with PYA B or P, then they do not count; a lower-case x does', () => {
    const withAdjustments = [
      ...b,
      bRow({ PriorYearAdjustment: 'B', GrossOutlayAmountByProgramObjectClass_CPE: '-7.00' }),
      bRow({
        PriorYearAdjustment: 'P',
        ObjectClass: '121',
        GrossOutlayAmountByProgramObjectClass_CPE: '-3.00',
      }),
      bRow({
        PriorYearAdjustment: 'x',
        ObjectClass: '310',
        GrossOutlayAmountByProgramObjectClass_CPE: '-10.00',
      }),
    ];
    expect(numberOfFindings('A18', [aRow({ GrossOutlayAmountByTAS_CPE: '-2010.00' })], withAdjustments)).toBe(
      0,
    );
    expect(numberOfFindings('A18', [aRow({ GrossOutlayAmountByTAS_CPE: '-2020.00' })], withAdjustments)).toBe(
      1,
    );
  });

  it('Given File B rows of another TAS, then they do not count', () => {
    const other = [...b, bRow({ ...OTHER_TAS, GrossOutlayAmountByProgramObjectClass_CPE: '-99.00' })];
    expect(numberOfFindings('A18', [aRow({ GrossOutlayAmountByTAS_CPE: '-2000.00' })], other)).toBe(0);
  });

  it('Given a TAS with no PYA X row in File B, then it is not compared (A30.1 speaks for a TAS File B lacks)', () => {
    const onlyB = [bRow({ PriorYearAdjustment: 'B', GrossOutlayAmountByProgramObjectClass_CPE: '-5.00' })];
    expect(numberOfFindings('A18', [aRow({ GrossOutlayAmountByTAS_CPE: '-1.00' })], onlyB)).toBe(0);
  });

  it('Given blank amounts, then they count as $0 on both sides', () => {
    const blanks = [bRow({ GrossOutlayAmountByProgramObjectClass_CPE: null }), bRow({ ObjectClass: '111' })];
    expect(numberOfFindings('A18', [aRow({ GrossOutlayAmountByTAS_CPE: null })], blanks)).toBe(0);
    expect(numberOfFindings('A18', [aRow({ GrossOutlayAmountByTAS_CPE: '-0.01' })], blanks)).toBe(1);
  });

  it('Given amounts a float sum would get wrong, then the comparison is exact', () => {
    const tenths = [
      bRow({ GrossOutlayAmountByProgramObjectClass_CPE: '0.1' }),
      bRow({ ObjectClass: '111', GrossOutlayAmountByProgramObjectClass_CPE: '0.2' }),
    ];
    expect(numberOfFindings('A18', [aRow({ GrossOutlayAmountByTAS_CPE: '0.3' })], tenths)).toBe(0);
    expect(numberOfFindings('A18', [aRow({ GrossOutlayAmountByTAS_CPE: 0.30000000000000004 })], tenths)).toBe(
      1,
    );
    const cents = Array.from({ length: 1000 }, (_, i) =>
      bRow({ DisasterEmergencyFundCode: String(i), GrossOutlayAmountByProgramObjectClass_CPE: '0.01' }),
    );
    expect(numberOfFindings('A18', [aRow({ GrossOutlayAmountByTAS_CPE: '10.00' })], cents)).toBe(0);
  });

  it('Given one TAS on two File A rows, both wrong, then each row is compared (two findings)', () => {
    const a = [aRow({ GrossOutlayAmountByTAS_CPE: '1' }), aRow({ GrossOutlayAmountByTAS_CPE: '2' })];
    expect(numberOfFindings('A18', a, b)).toBe(2);
  });

  it('Given File A alone, then no cross-file rule runs', () => {
    const run = tieOut([aRow({ GrossOutlayAmountByTAS_CPE: '5' })], null);
    expect(run.findings).toEqual([]);
  });
});

describe('A19: File A obligations = minus the sum of File B obligations where PYA = X', () => {
  const b = [
    bRow({ ObligationsIncurredByProgramObjectClass_CPE: '-1000.10' }),
    bRow({ ObjectClass: '111', ObligationsIncurredByProgramObjectClass_CPE: '-24.90' }),
  ];

  it('Given File A equal to the negative of the sum, then no finding', () => {
    expect(numberOfFindings('A19', [aRow({ ObligationsIncurredTotalByTAS_CPE: '1025.00' })], b)).toBe(0);
  });

  it('Given File A with the same sign as File B, then one finding', () => {
    expect(numberOfFindings('A19', [aRow({ ObligationsIncurredTotalByTAS_CPE: '-1025.00' })], b)).toBe(1);
  });

  it('Given File A off by a random amount, then one finding whose expected value is the sign-reversed sum', () => {
    const run = tieOut([aRow({ ObligationsIncurredTotalByTAS_CPE: '4025.00' })], b);
    const [f] = run.findings.filter((x) => x.rule === 'A19');
    expect(f?.expected).toEqual({ units: 102500n, scale: 2 });
    expect(f?.difference).toEqual({ units: 300000n, scale: 2 });
  });

  it('Given a PYA P row, then it does not count', () => {
    const withP = [
      ...b,
      bRow({ PriorYearAdjustment: 'P', ObligationsIncurredByProgramObjectClass_CPE: '-5' }),
    ];
    expect(numberOfFindings('A19', [aRow({ ObligationsIncurredTotalByTAS_CPE: '1025' })], withP)).toBe(0);
  });
});

describe('A35: File A deobligations = the sum of File B downward adjustments where PYA = X', () => {
  it('Given two PYA X rows contributing 4 each and a row with another PYA, then File A 8 has no finding', () => {
    const b = [
      bRow({ ...ussgl('1') }),
      bRow({ ObjectClass: '111', PriorYearAdjustment: 'x', ...ussgl('1') }),
      bRow({ ObjectClass: '121', PriorYearAdjustment: 'B', ...ussgl('1') }),
    ];
    expect(
      numberOfFindings('A35', [aRow({ DeobligationsRecoveriesRefundsOfPriorYearByTAS_CPE: '8' })], b),
    ).toBe(0);
  });

  it('Given rows of another TAS and another PYA, then they do not contribute', () => {
    const b = [
      bRow({ ...ussgl('1') }),
      bRow({ ObjectClass: '111', ...ussgl('1') }),
      bRow({ ...OTHER_TAS, ...ussgl('1') }),
      bRow({ ObjectClass: '121', PriorYearAdjustment: 'P', ...ussgl('1') }),
    ];
    expect(
      numberOfFindings('A35', [aRow({ DeobligationsRecoveriesRefundsOfPriorYearByTAS_CPE: '8' })], b),
    ).toBe(0);
  });

  it('Given File A 7 against File B 8, then one finding', () => {
    const b = [bRow({ ...ussgl('1') }), bRow({ ObjectClass: '111', ...ussgl('1') })];
    expect(
      numberOfFindings('A35', [aRow({ DeobligationsRecoveriesRefundsOfPriorYearByTAS_CPE: '7' })], b),
    ).toBe(1);
  });

  it('Given a File B without the USSGL columns, then its deobligations column is summed instead', () => {
    const b = [
      bRow({ DeobligationsRecoveriesRefundsdOfPriorYearByProgramObjectClass_CPE: '2.50' }),
      bRow({
        ObjectClass: '111',
        DeobligationsRecoveriesRefundsdOfPriorYearByProgramObjectClass_CPE: '0.50',
      }),
    ];
    expect(
      numberOfFindings('A35', [aRow({ DeobligationsRecoveriesRefundsOfPriorYearByTAS_CPE: '3' })], b),
    ).toBe(0);
    expect(
      numberOfFindings('A35', [aRow({ DeobligationsRecoveriesRefundsOfPriorYearByTAS_CPE: '3.01' })], b),
    ).toBe(1);
  });
});
