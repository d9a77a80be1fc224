import type { CellValue } from '../../../models';
import {
  centsText,
  DATA_ACT_SEED,
  type DataActTable,
  generateDataActFiles,
} from '../../../bench/dataActFiles';
import { readWorkbook } from '../../../server/engine/read';
import { grid } from '../../helpers/workbook';

/**
 * 200,000 File B rows read, checked and turned into a Budget, generated here from a fixed seed (printed, so a
 * failure can be replayed). Correctness only: the work is linear (maps by TAS and by combination), and the
 * test would time out long before a quadratic scan of this size finished.
 */

const ROWS = 200_000;
const ACCOUNTS = 2_000;

/**
 * 2,000 no-year accounts of 100 rows each (ten program activities by ten object classes), amounts in random
 * cents, and File A rows that tie out to them; the last row repeats the first row's combination with no amounts.
 */
function generate() {
  const files = generateDataActFiles({ rows: ROWS, accounts: ACCOUNTS, seed: DATA_ACT_SEED });
  const sheet = (name: string, t: DataActTable) => grid(name, [t.header, ...t.rows]);
  return { ...files, fileA: sheet('File A', files.fileA), fileB: sheet('File B', files.fileB) };
}

describe(`200,000 File B rows (seed ${DATA_ACT_SEED})`, () => {
  it('Given a pair that ties out but for three planted problems, then exactly those findings, and a Budget that ties to File B to the cent', () => {
    console.log(`DATA Act scale test: seed ${DATA_ACT_SEED}`);
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
