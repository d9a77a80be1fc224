import { toIssue } from '../../../server/engine/dataAct/findings';
import { aRow, bRow, numberOfFindings, OTHER_TAS, tieOut } from './fixtures';

/** A30.1 and A30.2: every TAS in one file is in the other. */

describe('A30.1: every TAS in File A is in File B', () => {
  it('Given the same TAS in both files, then no finding', () => {
    expect(numberOfFindings('A30.1', [aRow()], [bRow()])).toBe(0);
  });

  it('Given a File A TAS that File B lacks, then one finding, on the File A row', () => {
    const run = tieOut([aRow(), aRow(OTHER_TAS)], [bRow()]);
    const found = run.findings.filter((f) => f.rule === 'A30.1');
    expect(found).toHaveLength(1);
    expect(found[0]?.tas).toBe('097-X-0200-000');
    expect(found[0] && toIssue(found[0])).toMatchObject({ severity: 'error', sheet: 'File A', cell: 'A3' });
  });

  it('Given File B has the TAS only on a PYA B row or an all-zero row, then it is still in File B', () => {
    expect(numberOfFindings('A30.1', [aRow()], [bRow({ PriorYearAdjustment: 'B' })])).toBe(0);
    expect(
      numberOfFindings('A30.1', [aRow()], [bRow({ ObligationsIncurredByProgramObjectClass_CPE: '0' })]),
    ).toBe(0);
  });

  it('Given components written differently (47 for 047, 100 for 0100), then the TAS is the same', () => {
    const a = [aRow({ AgencyIdentifier: 97, MainAccountCode: 100, SubAccountCode: 0 })];
    expect(numberOfFindings('A30.1', a, [bRow()])).toBe(0);
  });
});

describe('A30.2: every TAS in File B with a balance is in File A', () => {
  it('Given the same TAS in both files, then no finding', () => {
    expect(
      numberOfFindings('A30.2', [aRow()], [bRow({ ObligationsIncurredByProgramObjectClass_CPE: '-5' })]),
    ).toBe(0);
  });

  it('Given a File B TAS with a balance that File A lacks, then one finding, on the File B row', () => {
    const b = [bRow(), bRow({ ...OTHER_TAS, GrossOutlayAmountByProgramObjectClass_CPE: '-1' })];
    const found = tieOut([aRow()], b).findings.filter((f) => f.rule === 'A30.2');
    expect(found).toHaveLength(1);
    expect(found[0]?.file.name).toBe('File B');
    expect(found[0]?.index).toBe(1);
  });

  it('Given a File B TAS that File A lacks but whose balances are all $0, then it is ignored', () => {
    expect(numberOfFindings('A30.2', [aRow()], [bRow(), bRow({ ...OTHER_TAS })])).toBe(0);
  });

  it('Given the only balance is one the rule looks at beyond obligations and outlays (an FYB or a USSGL), then it counts', () => {
    const fyb = bRow({ ...OTHER_TAS, GrossOutlayAmountByProgramObjectClass_FYB: '-3.00' });
    const ussgl = bRow({
      ...OTHER_TAS,
      ObjectClass: '111',
      USSGL490800_AuthorityOutlayedNotYetDisbursed_CPE: '(1.00)',
    });
    expect(numberOfFindings('A30.2', [aRow()], [fyb, ussgl])).toBe(2);
  });

  it('Given the only balance is a reinstated USSGL the broker leaves out of "every balance", then it is ignored', () => {
    const reinstated = bRow({
      ...OTHER_TAS,
      USSGL480110_ReinstatedUndeliveredOrdersObligationsUnpaid_CPE: '-9',
    });
    expect(numberOfFindings('A30.2', [aRow()], [reinstated])).toBe(0);
  });
});
