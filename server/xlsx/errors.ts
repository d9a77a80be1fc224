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

/**
 * Packages refused for what they hold rather than for being unreadable. Each maps onto a `reason` above (for the
 * HTTP status: a macro-enabled, template or add-in package is another media type than .xlsx, 415; a part name
 * that escapes the package is a damaged file, 422) and carries its own message.
 */
export type PackageRefusal = 'macro-enabled' | 'template' | 'add-in' | 'unsafe-path';

const REFUSAL_REASONS: Record<PackageRefusal, UnreadableReason> = {
  'macro-enabled': 'not-xlsx',
  template: 'not-xlsx',
  'add-in': 'not-xlsx',
  'unsafe-path': 'damaged',
};

const REFUSAL_MESSAGES: Record<PackageRefusal, string> = {
  'macro-enabled':
    'This workbook contains macros (it is a macro-enabled .xlsm, or holds a VBA project), and Throughline does not open files with macros. In Excel, use File > Save As > Excel Workbook (.xlsx), which removes them, and try again.',
  template:
    'This is an Excel template (.xltx or .xltm), not a workbook. Open it in Excel, save it as Excel Workbook (.xlsx), and try again.',
  'add-in':
    'This is an Excel add-in (.xlam), not a workbook. Choose the Excel .xlsx workbook that holds your budget and try again.',
  'unsafe-path':
    'This file is not a normal workbook: one of its parts is stored under a name that points outside the file (a name starting with "/", holding "..", or a backslash), which is how "zip slip" attacks are built. It was not opened.',
};

export class UnreadableWorkbookError extends Error {
  override readonly name = 'UnreadableWorkbookError';
  /** Set when the package was refused for what it holds; `reason` is then the closest general reason. */
  readonly refusal: PackageRefusal | undefined;
  constructor(
    readonly reason: UnreadableReason,
    options?: { cause?: unknown; refusal?: PackageRefusal },
  ) {
    super(options?.refusal ? REFUSAL_MESSAGES[options.refusal] : UNREADABLE_MESSAGES[reason], options);
    this.refusal = options?.refusal;
  }

  static refused(refusal: PackageRefusal): UnreadableWorkbookError {
    return new UnreadableWorkbookError(REFUSAL_REASONS[refusal], { refusal });
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

/** What holds the clashing name: an input table, a defined name, or a sheet the writer did not write itself. */
export type ConflictKind = 'table' | 'name' | 'sheet';

/**
 * An input table (on `sheet`), a defined name (`sheet` empty) or a sheet (`sheet`, the sheet itself) already
 * holds a name an output needs: Excel names are unique across the workbook, sheet names too, in any case, and
 * a sheet the writer did not write itself is never deleted. Both writers, exceljs-free and Office.js, throw this.
 */
export class OutputNameConflictError extends Error {
  override readonly name = 'OutputNameConflictError';
  constructor(
    readonly tableName: string,
    readonly sheet: string,
    readonly kind: ConflictKind = sheet ? 'table' : 'name',
    /** The output's own name, when it differs from the clashing one only in case. */
    readonly output: string = tableName,
  ) {
    super(conflictMessage(tableName, sheet, kind, output));
  }
}

function conflictMessage(name: string, sheet: string, kind: ConflictKind, output: string): string {
  switch (kind) {
    case 'sheet':
      return `The sheet "${sheet}" has the name of a sheet Throughline writes ("${output}"), and Throughline did not write it, so it will not replace it. Rename that sheet (right-click its tab > Rename) and try again. Nothing was changed.`;
    case 'table':
      return `The table "${name}" on sheet "${sheet}" has a name Throughline needs for its own output table. Rename that table (Table Design > Table Name) and try again.`;
    case 'name':
      return `The workbook has a defined name "${name}", which Throughline needs for its own output table. Rename it (Formulas > Name Manager) and try again. Nothing was changed.`;
  }
}
