import type { Msg } from '../messages';

/**
 * Every issue the DATA Act intake raises: the code, the severity Treasury's broker gives the rule (fatal →
 * error, warning → warning) and the words a budget officer reads. Codes carry the broker's rule label
 * (`DATA_ACT_A30_1` for A30.1) so a finding can be looked up in Treasury's rule list.
 */

const error = (code: string, message: string): Msg => ({ severity: 'error', code, message });
const warning = (code: string, message: string): Msg => ({ severity: 'warning', code, message });
const info = (code: string, message: string): Msg => ({ severity: 'info', code, message });

export const DATA_ACT_MESSAGES = {
  // --- the tie-out rules, as Treasury's broker words and grades them
  a18: (tas: string, value: string, expected: string, difference: string) =>
    warning(
      'DATA_ACT_A18',
      `File A's gross outlays for TAS ${tas} (${value}) do not equal the sum of File B's gross outlays for that TAS on rows with PYA X (${expected}); the difference is ${difference}. Treasury's broker warns on this (rule A18).`,
    ),
  a19: (tas: string, value: string, expected: string, difference: string) =>
    warning(
      'DATA_ACT_A19',
      `File A's obligations incurred for TAS ${tas} (${value}) do not equal File B's obligations for that TAS on rows with PYA X, with the sign reversed (${expected}; File B reports obligations as negative amounts); the difference is ${difference}. Treasury's broker warns on this (rule A19).`,
    ),
  a35: (tas: string, value: string, expected: string, difference: string, source: string) =>
    warning(
      'DATA_ACT_A35',
      `File A's deobligations, recoveries and refunds of prior-year obligations for TAS ${tas} (${value}) do not equal ${source} for that TAS on rows with PYA X (${expected}); the difference is ${difference}. Treasury's broker warns on this (rule A35).`,
    ),
  a30InB: (tas: string) =>
    error(
      'DATA_ACT_A30_1',
      `TAS ${tas} is in File A but has no row in File B. Every TAS in File A must also be in File B; add its File B rows or remove the File A row (rule A30.1).`,
    ),
  a30InA: (tas: string) =>
    error(
      'DATA_ACT_A30_2',
      `TAS ${tas} is in File B but not in File A. Every TAS with a balance in File B must also be in File A; add its File A row (rule A30.2; rows whose balances are all $0 are exempt).`,
    ),
  a32: (tas: string, rows: string) =>
    error(
      'DATA_ACT_A32',
      `TAS ${tas} is on more than one row of File A (${rows}). File A takes one row per TAS; combine them (rule A32).`,
    ),
  b11Blank: () =>
    error(
      'DATA_ACT_B11_3',
      'The object class is blank. Every File B row needs one: a 3-digit OMB Circular A-11 object class such as 252, or 000 for amounts not yet assigned to one (rule B11.3).',
    ),
  b11Invalid: (code: string) =>
    error(
      'DATA_ACT_B11_3',
      `Object class "${code}" is not an OMB Circular A-11 object class. Enter 3 digits such as 252, or 4 digits with a suffix such as 2520, without a decimal point (rule B11.3).`,
    ),
  b11Unallocated: (code: string) =>
    warning(
      'DATA_ACT_B11_4',
      `Object class ${code} means "not yet assigned to an object class", but this row has balances other than $0. Assign the amounts to a valid object class (rule B11.4).`,
    ),
  b12: (flag: string) =>
    error(
      'DATA_ACT_B12_4',
      `The direct/reimbursable flag is "${flag}"; it must be D (direct), R (reimbursable) or blank (rule B12.4).`,
    ),
  b19: (firstRow: number) =>
    error(
      'DATA_ACT_B19_1',
      `This row repeats row ${firstRow}: the same TAS, object class, program activity code and name, direct/reimbursable flag, DEFC and PYA. Each combination may appear once in File B; combine the rows (rule B19.1).`,
    ),
  b29: (pya: string) =>
    error(
      'DATA_ACT_B29',
      pya === ''
        ? "PYA (prior year adjustment) is blank. Enter X for this year's activity, or B or P for an adjustment to a prior year (rule B29)."
        : `PYA (prior year adjustment) is "${pya}"; it must be X for this year's activity, or B or P for an adjustment to a prior year (rule B29).`,
    ),

  // --- reading the files
  columnMissing: (file: string, element: string, names: readonly string[], effect: string) =>
    error(
      'DATA_ACT_COLUMN_MISSING',
      `${file} has no ${element} column (accepted headers: ${names.join(', ')}). ${effect}`,
    ),
  tasMissing: (file: string) =>
    error(
      'DATA_ACT_TAS_MISSING',
      `This ${file} row has no agency identifier or main account code, so its Treasury Account Symbol is unknown. It is left out of the tie-out and the Budget.`,
    ),
  amountInvalid: (element: string, text: string) =>
    error(
      'DATA_ACT_AMOUNT_INVALID',
      `"${text}" in ${element} is not an amount. It counts as $0 in the tie-out and the Budget until it is corrected.`,
    ),
  pyaAssumed: (file: string) =>
    info(
      'DATA_ACT_PYA_ASSUMED',
      `${file} is a USAspending download, which has no PYA column: every row is read as this year's activity (PYA X) and rule B29 is not run. If the submission has PYA B or P rows, use the broker's File B, which keeps them apart.`,
    ),
  periodInvalid: (text: string) =>
    warning(
      'DATA_ACT_PERIOD_INVALID',
      `"${text}" is not a DATA Act submission period. Write it as FY2024P06 (period) or FY2024Q2 (quarter).`,
    ),
  periodsMixed: (used: string, others: readonly string[], rows: number) =>
    warning(
      'DATA_ACT_PERIODS_MIXED',
      `The DATA Act files hold rows for more than one submission period (${others.join(', ')} besides ${used}). Amounts are cumulative within a year, so only the ${used} rows are used; ${rows} other row${rows === 1 ? ' is' : 's are'} left out.`,
    ),
  periodAssumed: (period: string) =>
    info(
      'DATA_ACT_PERIOD_ASSUMED',
      `The DATA Act files do not say their submission period, so ${period} is used (the Budget Year setting, period 12). Set Submission Period in Settings if that is not right.`,
    ),
  periodUnknown: () =>
    error(
      'DATA_ACT_PERIOD_UNKNOWN',
      'The Budget cannot be derived from File B: its submission period (and so its fiscal year) is unknown. Add Submission Period to Settings, e.g. FY2024P12.',
    ),
  budgetDerived: (lines: number, series: string, rows: number) =>
    info(
      'DATA_ACT_BUDGET_DERIVED',
      `There is no Budget table, so the Budget is derived from File B: ${lines} line${lines === 1 ? '' : 's'} (one per TAS, program activity, object class and direct/reimbursable, for Obligations and Gross Outlays) in column ${series}, from ${rows} File B row${rows === 1 ? '' : 's'} with PYA X. Amounts are shown as positive spending (File B reports them as negative).`,
    ),
  crossFileSkipped: (present: string, missing: string) =>
    info(
      'DATA_ACT_CROSS_FILE_SKIPPED',
      `The workbook has ${present} but no ${missing}, so the rules that compare the two (A18, A19, A35, A30.1, A30.2) are not run.`,
    ),
} as const satisfies Record<string, (...args: never[]) => Msg>;
