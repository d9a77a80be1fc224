import { aRow, bRow, numberOfFindings, OTHER_TAS, tieOut } from './fixtures';

/** A32 (one File A row per TAS) and B19.1 (unique File B combinations). */

describe('A32: TAS values in File A are unique', () => {
  it('Given two File A rows of two TAS, then no finding', () => {
    expect(numberOfFindings('A32', [aRow(), aRow(OTHER_TAS)], null)).toBe(0);
  });

  it('Given two File A rows of one TAS, then both are reported', () => {
    expect(numberOfFindings('A32', [aRow(), aRow()], null)).toBe(2);
  });

  it('Given the TAS written once padded and once as Excel shows numbers, then it is still one TAS', () => {
    expect(
      numberOfFindings('A32', [aRow(), aRow({ AgencyIdentifier: 97, MainAccountCode: 100 })], null),
    ).toBe(2);
  });
});

describe('B19.1: the combination of TAS, object class, program activity, flag, DEFC and PYA is unique', () => {
  const base = {
    ObjectClass: '1',
    ProgramActivityCode: '1',
    ProgramActivityName: 'n',
    ByDirectReimbursableFundingSource: 'r',
    DisasterEmergencyFundCode: 'n',
    PriorYearAdjustment: 'x',
  };

  it('Given rows that differ in one part each, then no finding', () => {
    const rows = [
      bRow(base),
      bRow({ ...base, ...OTHER_TAS }),
      bRow({ ...base, ObjectClass: '2' }),
      bRow({ ...base, ProgramActivityCode: '2' }),
      bRow({ ...base, ProgramActivityName: 'm' }),
      bRow({ ...base, ByDirectReimbursableFundingSource: 'd' }),
      bRow({ ...base, DisasterEmergencyFundCode: 'm' }),
      bRow({ ...base, PriorYearAdjustment: 'a' }),
      // Two rows with the same PARK and no program activity code or name are left to B19.2.
      bRow({ ...base, ProgramActivityCode: '', ProgramActivityName: null, ProgramActivityReportingKey: 'abc', PriorYearAdjustment: 'a' }),
      bRow({ ...base, ProgramActivityCode: '', ProgramActivityName: null, ProgramActivityReportingKey: 'abc', PriorYearAdjustment: 'a' }),
    ]; // prettier-ignore
    expect(numberOfFindings('B19.1', null, rows)).toBe(0);
  });

  it('Given a repeat differing only in case, and one whose object class has a trailing zero, then both are reported', () => {
    const rows = [
      bRow(base),
      bRow({
        ...base,
        ByDirectReimbursableFundingSource: 'R',
        DisasterEmergencyFundCode: 'N',
        PriorYearAdjustment: 'X',
      }),
      bRow({ ...base, ObjectClass: '10', DisasterEmergencyFundCode: 'N' }),
    ];
    expect(numberOfFindings('B19.1', null, rows)).toBe(2);
  });

  it('Given 252, 2520 and 25.2 for one object class, then the second and third rows repeat the first', () => {
    const rows = [bRow({ ObjectClass: '252' }), bRow({ ObjectClass: '2520' }), bRow({ ObjectClass: '25.2' })];
    const found = tieOut(null, rows).findings.filter((f) => f.rule === 'B19.1');
    expect(found.map((f) => f.index)).toEqual([1, 2]);
    expect(found[0]?.msg.message).toContain('repeats row 2');
  });

  it('Given the program activity code typed as a number, then it is padded as the broker pads it (1 = 0001)', () => {
    expect(
      numberOfFindings('B19.1', null, [
        bRow({ ProgramActivityCode: '0001' }),
        bRow({ ProgramActivityCode: 1 }),
      ]),
    ).toBe(1);
  });
});
