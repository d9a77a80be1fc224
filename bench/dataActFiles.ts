import type { CellValue, GridTable, WorkbookGrids } from '../models';
import { Random } from './random';

/**
 * Seeded synthetic DATA Act files: a File B of `rows` rows over `accounts` no-year accounts (ten program
 * activities by ten object classes each, amounts in random cents) and a File A that ties out to it. The
 * 200,000-row test (tests/unit/dataAct/scale.test.ts) and the CLI bench (bench/dataAct.ts) both use it, so the
 * bench times the very files the test checks. Same seed, same files. Every amount column Throughline reads is
 * there (deobligations all $0), so rule A35 runs too.
 */

export const DATA_ACT_SEED = 20240930;

export interface DataActOptions {
  rows: number;
  accounts: number;
  seed: number;
}

/** A table as its sheet shows it: the header row, then the data rows. */
export interface DataActTable {
  header: string[];
  rows: CellValue[][];
}

export interface DataActFiles {
  fileA: DataActTable;
  fileB: DataActTable;
  /** File B's obligations and gross outlays over every row, in cents, as submitted (negative). */
  obligations: bigint;
  outlays: bigint;
}

const CLASSES = ['111', '121', '210', '232', '2520', '253', '257', '260', '310', '410'];

const FILE_B_HEADER = ['AgencyIdentifier', 'AvailabilityTypeCode', 'MainAccountCode', 'SubAccountCode', 'ProgramActivityCode', 'ProgramActivityName', 'ObjectClass', 'ByDirectReimbursableFundingSource', 'DisasterEmergencyFundCode', 'PriorYearAdjustment', 'ObligationsIncurredByProgramObjectClass_CPE', 'GrossOutlayAmountByProgramObjectClass_CPE', 'DeobligationsRecoveriesRefundsdOfPriorYearByProgramObjectClass_CPE']; // prettier-ignore
const FILE_A_HEADER = ['AgencyIdentifier', 'AvailabilityTypeCode', 'MainAccountCode', 'SubAccountCode', 'ObligationsIncurredTotalByTAS_CPE', 'GrossOutlayAmountByTAS_CPE', 'DeobligationsRecoveriesRefundsOfPriorYearByTAS_CPE']; // prettier-ignore

/** Cents as the broker's decimal text: `-1234.05`. */
export function centsText(c: bigint): string {
  const magnitude = c < 0n ? -c : c;
  return `${c < 0n ? '-' : ''}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}

/**
 * File B row i belongs to account 1000 + (i mod accounts); its place within the account picks the program
 * activity and object class. Agency 047 is a number (47) on every third row, as Excel opens a CSV's codes now
 * and then, and every seventh row is reimbursable. The last row repeats the first row's combination with no
 * amounts (a duplicate for rule B19.1).
 */
export function generateDataActFiles(options: DataActOptions): DataActFiles {
  const { rows: count, accounts } = options;
  const random = new Random(options.seed);
  const rows: CellValue[][] = [];
  const byAccount = new Map<string, { obligations: bigint; outlays: bigint }>();
  let obligations = 0n;
  let outlays = 0n;
  for (let i = 0; i < count - 1; i++) {
    const account = String(1000 + (i % accounts));
    const within = Math.floor(i / accounts);
    const o = -BigInt(1 + Math.floor(random.next() * 100_000_000));
    const g = -BigInt(Math.floor(random.next() * 100_000_000));
    const activity = within % 10;
    const objectClass = CLASSES[Math.floor(within / 10) % CLASSES.length] as string;
    rows.push([i % 3 === 0 ? 47 : '047', 'X', account, '000', String(activity + 1).padStart(4, '0'), `Activity ${activity}`, objectClass, i % 7 === 0 ? 'R' : 'D', 'Q', 'X', centsText(o), centsText(g), '0']); // prettier-ignore
    const sums = byAccount.get(account) ?? { obligations: 0n, outlays: 0n };
    sums.obligations += o;
    sums.outlays += g;
    byAccount.set(account, sums);
    obligations += o;
    outlays += g;
  }
  rows.push([...(rows[0] as CellValue[]).slice(0, 10), '0', '0', '0']);
  const aRows = [...byAccount].map(([account, s]) => ['047', 'X', account, '000', centsText(-s.obligations), centsText(s.outlays), '0']); // prettier-ignore
  return {
    fileA: { header: FILE_A_HEADER, rows: aRows },
    fileB: { header: FILE_B_HEADER, rows },
    obligations,
    outlays,
  };
}

/** A table as the CSV the broker takes: comma-separated, no field here needs quoting. */
export function tableCsv(table: DataActTable): string {
  const line = (cells: readonly CellValue[]) => cells.map((v) => (v === null ? '' : String(v))).join(',');
  return `${[line(table.header), ...table.rows.map(line)].join('\n')}\n`;
}

const sheet = (name: string, rows: CellValue[][]): GridTable => ({
  name,
  source: 'sheet',
  sheet: name,
  topLeft: 'A1',
  header: rows[0] as CellValue[],
  rows: rows.slice(1),
});

/**
 * The workbook beside the files: Settings naming the submission period (broker files do not carry it), five
 * goals of two objectives, and a Crosswalk giving each account's TAS wholly to one objective. No Budget: the
 * engine derives it from File B.
 */
export function dataActWorkbook(accounts: number): WorkbookGrids {
  const objectives = Array.from({ length: 10 }, (_, i) => [`${Math.floor(i / 2) + 1}.${(i % 2) + 1}`, `G${Math.floor(i / 2) + 1}`, `Objective ${i + 1}`]); // prettier-ignore
  const crosswalk = Array.from({ length: accounts }, (_, i) => [`047-X-${1000 + i}-000`, (objectives[i % 10] as string[])[0] as string, 1]); // prettier-ignore
  return {
    tables: [
      sheet('Settings', [['Setting', 'Value'], ['Agency', 'Synthetic agency'], ['Units', 'Dollars'], ['Cost Basis', 'Obligations'], ['Submission Period', 'FY2024P12']]), // prettier-ignore
      sheet('Goals', [
        ['Goal ID', 'Goal'],
        ...Array.from({ length: 5 }, (_, i) => [`G${i + 1}`, `Goal ${i + 1}`]),
      ]),
      sheet('Objectives', [['Objective ID', 'Goal ID', 'Objective'], ...objectives]),
      sheet('Crosswalk', [['Account', 'Objective ID', 'Share'], ...crosswalk]),
    ],
  };
}
