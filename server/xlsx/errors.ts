/**
 * The two ways a workbook file can be refused before the engine ever sees it. Each carries a stable machine
 * `reason`/`limit` (for HTTP status codes and logs) apart from the one-line message a budget officer reads.
 * All message texts of this adapter live here.
 */

export type UnreadableReason =
  'empty' | 'text' | 'not-zip' | 'encrypted' | 'legacy-xls' | 'xlsb' | 'not-xlsx' | 'damaged';

const UNREADABLE_MESSAGES: Record<UnreadableReason, string> = {
  empty: 'This file is empty. Choose the Excel .xlsx workbook and try again.',
  text: 'This looks like a text or CSV file, not an Excel .xlsx workbook. Open it in Excel, save it as Excel Workbook (.xlsx), and try again.',
  'not-zip': 'This is not an Excel .xlsx workbook.',
  encrypted:
    'This file is password-protected. Remove the password in Excel (File > Info > Protect Workbook) and try again.',
  'legacy-xls':
    'This is an Excel 97-2003 .xls file. Open it in Excel, save it as Excel Workbook (.xlsx), and try again.',
  xlsb: 'This is an Excel Binary Workbook (.xlsb). Open it in Excel, save it as Excel Workbook (.xlsx), and try again.',
  'not-xlsx': 'This is not an Excel .xlsx workbook.',
  damaged: 'This .xlsx file is damaged or incomplete. Open it in Excel, save it again, and try again.',
};

export class UnreadableWorkbookError extends Error {
  override readonly name = 'UnreadableWorkbookError';
  constructor(
    readonly reason: UnreadableReason,
    options?: { cause?: unknown },
  ) {
    super(UNREADABLE_MESSAGES[reason], options);
  }
}

export type SizeLimit = 'cells' | 'bytes' | 'entries' | 'compression';

const MiB = 1024 * 1024;
const count = (n: number): string => n.toLocaleString('en-US');
const mebibytes = (n: number): string => `${count(Math.ceil(n / MiB))} MB`;

export class WorkbookTooLargeError extends Error {
  override readonly name = 'WorkbookTooLargeError';
  constructor(
    readonly limit: SizeLimit,
    message: string,
  ) {
    super(message);
  }

  static cells(max: number): WorkbookTooLargeError {
    return new WorkbookTooLargeError(
      'cells',
      `This workbook has more than ${count(max)} filled cells, more than can be read at once. Remove sheets the crosswalk does not need and try again.`,
    );
  }

  static bytes(declared: number, max: number): WorkbookTooLargeError {
    return new WorkbookTooLargeError(
      'bytes',
      `This workbook unpacks to ${mebibytes(declared)}, more than the ${mebibytes(max)} that can be read. Remove sheets the crosswalk does not need and try again.`,
    );
  }

  static entries(found: number, max: number): WorkbookTooLargeError {
    return new WorkbookTooLargeError(
      'entries',
      `This workbook has ${count(found)} internal parts, more than the ${count(max)} an .xlsx file normally holds. Save it again from Excel and try again.`,
    );
  }

  static undeclared(part: string): WorkbookTooLargeError {
    return new WorkbookTooLargeError(
      'compression',
      `This file is not a normal workbook: its part ${part} holds more than the file says it does, which is how "zip bombs" hide. It was not opened.`,
    );
  }

  static compression(part: string): WorkbookTooLargeError {
    return new WorkbookTooLargeError(
      'compression',
      `This file is not a normal workbook: its part ${part} expands more than 200 times its stored size, which is how "zip bombs" are built. It was not opened.`,
    );
  }
}

/**
 * An input table (on `sheet`) or a defined name (`sheet` empty) already holds a name an output table needs;
 * Excel names are unique across the workbook. Both writers, exceljs-free and Office.js, throw this one.
 */
export class OutputNameConflictError extends Error {
  override readonly name = 'OutputNameConflictError';
  constructor(
    readonly tableName: string,
    readonly sheet: string,
  ) {
    super(
      sheet
        ? `The table "${tableName}" on sheet "${sheet}" has a name Throughline needs for its own output table. Rename that table (Table Design > Table Name) and try again.`
        : `The workbook has a defined name "${tableName}", which Throughline needs for its own output table. Rename it (Formulas > Name Manager) and try again. Nothing was changed.`,
    );
  }
}
