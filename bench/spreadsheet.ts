import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkbookGrids } from '../models';
import { crosswalkXlsx } from '../server/pipeline';
import { generateWorkbook } from './generate';
import { writeGridsXlsx } from './xlsxWriter';

/**
 * The same crosswalk built the way budget offices build it today: SUMIFS formulas. A `Split` sheet takes each
 * Crosswalk row's share of its account's budget authority, and `ByObjective` adds the splits up per objective
 * and year. LibreOffice opens the workbook headless, recalculates every formula and saves it; the engine reads
 * the same file, computes and writes its crosswalk workbook. Both are timed from file to file.
 */

export const SOFFICE = '/usr/bin/soffice';

function formulaSheets(grids: WorkbookGrids): Record<string, (row: number) => (string | number | null)[]> {
  const crosswalk = grids.tables.find((t) => t.name === 'Crosswalk');
  const objectives = grids.tables.find((t) => t.name === 'Objectives');
  const budgetRows = (grids.tables.find((t) => t.name === 'Budget')?.rows.length ?? 0) + 1;
  const rules = crosswalk?.rows ?? [];
  const ids = (objectives?.rows ?? []).map((r) => r[0] as string);
  const years = ['H', 'I', 'J'];
  const range = (col: string) => `Budget!$${col}$2:$${col}$${budgetRows}`;
  return {
    Split: (row) => {
      if (row === 1) return ['Account', 'Objective ID', 'Share', 'FY2024', 'FY2025', 'FY2026'];
      const rule = rules[row - 2];
      if (!rule) return [];
      const share =
        typeof rule[6] === 'string' ? Number(String(rule[6]).replace('%', '')) / 100 : (rule[6] as number);
      return [
        rule[0] as string,
        rule[3] as string,
        share,
        ...years.map(
          (col) => `=SUMIFS(${range(col)},${range('A')},$A${row},${range('G')},"Budget Authority")*$C${row}`,
        ),
      ];
    },
    ByObjective: (row) => {
      if (row === 1) return ['Objective ID', 'FY2024', 'FY2025', 'FY2026'];
      const id = ids[row - 2];
      if (!id) return [];
      const splits = rules.length + 1;
      return [
        id,
        ...['D', 'E', 'F'].map(
          (col) => `=SUMIFS(Split!$${col}$2:$${col}$${splits},Split!$B$2:$B$${splits},$A${row})`,
        ),
      ];
    },
  };
}

export interface SpreadsheetRun {
  lines: number;
  formulas: number;
  sofficeMs: number;
  sofficeStartupMs: number;
  engineMs: number;
  agree: boolean;
}

export async function compareWithSpreadsheet(
  lines: number,
): Promise<SpreadsheetRun | { lines: number; skipped: string }> {
  if (!existsSync(SOFFICE)) return { lines, skipped: 'LibreOffice (soffice) is not installed' };
  const { grids, lines: made } = generateWorkbook(lines, { simple: true });
  const dir = mkdtempSync(join(tmpdir(), 'throughline-sumifs-'));
  const file = join(dir, 'sumifs.xlsx');
  const sheets = formulaSheets(grids);
  writeFileSync(file, await writeGridsXlsx(grids, sheets));
  const formulas =
    ((grids.tables.find((t) => t.name === 'Crosswalk')?.rows.length ?? 0) +
      (grids.tables.find((t) => t.name === 'Objectives')?.rows.length ?? 0)) *
    3;
  const profile = `file://${join(dir, 'profile')}`;
  const soffice = (input: string) =>
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--calc',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        join(dir, 'out'),
        input,
      ],
      { stdio: 'pipe', timeout: 30 * 60_000 },
    );
  // LibreOffice's own start-up, on a trivial workbook, measured apart so the ratio is about calculation.
  const tiny = join(dir, 'tiny.xlsx');
  writeFileSync(
    tiny,
    await writeGridsXlsx({
      tables: [{ name: 'A', source: 'sheet', sheet: 'A', topLeft: 'A1', header: ['x'], rows: [[1]] }],
    }),
  );
  soffice(tiny); // warm the profile
  let t = performance.now();
  soffice(tiny);
  const sofficeStartupMs = performance.now() - t;
  t = performance.now();
  soffice(file);
  const sofficeMs = performance.now() - t;
  t = performance.now();
  const { result } = await crosswalkXlsx(readFileSync(file), { limits: { maxCells: 50_000_000 } });
  const engineMs = performance.now() - t;
  // The two must agree before their speed is compared: objective totals from LibreOffice's CSV of ByObjective.
  const csv = readFileSync(join(dir, 'out', 'sumifs-ByObjective.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const rbg = result.tables.find((x) => x.name === 'ResourcesByGoal');
  const fy = rbg?.columns.findIndex((c) => c.name === 'FY2026') ?? -1;
  // The engine splits each line to whole units (largest remainder); the spreadsheet keeps float fractions. They
  // agree when each objective differs by less than one unit per split that feeds it.
  const rules = grids.tables.find((x) => x.name === 'Crosswalk')?.rows ?? [];
  const agree = csv.every((line) => {
    const [id, , , v] = line.split(',');
    const row = rbg?.rows.find((r) => r[0] === 'Objective' && r[2] === id && r[5] === 'Budget Authority');
    const splits = rules.filter((r) => r[3] === id).length;
    return row !== undefined && Math.abs(Number(v) - (row[fy] as number)) <= Math.max(1, splits);
  });
  return { lines: made, formulas, sofficeMs, sofficeStartupMs, engineMs, agree };
}
