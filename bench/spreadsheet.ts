import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkbookGrids } from '../models';
import { readOutputTable } from '../server/xlsx';
import { timeCli } from './cli';
import { DEPARTMENT, generateWorkbook } from './generate';
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
  objectives: number;
  crosswalkRows: number;
  formulas: number;
  /** LibreOffice: open the workbook, recalculate every formula, save (start-up included, as a user waits for it). */
  sofficeMs: number;
  sofficeStartupMs: number;
  /** The CLI on the same file, as a child process from start to the output written. */
  cliMs: number;
  cliPeakRssMb: number;
  /**
   * LibreOffice opening the CLI's output (and saving its first sheet as CSV), start-up included: the output of
   * the same workbook without its SUMIFS sheets; CrosswalkDetail past 100,000 rows is in the CSV beside it.
   */
  openOutputMs: number;
  outputMb: number;
  agree: boolean;
}

/**
 * One side-by-side run on a department-shaped workbook (60 objectives, dollars and cents; account-level crosswalk
 * rows, which is what SUMIFS can reproduce): LibreOffice recalculating the SUMIFS crosswalk, then the CLI on the
 * very same file, then LibreOffice opening the CLI's output. The two results are checked to agree first.
 */
export async function compareWithSpreadsheet(
  lines: number,
): Promise<SpreadsheetRun | { lines: number; skipped: string }> {
  if (!existsSync(SOFFICE)) return { lines, skipped: 'LibreOffice (soffice) is not installed' };
  const { grids, lines: made } = generateWorkbook(lines, { ...DEPARTMENT, simple: true });
  const dir = mkdtempSync(join(tmpdir(), 'throughline-sumifs-'));
  try {
    const file = join(dir, 'sumifs.xlsx');
    writeFileSync(file, await writeGridsXlsx(grids, formulaSheets(grids)));
    const rows = (name: string) => grids.tables.find((t) => t.name === name)?.rows ?? [];
    const formulas = (rows('Crosswalk').length + rows('Objectives').length) * 3;
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
    // LibreOffice's own start-up, on a trivial workbook, measured apart so the ratio can be read both ways.
    const tiny = join(dir, 'tiny.xlsx');
    writeFileSync(
      tiny,
      await writeGridsXlsx({
        tables: [{ name: 'A', source: 'sheet', sheet: 'A', topLeft: 'A1', header: ['x'], rows: [[1]] }],
      }),
    );
    soffice(tiny); // warm the profile
    const sofficeStartupMs = timed(() => soffice(tiny));
    const sofficeMs = timed(() => soffice(file));

    const output = join(dir, 'crosswalk.xlsx');
    const cli = timeCli(file, output);
    // Opening the output is timed on the CLI's output for the same workbook without the SUMIFS sheets: the
    // workbook a budget office keeps once Throughline replaces its formulas. The SUMIFS sheets written here carry
    // no cached values (Excel would have saved them), so LibreOffice recalculates them on opening any copy of
    // them, which times the spreadsheet's formulas again rather than the output.
    const plain = join(dir, 'plain.xlsx');
    writeFileSync(plain, await writeGridsXlsx(grids));
    const plainOutput = join(dir, 'plain-crosswalk.xlsx');
    timeCli(plain, plainOutput);
    const openOutputMs = timed(() => soffice(plainOutput));
    const agree = await agrees(
      grids,
      readFileSync(join(dir, 'out', 'sumifs-ByObjective.csv'), 'utf8'),
      readFileSync(output),
    );
    return {
      lines: made,
      objectives: rows('Objectives').length,
      crosswalkRows: rows('Crosswalk').length,
      formulas,
      sofficeMs,
      sofficeStartupMs,
      cliMs: cli.wallMs[0] as number,
      cliPeakRssMb: cli.peakRssMb[0] as number,
      openOutputMs,
      outputMb: Math.round(statSync(plainOutput).size / 2 ** 17) / 8,
      agree,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timed(run: () => unknown): number {
  const t = performance.now();
  run();
  return Math.round(performance.now() - t);
}

/**
 * The two agree when every objective's FY2026 budget authority from LibreOffice's ByObjective sheet matches the
 * CLI's ResourcesByGoal row within one minor unit per budget line that feeds it: the engine splits each line to
 * the cent (largest remainder), the spreadsheet keeps float fractions of account totals.
 */
async function agrees(grids: WorkbookGrids, byObjectiveCsv: string, output: Buffer): Promise<boolean> {
  // The output holds the input's formula sheets too: past the server's default size, so the limits are raised.
  const rbg = await readOutputTable(output, 'ResourcesByGoal', {
    maxUncompressedBytes: 4 * 2 ** 30,
    maxCells: 100_000_000,
  });
  const col = (name: string) => rbg.header.indexOf(name);
  const [level, objective, type, fy] = [
    col('Level'),
    col('Objective ID'),
    col('Amount Type'),
    rbg.header.findIndex((h) => h.startsWith('FY2026')),
  ];
  const budget = grids.tables.find((t) => t.name === 'Budget')?.rows ?? [];
  const linesOf = new Map<string, number>();
  for (const line of budget) linesOf.set(line[0] as string, (linesOf.get(line[0] as string) ?? 0) + 1);
  const feeding = new Map<string, number>();
  for (const rule of grids.tables.find((t) => t.name === 'Crosswalk')?.rows ?? [])
    feeding.set(
      rule[3] as string,
      (feeding.get(rule[3] as string) ?? 0) + (linesOf.get(rule[0] as string) ?? 0),
    );
  const lines = byObjectiveCsv.trim().split('\n').slice(1);
  return (
    lines.length > 0 &&
    lines.every((line) => {
      const [id, , , v] = line.split(',');
      const row = rbg.rows.find(
        (r) => r[level] === 'Objective' && r[objective] === id && r[type] === 'Budget Authority',
      );
      return (
        row !== undefined &&
        Math.abs(Number(v) - Number(row[fy])) <= 0.01 * (feeding.get(id ?? '') ?? 1) + 1e-6
      );
    })
  );
}
