import type { CellValue, GridTable } from '../../../models';
import { readWorkbook } from '../../../server/engine/read';
import { grid } from '../../helpers/workbook';

/**
 * 200,000 File B rows read, checked and turned into a Budget, generated here from a fixed seed (printed, so a
 * failure can be replayed). Correctness only: the work is linear (maps by TAS and by combination), and the
 * test would time out long before a quadratic scan of this size finished.
 */

const SEED = 20240930;
const ROWS = 200_000;
const ACCOUNTS = 2_000;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLASSES = ['111', '121', '210', '232', '2520', '253', '257', '260', '310', '410'];
const centsText = (c: bigint) =>
  `${c < 0n ? '-' : ''}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, '0')}`;

interface Generated {
  fileA: GridTable;
  fileB: GridTable;
  /** File B's obligations and gross outlays over every row, in cents, as submitted (negative). */
  obligations: bigint;
  outlays: bigint;
}

/**
 * 2,000 no-year accounts of 100 rows each (ten program activities by ten object classes), amounts in random
 * cents, and File A rows that tie out to them. The last row repeats the first row's combination with no amounts.
 */
function generate(): Generated {
  const random = mulberry32(SEED);
  const header = ['AgencyIdentifier', 'AvailabilityTypeCode', 'MainAccountCode', 'SubAccountCode', 'ProgramActivityCode', 'ProgramActivityName', 'ObjectClass', 'ByDirectReimbursableFundingSource', 'DisasterEmergencyFundCode', 'PriorYearAdjustment', 'ObligationsIncurredByProgramObjectClass_CPE', 'GrossOutlayAmountByProgramObjectClass_CPE'];
  const rows: CellValue[][] = [];
  const byAccount = new Map<string, { obligations: bigint; outlays: bigint }>();
  let obligations = 0n;
  let outlays = 0n;
  for (let i = 0; i < ROWS - 1; i++) {
    const account = String(1000 + (i % ACCOUNTS));
    const within = Math.floor(i / ACCOUNTS);
    const o = -BigInt(1 + Math.floor(random() * 100_000_000));
    const g = -BigInt(Math.floor(random() * 100_000_000));
    // Excel opens a CSV's codes as numbers now and then: agency 47 for 047.
    rows.push([i % 3 === 0 ? 47 : '047', 'X', account, '000', String((within % 10) + 1).padStart(4, '0'), `Activity ${within % 10}`, CLASSES[Math.floor(within / 10)] as string, i % 7 === 0 ? 'R' : 'D', 'Q', 'X', centsText(o), centsText(g)]);
    const sums = byAccount.get(account) ?? { obligations: 0n, outlays: 0n };
    sums.obligations += o;
    sums.outlays += g;
    byAccount.set(account, sums);
    obligations += o;
    outlays += g;
  }
  rows.push([...(rows[0] as CellValue[]).slice(0, 10), '0', '0']);
  const aRows = [...byAccount].map(([account, s]) => ['047', 'X', account, '000', centsText(-s.obligations), centsText(s.outlays), '0']);
  return {
    fileA: grid('File A', [['AgencyIdentifier', 'AvailabilityTypeCode', 'MainAccountCode', 'SubAccountCode', 'ObligationsIncurredTotalByTAS_CPE', 'GrossOutlayAmountByTAS_CPE', 'DeobligationsRecoveriesRefundsOfPriorYearByTAS_CPE'], ...aRows]),
    fileB: grid('File B', [header, ...rows]),
    obligations,
    outlays,
  };
} // prettier-ignore

describe(`200,000 File B rows (seed ${SEED})`, () => {
  it('Given a pair that ties out but for three planted problems, then exactly those findings, and a Budget that ties to File B to the cent', () => {
    console.log(`DATA Act scale test: seed ${SEED}`);
    const { fileA, fileB, obligations, outlays } = generate();
    expect(fileB.rows).toHaveLength(ROWS);
    // Planted: a bad direct/reimbursable flag on sheet row 50,002, File A's first account a cent over.
    (fileB.rows[50_000] as CellValue[])[7] = 'Z';
    const firstA = fileA.rows[0] as CellValue[];
    firstA[4] = centsText(BigInt(String(firstA[4]).replace('.', '')) + 1n);

    const settings = grid('Settings', [['Setting', 'Value'], ['Submission Period', 'FY2024P12']]);
    const { model } = readWorkbook({ tables: [settings, fileA, fileB] });

    expect((model.tieOut ?? []).map((f) => `${f.rule} ${f.file}!${f.row} ${f.difference ?? ''}`)).toEqual([
      'A19 File A!2 0.01',
      'B12.4 File B!50002 ',
      `B19.1 File B!${ROWS + 1} `,
    ]);
    const total = (type: string) =>
      model.budget.filter((l) => l.amountType === type).reduce((s, l) => s + BigInt(l.amounts[0]?.value ?? 0), 0n);
    expect(total('Obligations')).toBe(-obligations);
    expect(total('Gross Outlays')).toBe(-outlays);
    // One line per account, program activity, object class and D/R, for each amount type with an amount.
    const lines = new Set(model.budget.map((l) => `${l.account}|${l.programActivity}|${l.objectClass}|${l.fundingType}|${l.amountType}`));
    expect(lines.size).toBe(model.budget.length);
    expect(model.budget.filter((l) => l.amountType === 'Obligations')).toHaveLength(ROWS - 1);
  }, 120_000);
}); // prettier-ignore
