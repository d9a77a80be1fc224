import { accountMatches, programActivityMatches } from '../../../server/engine/dataAct';

/** How a Crosswalk row names a Budget line derived from File B: the TAS, its federal account, or a program activity. */

describe('accountMatches', () => {
  it('Given the TAS itself, in any case or spacing, then it matches', () => {
    expect(accountMatches('047-X-4542-000', '047-X-4542-000')).toBe(true);
    expect(accountMatches(' 047-x-4542-000 ', '047-X-4542-000')).toBe(true);
  });

  it('Given its federal account (agency identifier and main account), then it matches every TAS of that account', () => {
    expect(accountMatches('047-4542', '047-X-4542-000')).toBe(true);
    expect(accountMatches('047-4542', '047-X-4542-001')).toBe(true);
    expect(accountMatches('047-0110', '047-2024/2025-0110-000')).toBe(true);
    expect(accountMatches('47-4542', '047-X-4542-000')).toBe(true);
  });

  it('Given an allocation transfer, then the federal account is the agency identifier, not the transfer agency', () => {
    expect(accountMatches('047-0100', '011-047-X-0100-000')).toBe(true);
    expect(accountMatches('011-0100', '011-047-X-0100-000')).toBe(false);
  });

  it('Given another account, sub-account or period, then it does not match', () => {
    expect(accountMatches('047-4543', '047-X-4542-000')).toBe(false);
    expect(accountMatches('047-X-4542-001', '047-X-4542-000')).toBe(false);
    expect(accountMatches('047-2024/2024-0110-000', '047-2025/2025-0110-000')).toBe(false);
    expect(accountMatches('097-4542', '047-X-4542-000')).toBe(false);
  });

  it("Given OMB's account form, then it matches only itself (relating it to a TAS needs OMB's account list)", () => {
    expect(accountMatches('023-05-4542', '047-X-4542-000')).toBe(false);
    expect(accountMatches('023-05-4542', '023-05-4542')).toBe(true);
    expect(accountMatches('023-4542', '023-05-4542')).toBe(false);
  });
});

describe('programActivityMatches', () => {
  it('Given the code, the code as Excel shows a number, or the name in any case, then it matches', () => {
    expect(programActivityMatches('0001', '0001', 'Rental of Space')).toBe(true);
    expect(programActivityMatches('1', '0001', 'Rental of Space')).toBe(true);
    expect(programActivityMatches('rental of space', '0001', 'Rental of Space')).toBe(true);
  });

  it('Given another code or name, or a blank, then it does not match', () => {
    expect(programActivityMatches('0002', '0001', 'Rental of Space')).toBe(false);
    expect(programActivityMatches('Building Operations', '0001', 'Rental of Space')).toBe(false);
    expect(programActivityMatches('', '0001', 'Rental of Space')).toBe(false);
  });
});
