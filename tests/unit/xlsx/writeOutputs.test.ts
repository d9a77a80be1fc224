import type ExcelJS from 'exceljs';
import type { MoneyDisplay, OutputTable } from '../../../models';
import { OutputNameConflictError, readOutputTable, writeCrosswalkWorkbook } from '../../../server/xlsx';
import {
  cellSnapshot,
  loadExcel,
  sheetNamed,
  workbookBytes,
  worksheetParts,
} from '../../fixtures/xlsx/workbooks';

const money: MoneyDisplay = { units: 'Thousands', decimals: 0 };
const ACCOUNTING = '_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)';
const FORMULA_TEXT = '=HYPERLINK("http://x","y")';

const resources: OutputTable = {
  name: 'ResourcesByGoal',
  title: 'Resources by Strategic Goal (dollars in thousands)',
  columns: [
    { name: 'Level', format: 'text' },
    { name: 'Goal ID', format: 'text' },
    { name: 'Name', format: 'text' },
    { name: 'FY2024', format: 'money' },
    { name: 'Share of Total', format: 'share' },
  ],
  rows: [
    ['Objective', 'G1', 'Modernize buildings', 900, 0.75],
    ['Goal', 'G1', 'Real estate', 900, 0.75],
    ['Unmapped', null, 'Unmapped', 300, 0.25],
    ['Total', null, 'Total', 1200, 1],
  ],
  rowKinds: ['detail', 'subtotal', 'detail', 'total'],
};

const issues: OutputTable = {
  name: 'Issues',
  title: 'Issues found',
  columns: ['Severity', 'Code', 'Message', 'Sheet', 'Cell'].map((name) => ({
    name,
    format: 'text' as const,
  })),
  rows: [
    ['error', 'AMOUNT_NOT_A_NUMBER', FORMULA_TEXT, 'Budget', 'Budget!B3'],
    ['warning', 'NO_RESULTS', '+1 and -1 and @mention stay text', null, null],
  ],
  links: ['Budget!B3', null],
  linkColumn: 4,
};

const staleCost: OutputTable = {
  name: 'CostPerOutcome',
  title: 'Cost per outcome (stale)',
  columns: [{ name: 'Measure ID', format: 'text' }],
  rows: [['M1']],
};

/** The input workbook after an earlier run that wrote CostPerOutcome, an output this run does not write. */
async function staleWorkbook(): Promise<Buffer> {
  return writeCrosswalkWorkbook(await inputWorkbook(), [resources, staleCost, issues], money);
}

/** An input workbook with a table, formats and merges. */
function inputWorkbook(): Promise<Buffer> {
  return workbookBytes((wb) => {
    const budget = wb.addWorksheet('Budget');
    budget.addTable({
      name: 'BudgetLines',
      ref: 'A1',
      columns: [{ name: 'Account' }, { name: 'FY2024' }],
      rows: [
        ['047-4542', 900],
        ['047-0110', 'n/a'],
      ],
    });
    budget.getColumn(2).numFmt = '#,##0';
    budget.getCell('D1').value = { formula: 'SUM(B2:B3)', result: 900 };
    budget.getCell('D2').value = 'Reviewed';
    budget.getCell('D2').font = { bold: true };
    budget.getCell('E5').value = 'merged note';
    budget.mergeCells('E5:F6');
    wb.addWorksheet('Notes').getCell('C4').value = new Date(Date.UTC(2024, 0, 31));
  });
}

async function write(input: Buffer | null): Promise<{ bytes: Buffer; excel: ExcelJS.Workbook }> {
  const bytes = await writeCrosswalkWorkbook(input, [resources, issues], money);
  return { bytes, excel: await loadExcel(bytes) };
}

describe('writeCrosswalkWorkbook: the workbook around the outputs', () => {
  it('Given output sheets from an earlier run, When written, Then they are replaced and outputs follow the inputs in order', async () => {
    const stale = await loadExcel(await staleWorkbook());
    expect(stale.worksheets.map((ws) => ws.name)).toContain('CostPerOutcome');

    const { excel } = await write(await staleWorkbook());

    expect(excel.worksheets.map((ws) => ws.name)).toEqual(['Budget', 'Notes', 'ResourcesByGoal', 'Issues']);
  });

  it('Given its own output as input, When written again, Then nothing is duplicated and the outputs are the same', async () => {
    const first = await write(await staleWorkbook());
    const second = await write(first.bytes);

    expect(second.excel.worksheets.map((ws) => ws.name)).toEqual([
      'Budget',
      'Notes',
      'ResourcesByGoal',
      'Issues',
    ]);
    expect(await readOutputTable(second.bytes, 'Issues')).toEqual(
      await readOutputTable(first.bytes, 'Issues'),
    );
  });

  it('Given input sheets, When written, Then every value, format, merge and table on them is unchanged', async () => {
    const input = await inputWorkbook();
    const before = await loadExcel(input);
    const { excel: after } = await write(input);

    for (const name of ['Budget', 'Notes']) {
      expect(cellSnapshot(sheetNamed(after, name))).toEqual(cellSnapshot(sheetNamed(before, name)));
    }
    const budgetTable = sheetNamed(after, 'Budget').getTables()[0] as unknown as {
      model: { tableRef: string };
    };
    expect(budgetTable.model.tableRef).toBe('A1:B3');
  });

  it('Given no input workbook, When written, Then a new workbook holds only the outputs', async () => {
    const { excel } = await write(null);
    expect(excel.worksheets.map((ws) => ws.name)).toEqual(['ResourcesByGoal', 'Issues']);
  });

  it('Given an output with no rows, When written, Then its table keeps one blank body row so Excel accepts it', async () => {
    const empty: OutputTable = { ...issues, rows: [], links: [] };
    const bytes = await writeCrosswalkWorkbook(null, [empty], money);

    const table = sheetNamed(await loadExcel(bytes), 'Issues').getTables()[0] as unknown as {
      model: { tableRef: string };
    };
    expect(table.model.tableRef).toBe('A3:E4');
    expect((await readOutputTable(bytes, 'Issues')).rows).toEqual([]);
  });

  it('Given a number Excel cannot store, When written, Then the cell shows #NUM! instead of corrupting the file', async () => {
    const odd: OutputTable = {
      ...resources,
      rows: [['Total', null, 'Total', Number.NaN, 1]],
      rowKinds: undefined,
    };
    const bytes = await writeCrosswalkWorkbook(null, [odd], money);

    expect((await readOutputTable(bytes, 'ResourcesByGoal')).rows[0]?.[3]).toEqual({ error: '#NUM!' });
  });

  it('Given an input table already named Issues, When written, Then the clash is refused with a message', async () => {
    const input = await workbookBytes((wb) => {
      wb.addWorksheet('Budget').addTable({
        name: 'Issues',
        ref: 'A1',
        columns: [{ name: 'A' }],
        rows: [[1]],
      });
    });
    await expect(writeCrosswalkWorkbook(input, [issues], money)).rejects.toBeInstanceOf(
      OutputNameConflictError,
    );
  });
});

describe('writeCrosswalkWorkbook: an output sheet', () => {
  let written: { bytes: Buffer; excel: ExcelJS.Workbook };
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    written = await write(await inputWorkbook());
    sheet = sheetNamed(written.excel, 'ResourcesByGoal');
  });

  it('Given a table, When written, Then its title is row 1 and its Excel table of the same name starts at A3', async () => {
    expect(sheet.getCell('A1').value).toBe(resources.title);
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 12 });

    const table = sheet.getTables()[0] as unknown as {
      model: {
        name: string;
        tableRef: string;
        style: { theme: string };
        columns: { filterButton: boolean }[];
      };
    };
    expect(table.model.name).toBe('ResourcesByGoal');
    expect(table.model.tableRef).toBe('A3:E7');
    expect(table.model.style.theme).toBe('TableStyleLight9');
    expect(table.model.columns.every((c) => c.filterButton)).toBe(true);
    expect(await readOutputTable(written.bytes, 'ResourcesByGoal')).toEqual({
      header: resources.columns.map((c) => c.name),
      rows: resources.rows,
    });
  });

  it('Given money and share columns, When written, Then their cells carry the accounting and percent formats', () => {
    expect(sheet.getCell('D4').numFmt).toBe(ACCOUNTING);
    expect(sheet.getCell('E7').numFmt).toBe('0.00%;(0.00%)');
    expect(sheet.getCell('C4').numFmt).toBeUndefined();
  });

  it('Given subtotal and total rows, When written, Then they are bold and the total has a rule above', () => {
    expect(sheet.getCell('C4').font?.bold).toBeFalsy();
    expect(sheet.getCell('C5').font?.bold).toBe(true);
    expect(sheet.getCell('D7').font?.bold).toBe(true);
    expect(sheet.getCell('D7').border?.top?.style).toBe('thin');
    expect(sheet.getCell('D5').border?.top).toBeUndefined();
  });

  it('Given any output sheet, When written, Then rows above the table body stay frozen', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual('Modernize buildings'.length);
  });

  it('Given formula-like text, When written, Then it is stored as text, never as a formula', async () => {
    const { rows } = await readOutputTable(written.bytes, 'Issues');
    expect(rows[0]?.[2]).toBe(FORMULA_TEXT);
    expect(rows[1]?.[2]).toBe('+1 and -1 and @mention stay text');
    for (const xml of (await worksheetParts(written.bytes)).values()) {
      expect(xml).not.toContain('HYPERLINK(');
    }
  });

  it('Given a row with a link, When written, Then its Cell column jumps inside the workbook the way Excel writes it', async () => {
    const cell = sheetNamed(written.excel, 'Issues').getCell('E4');
    expect(cell.text).toBe('Budget!B3');
    expect(cell.font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });

    const parts = [...(await worksheetParts(written.bytes)).values()];
    const links = parts.flatMap((xml) => xml.match(/<hyperlink\s[^>]*\/>/g) ?? []);
    expect(links).toEqual(['<hyperlink ref="E4" location="&apos;Budget&apos;!B3"/>']);
    expect(parts.join('\n')).not.toMatch(/Target="#/);
  });
});
