import { aRow, bRow, numberOfFindings, tieOut } from './fixtures';

/** B11.3 and B11.4 (object class), B12.4 (direct/reimbursable flag), B29 (PYA). */

const allZero = {
  DeobligationsRecoveriesRefundsdOfPriorYearByProgramObjectClass_CPE: '0',
  GrossOutlayAmountByProgramObjectClass_CPE: '0',
  GrossOutlayAmountByProgramObjectClass_FYB: '0',
  ObligationsIncurredByProgramObjectClass_CPE: '0',
  USSGL490800_AuthorityOutlayedNotYetDisbursed_FYB: '0',
  USSGL498200_UpwardAdjustmentsOfPriorYearDeliveredOrdersObligationsPaid_CPE: '0.00',
};

describe('B11.3: a valid object class', () => {
  it('Given A-11 object classes in three digits, with a suffix digit, or dotted, then no finding', () => {
    const rows = ['111', '252', '2520', '25.2', '4100', 410].map((oc) => bRow({ ObjectClass: oc }));
    expect(numberOfFindings('B11.3', null, rows)).toBe(0);
  });

  it('Given codes that are not A-11 object classes, then each is reported', () => {
    const rows = ['259', '999', '25', 'abc', '25200'].map((oc) => bRow({ ObjectClass: oc }));
    expect(numberOfFindings('B11.3', null, rows)).toBe(5);
  });

  it('Given 0, 00, 000 or 0000, then B11.3 leaves them to B11.4', () => {
    const rows = ['0', '00', '000', '0000'].map((oc) => bRow({ ObjectClass: oc }));
    expect(numberOfFindings('B11.3', null, rows)).toBe(0);
  });

  it('Given a blank object class, then it is reported as not provided', () => {
    const found = tieOut(null, [bRow({ ObjectClass: null })]).findings.filter((f) => f.rule === 'B11.3');
    expect(found).toHaveLength(1);
    expect(found[0]?.msg.message).toContain('blank');
  });
});

describe('B11.4: object class 000 only on a row whose balances are all $0', () => {
  it('Given 000 with every balance $0, then no finding', () => {
    expect(numberOfFindings('B11.4', null, [bRow({ ObjectClass: '000', ...allZero })])).toBe(0);
  });

  it('Given 0000, 000, 00 and 0 on rows with a balance, then each is a warning', () => {
    const rows = ['0000', '000', '00', '0'].map((oc) =>
      bRow({ ObjectClass: oc, ObligationsIncurredByProgramObjectClass_CPE: '-1' }),
    );
    const found = tieOut(null, rows).findings.filter((f) => f.rule === 'B11.4');
    expect(found).toHaveLength(4);
    expect(found.every((f) => f.msg.severity === 'warning')).toBe(true);
  });

  it("Given 000 with a single non-zero balance anywhere in the broker's set, then one finding", () => {
    const rows = [
      bRow({ ObjectClass: '000', ...allZero, DeobligationsRecoveriesRefundsdOfPriorYearByProgramObjectClass_CPE: '1' }),
      bRow({ ObjectClass: '000', ...allZero, USSGL498200_UpwardAdjustmentsOfPriorYearDeliveredOrdersObligationsPaid_CPE: '-0.01' }),
    ]; // prettier-ignore
    expect(numberOfFindings('B11.4', null, rows)).toBe(2);
  });

  it("Given 000 whose only balance is a non-cash refund (outside the broker's set), then no finding", () => {
    const row = bRow({
      ObjectClass: '000',
      USSGL497210_DownwardAdjustmentsOfPriorYearPaidDeliveredOrdersObligationsNonCashRefunds_CPE: '5',
    });
    expect(numberOfFindings('B11.4', null, [row])).toBe(0);
  });
});

describe('B12.4: the direct/reimbursable flag is D, R or blank', () => {
  it('Given D, R, d, r and blank, then no finding', () => {
    const rows = ['D', 'R', 'd', 'r', null, ''].map((f) => bRow({ ByDirectReimbursableFundingSource: f }));
    expect(numberOfFindings('B12.4', null, rows)).toBe(0);
  });

  it('Given any other value, then each is a fatal error', () => {
    const rows = ['Z', 'Direct', '1'].map((f) => bRow({ ByDirectReimbursableFundingSource: f }));
    const found = tieOut(null, rows).findings.filter((x) => x.rule === 'B12.4');
    expect(found).toHaveLength(3);
    expect(found.every((x) => x.msg.severity === 'error')).toBe(true);
  });
});

describe('B29: PYA is X, B or P', () => {
  it('Given X, x, B, b, P and p, then no finding', () => {
    const rows = ['X', 'x', 'B', 'b', 'P', 'p'].map((p) => bRow({ PriorYearAdjustment: p }));
    expect(numberOfFindings('B29', null, rows)).toBe(0);
  });

  it('Given blank, Fail, 0, None and A, then five findings', () => {
    const rows = ['', 'Fail', 0, 'None', 'A'].map((p) => bRow({ PriorYearAdjustment: p }));
    expect(numberOfFindings('B29', null, rows)).toBe(5);
  });

  it('Given a broker File B without a PYA column, then B29 does not run and the missing column is the error', () => {
    const rows = [bRow(), bRow({ ObjectClass: '111' })].map(({ PriorYearAdjustment: _, ...rest }) => rest);
    const run = tieOut([aRow()], rows);
    expect(run.findings.filter((f) => f.rule === 'B29')).toEqual([]);
    expect(run.issues.map((i) => i.code)).toEqual(['DATA_ACT_COLUMN_MISSING']);
    expect(run.issues[0]?.message).toContain('PriorYearAdjustment');
  });
});
