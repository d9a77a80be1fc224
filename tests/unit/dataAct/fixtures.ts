import type { CellValue, GridTable, Issue } from '../../../models';
import { readFileA, readFileB } from '../../../server/engine/dataAct/files';
import type { Finding, RuleLabel } from '../../../server/engine/dataAct/findings';
import { runTieOut } from '../../../server/engine/dataAct/rules';

/**
 * File A and File B rows for the rule tests, in the shape of the broker's own unit tests: a row is a record of the
 * columns the case cares about (element names), everything else defaulted, and a case asserts how many findings
 * a rule returns. The defaults make a valid File B row of TAS 097-X-0100-000 with no balances.
 */
export type Cells = Record<string, CellValue>;

export const TAS = {
  AgencyIdentifier: '097',
  AvailabilityTypeCode: 'X',
  MainAccountCode: '0100',
  SubAccountCode: '000',
};
export const OTHER_TAS = { ...TAS, MainAccountCode: '0200' };

export function bRow(cells: Cells = {}): Cells {
  return {
    ...TAS,
    ProgramActivityCode: '0001',
    ProgramActivityName: 'Operations',
    ObjectClass: '252',
    ByDirectReimbursableFundingSource: 'D',
    DisasterEmergencyFundCode: 'Q',
    PriorYearAdjustment: 'X',
    ObligationsIncurredByProgramObjectClass_CPE: '0',
    GrossOutlayAmountByProgramObjectClass_CPE: '0',
    DeobligationsRecoveriesRefundsdOfPriorYearByProgramObjectClass_CPE: '0',
    ...cells,
  };
}

export function aRow(cells: Cells = {}): Cells {
  return {
    ...TAS,
    GrossOutlayAmountByTAS_CPE: '0',
    ObligationsIncurredTotalByTAS_CPE: '0',
    DeobligationsRecoveriesRefundsOfPriorYearByTAS_CPE: '0',
    ...cells,
  };
}

/** A sheet holding the rows as a pasted CSV would: header on row 1, the columns of every row in first-seen order. */
export function sheetOf(sheet: string, rows: readonly Cells[]): GridTable {
  const header: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!header.includes(k)) header.push(k);
  return {
    name: sheet,
    source: 'sheet',
    sheet,
    topLeft: 'A1',
    header,
    rows: rows.map((r) => header.map((h) => r[h] ?? null)),
  };
}

export interface Run {
  findings: Finding[];
  issues: Issue[];
}

/** Reads the files (null = the file is absent) and runs every tie-out rule. */
export function tieOut(a: readonly Cells[] | null, b: readonly Cells[] | null): Run {
  const issues: Issue[] = [];
  const fileA = a ? readFileA(sheetOf('File A', a), issues) : null;
  const fileB = b ? readFileB(sheetOf('File B', b), issues) : null;
  return { findings: runTieOut(fileA, fileB), issues };
}

/** The broker's `number_of_errors`: how many findings one rule returns for these rows. */
export function numberOfFindings(
  rule: RuleLabel,
  a: readonly Cells[] | null,
  b: readonly Cells[] | null,
): number {
  return tieOut(a, b).findings.filter((f) => f.rule === rule).length;
}
