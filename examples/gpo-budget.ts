/**
 * The Budget of the GPO example, from the Government Publishing Office's schedules in the FY2027 Budget
 * Appendix (examples/data/appendix-fy2027-gpo.csv, copied from the crossfoot transcription; see SOURCES.md).
 * Millions of dollars as printed, one column per printed series: `2025 actual`, `2026 est.`, `2027 est.`.
 *
 * Which P&F line becomes which Budget line:
 * - Obligations: the program activity lines, 0001–0799 Direct and 0801–0899 Reimbursable.
 * - Gross Budget Authority: 4000 (discretionary) and 4090 (mandatory), one line each, Category saying which.
 * - Budget Authority (net): 4180. Outlays (net): 4190. Gross Outlays: 4020 (discretionary) and 4110 (mandatory).
 * - Offsetting Collections: 4130, shown POSITIVE, as the amount collected. The P&F prints 4130 negative because
 *   there it is subtracted from gross BA and outlays; a budget officer reads "collections of 1,343", and a
 *   positive figure lets Gross BA − Offsetting Collections approximate net BA (the P&F also adds 4140, the change
 *   in uncollected payments, which has no amount type of its own).
 * - FTE: the Employment Summary lines (1001 direct, 2001 reimbursable).
 *
 * One illustrative step, built from real figures: Congressional Publishing (004-0203) pays GPO's revolving fund
 * for Congress's printing (its obligations are object class 24.0, printing), so part of the fund's reimbursable
 * Business Operations obligations (0801) is paid by GPO's own appropriation and would count twice. The fund's
 * 0801 line is split in two: the part equal to Congressional Publishing's obligations that year (Line Type
 * Intra-agency, eliminated) and the rest, paid by other agencies and the public (Spending). The two parts sum to
 * 0801 exactly, so every total still ties to the P&F. The split is an assumption (the Appendix does not print
 * the fund's orders by customer); the figures it is built from are real.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { AmountType, FundingType, LineType } from '../models/inputs';
import { ILLUSTRATIVE_RECEIPT } from './gpo-illustrative';

export const GPO_CSV = join(__dirname, 'data', 'appendix-fy2027-gpo.csv');
/** The printed column headers, exactly as the Appendix labels them. */
export const SERIES = ['2025 actual', '2026 est.', '2027 est.'] as const;
const COLUMNS = ['fy2025_actual', 'fy2026_estimate', 'fy2027_estimate'] as const;

export const CONGRESSIONAL_PUBLISHING = '004-0203-0-1-801';
export const PUBLIC_INFORMATION = '004-0201-0-1-808';
export const REVOLVING_FUND = '004-4505-0-4-808';
const ACCOUNTS = [CONGRESSIONAL_PUBLISHING, PUBLIC_INFORMATION, REVOLVING_FUND] as const;

/** Three printed values; null where the Appendix prints a blank (blank is not zero). */
export type Amounts = [number | null, number | null, number | null];

export interface GpoBudgetRow {
  account: string;
  accountTitle: string;
  programActivity: string;
  programActivityTitle: string;
  category: string;
  amountType: AmountType;
  lineType: LineType;
  fundingType: FundingType | null;
  amounts: Amounts;
  /** Which Appendix lines the row comes from, for the Budget sheet's `Appendix Source` column. */
  source: string;
}

interface ScheduleLine {
  account: string;
  title: string;
  schedule: string;
  line: string;
  lineTitle: string;
  amounts: Amounts;
}

/** A printed value: a decimal string as transcribed, or blank. Anything else stops the build. */
function printed(text: string, where: string): number | null {
  if (text === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`${where}: "${text}" is not a printed amount`);
  return Number(text);
}

export function readSchedules(file = GPO_CSV): ScheduleLine[] {
  const records = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
  return records.map((r, i) => {
    if (r.agency !== 'Government Publishing Office') throw new Error(`${file} record ${i + 1}: not GPO`);
    const where = `${file} record ${i + 1}`;
    return {
      account: r.account_code ?? '',
      title: r.account_title ?? '',
      schedule: r.schedule ?? '',
      line: r.line ?? '',
      lineTitle: r.line_title ?? '',
      amounts: COLUMNS.map((c) => printed(r[c] ?? '', `${where} ${c}`)) as Amounts,
    };
  });
}

class Schedules {
  constructor(private readonly lines: readonly ScheduleLine[]) {}

  find(account: string, schedule: string, line: string): ScheduleLine | null {
    return (
      this.lines.find((l) => l.account === account && l.schedule === schedule && l.line === line) ?? null
    );
  }

  pf(account: string, line: string): ScheduleLine {
    const found = this.find(account, 'Program and Financing', line);
    if (!found) throw new Error(`${account} has no P&F line ${line}`);
    return found;
  }

  activities(account: string): ScheduleLine[] {
    return this.lines.filter(
      (l) =>
        l.account === account &&
        l.schedule === 'Program and Financing' &&
        /^0[0-8]\d\d$/.test(l.line) &&
        !['0799', '0809', '0899', '0900'].includes(l.line),
    );
  }

  titleOf(account: string): string {
    const found = this.lines.find((l) => l.account === account);
    if (!found) throw new Error(`${account} is not in the GPO data`);
    return found.title;
  }
}

const minus = (a: Amounts, b: Amounts): Amounts =>
  a.map((v, i) => {
    const w = b[i] ?? null;
    if (v === null || w === null) throw new Error('Cannot split a year the Appendix leaves blank');
    if (w > v) throw new Error(`The intra-agency part ${w} exceeds the line ${v}`);
    return v - w;
  }) as Amounts;

const sum = (list: readonly Amounts[]): Amounts =>
  [0, 1, 2].map((i) => list.reduce((s, a) => s + (a[i] ?? 0), 0)) as Amounts;

const same = (a: Amounts, b: Amounts): boolean => a.every((v, i) => (v ?? 0) === (b[i] ?? 0));

/** The example's Budget rows: every account, then the one illustrative receipt line. */
export function gpoBudgetRows(lines: readonly ScheduleLine[] = readSchedules()): GpoBudgetRow[] {
  const s = new Schedules(lines);
  const rows: GpoBudgetRow[] = [];
  for (const account of ACCOUNTS) {
    const accountTitle = s.titleOf(account);
    const row = (r: Omit<GpoBudgetRow, 'account' | 'accountTitle'>) =>
      rows.push({ account, accountTitle, ...r });
    const accountLevel = { programActivity: '', programActivityTitle: '', lineType: 'Spending' as const };

    // Obligations by program activity; their sum is checked against the printed total (0900).
    const activities = s.activities(account);
    if (!same(sum(activities.map((a) => a.amounts)), s.pf(account, '0900').amounts))
      throw new Error(`${account}: program activities do not sum to line 0900`);
    for (const a of activities) {
      const fundingType: FundingType = a.line < '0800' ? 'Direct' : 'Reimbursable';
      const base = {
        programActivity: a.line,
        programActivityTitle: a.lineTitle,
        amountType: 'Obligations' as const,
        fundingType,
      };
      if (account === REVOLVING_FUND && a.line === '0801') {
        // The illustrative split (see the file comment). Category tells the two parts apart: a budget line's
        // identity is account, activity, object class, category, amount type and funding type.
        const paidByGpo = s.pf(CONGRESSIONAL_PUBLISHING, '0900').amounts;
        row({
          ...base,
          category: 'Paid by other agencies and the public',
          lineType: 'Spending',
          amounts: minus(a.amounts, paidByGpo),
          source: `P&F 0801 less ${CONGRESSIONAL_PUBLISHING} P&F 0900 (illustrative split)`,
        });
        row({
          ...base,
          category: `Paid by GPO's Congressional Publishing (${CONGRESSIONAL_PUBLISHING})`,
          lineType: 'Intra-agency',
          amounts: paidByGpo,
          source: `${CONGRESSIONAL_PUBLISHING} P&F 0900 (illustrative split of P&F 0801)`,
        });
        continue;
      }
      row({ ...base, category: '', lineType: 'Spending', amounts: a.amounts, source: `P&F ${a.line}` });
    }

    const optional = (line: string) => s.find(account, 'Program and Financing', line);
    const each = (
      amountType: AmountType,
      parts: readonly (readonly [string, string])[],
      sign: 1 | -1 = 1,
    ): void => {
      for (const [line, category] of parts) {
        const found = optional(line);
        if (!found) continue;
        const amounts = found.amounts.map((v) => (v === null ? null : sign * v)) as Amounts;
        row({ ...accountLevel, category, amountType, fundingType: null, amounts, source: `P&F ${line}` });
      }
    };
    each('Gross Budget Authority', [
      ['4000', 'Discretionary'],
      ['4090', 'Mandatory'],
    ]);
    each('Budget Authority', [['4180', '']]);
    each('Gross Outlays', [
      ['4020', 'Discretionary'],
      ['4110', 'Mandatory'],
    ]);
    each('Outlays', [['4190', '']]);
    // Printed negative (an offset); shown as the amount collected.
    each('Offsetting Collections', [['4130', 'Mandatory']], -1);

    for (const [line, fundingType] of [
      ['1001', 'Direct'],
      ['2001', 'Reimbursable'],
    ] as const) {
      const fte = s.find(account, 'Employment Summary', line);
      if (fte)
        row({
          ...accountLevel,
          category: '',
          amountType: 'FTE',
          fundingType,
          amounts: fte.amounts,
          source: `Employment Summary ${line}`,
        });
    }
  }
  for (const amountType of ['Budget Authority', 'Outlays'] as const)
    rows.push({
      account: ILLUSTRATIVE_RECEIPT.account,
      accountTitle: ILLUSTRATIVE_RECEIPT.title,
      programActivity: '',
      programActivityTitle: '',
      category: 'Mandatory',
      amountType,
      lineType: 'Receipt',
      fundingType: null,
      amounts: [...ILLUSTRATIVE_RECEIPT.amounts],
      source: 'ILLUSTRATIVE: not in the Appendix data',
    });
  return rows;
}
