/**
 * Builds examples/gpo-fy2027.xlsx, the second bundled example: the Government Publishing Office's three accounts
 * in the FY2027 Budget Appendix, worked end to end on a gross basis. Run it with `npm run example`.
 *
 * Real: every Budget amount (gpo-budget.ts says which printed line each comes from). Illustrative: the split of
 * the revolving fund's Business Operations line into intra-agency and other orders (built from real figures), one
 * receipt line, and the whole plan (goals, objectives, measures, results), crosswalk shares, cost pool, scenarios
 * and responses (gpo-illustrative.ts). Every illustrative cell says so.
 *
 * The script reads only examples/data/ and writes the same bytes on every run.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type ExcelJS from 'exceljs';
import {
  CONGRESSIONAL_PUBLISHING,
  gpoBudgetRows,
  type GpoBudgetRow,
  REVOLVING_FUND,
  SERIES,
} from './gpo-budget';
import {
  COST_POOLS,
  CROSSWALK,
  type CrosswalkSpec,
  DATA_SOURCE,
  GOALS,
  ILLUSTRATIVE_RECEIPT,
  MEASURES,
  OBJECTIVES,
  RECAST_YEAR,
  RESPONSE_BASIS,
  RESPONSES,
  RESULTS,
  SCENARIO_BASIS,
  SCENARIOS,
  VERIFICATION,
} from './gpo-illustrative';
import {
  addReadmeSheet,
  addTableSheet,
  type Cell,
  checkColumns,
  newWorkbook,
  type TableSheet,
  workbookBytes,
} from './workbook';

export const GPO_EXAMPLE = join(__dirname, 'gpo-fy2027.xlsx');
const YEARS = [2025, 2026, 2027] as const;
const PERCENT = '0.00%';
const MILLIONS = '#,##0;(#,##0)';

const NOTE =
  'Budget amounts are REAL: the Government Publishing Office schedules of the FY2027 Budget Appendix, in millions ' +
  'of dollars as printed, under the printed column labels (2025 actual, 2026 est., 2027 est.). No Cost Basis is ' +
  'set, so the default applies: Obligations (gross), because the Budget has no Expenses. The revolving fund ' +
  `(${REVOLVING_FUND}) is financed by collections: its net budget authority is 9–12 a year while it obligates ` +
  'about 1,300, so net figures would hide nearly all of GPO. Offsetting Collections are shown positive (the amount ' +
  'collected; the P&F prints line 4130 negative, as an offset). ILLUSTRATIVE: the split of the fund’s line 0801 ' +
  'into intra-agency and other orders, the receipt line, the goals, objectives, measures, results, crosswalk ' +
  "shares, cost pool, scenarios and responses, set by Throughline's developers; they are not GPO's.";

const README = [
  'Throughline example: Government Publishing Office (GPO), FY2027 Budget (2025 actual, 2026 est., 2027 est.)',
  '',
  'REAL DATA (Budget sheet): the Program and Financing and Employment Summary schedules of GPO’s three accounts in the FY2027 Budget Appendix',
  '  (govinfo BUDGET-2027-APP-2-3, as transcribed in kenrinzero/crossfoot; figures public domain, transcription MIT: examples/data/SOURCES.md).',
  `  Accounts: ${CONGRESSIONAL_PUBLISHING} Congressional Publishing; 004-0201-0-1-808 Public Information Programs of the Superintendent of Documents;`,
  `  ${REVOLVING_FUND} Business Operations Revolving Fund. Millions of dollars as printed; the column headers are the Appendix's own labels.`,
  '  Obligations: program activity lines 0001–0799 (Funding Type Direct) and 0801–0899 (Reimbursable); they sum to the printed line 0900.',
  '  Gross Budget Authority: lines 4000 (Discretionary) and 4090 (Mandatory). Budget Authority (net): 4180. Gross Outlays: 4020 and 4110. Outlays (net): 4190.',
  '  Offsetting Collections: line 4130, shown POSITIVE as the amount collected (the P&F prints it negative because it is subtracted there).',
  '    Gross BA − collections differs from net BA by line 4140 (change in uncollected payments), which has no amount type of its own.',
  '  FTE: Employment Summary lines 1001 (direct) and 2001 (reimbursable). The Appendix Source column names the printed line(s) of every row.',
  '',
  'BASIS: Obligations (gross), the default when there are no Expenses; titles say "resources (obligations)". Full cost is not claimed.',
  '  The revolving fund is financed by what its customers pay: net BA 12 / 9 / 9 against obligations of about 1,300 a year.',
  '  ResourcesByGoal shows every amount type, so the gross and net figures sit side by side for each goal.',
  '',
  'ILLUSTRATIVE (set by Throughline’s developers to show the method; not GPO’s plan, reports or cost accounting):',
  `  Intra-agency split: Congressional Publishing pays the revolving fund for Congress's printing (its obligations are object class 24.0, printing).`,
  '    So the fund’s reimbursable Business Operations obligations (line 0801) are split into the part paid by Congressional Publishing, set equal to',
  '    that account’s obligations each year (Line Type Intra-agency, eliminated so nothing counts twice), and the rest (Spending). The parts sum to',
  '    line 0801, so the totals still tie to the P&F. The split is an assumption built from real figures; the Appendix does not print orders by customer.',
  '    Only obligations are split. Gross BA and gross outlays are summed as each account prints them, so GPO’s payments to its own fund count twice in',
  '    them (as in any sum of gross account figures); net BA and net outlays do not.',
  `  Receipt line: GPO has no receipt account in this data, so one invented line (${ILLUSTRATIVE_RECEIPT.account}, "Illustrative: …") shows how receipts`,
  '    stay out of goal totals, on their own row. The Budget totals are therefore the P&F figures plus this line.',
  '  Goals, Objectives, Measures, Results: a plausible plan for GPO’s mission (Congress’s publishing, public access through the depository libraries,',
  '    agency printing and credentials). Objective 2.3 is new in the FY2027 plan: the Crosswalk recasts Cataloging and Indexing (activity 0002) to it',
  `    for FY${RECAST_YEAR} only (rows with Fiscal Year ${RECAST_YEAR}); FY2025–FY2026 stay on 2.2.`,
  '  Crosswalk shares, the Capital investment cost pool (line 0811, Direct Cost), Scenarios and Responses: every Basis cell says Illustrative.',
  '',
  'Rebuild this workbook: npm run example',
  'Run the crosswalk:     npm run crosswalk -- examples/gpo-fy2027.xlsx -o out/gpo-crosswalk.xlsx',
];

// ---------------------------------------------------------------------------------------------------------
// Checks: the example must be a clean run of the method, so the builder refuses to write a broken one.

const sameText = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/** Every Spending line finds a set of Crosswalk rows summing to 100% in every year, with known targets. */
function checkCrosswalk(budget: readonly GpoBudgetRow[]): void {
  const objectives = new Set(OBJECTIVES.map((o) => o.id));
  const pools = new Set(COST_POOLS.map(([name]) => name));
  const sets = new Map<string, CrosswalkSpec[]>();
  for (const r of CROSSWALK) {
    const ok = 'objective' in r.to ? objectives.has(r.to.objective) : pools.has(r.to.pool);
    if (!ok) throw new Error(`Crosswalk target ${JSON.stringify(r.to)} does not exist`);
    const key = `${r.account}|${r.programActivity}|${r.year ?? ''}`;
    sets.set(key, [...(sets.get(key) ?? []), r]);
  }
  for (const [key, rows] of sets) {
    const bp = rows.reduce((s, r) => s + Math.round(r.share * 10_000), 0);
    if (bp !== 10_000) throw new Error(`Crosswalk shares for ${key} sum to ${bp / 100}%, not 100%`);
  }
  const recast = new Set(CROSSWALK.filter((r) => r.year !== null).map((r) => `${r.account}|${r.year}`));
  for (const line of budget.filter((l) => l.lineType === 'Spending')) {
    for (const year of YEARS) {
      const y = recast.has(`${line.account}|${year}`) ? String(year) : '';
      const found =
        sets.get(`${line.account}|${line.programActivity}|${y}`) ?? sets.get(`${line.account}||${y}`);
      if (!found) throw new Error(`No Crosswalk rows for ${line.account} ${line.programActivity} in ${year}`);
    }
  }
  if (!CROSSWALK.every((r) => r.basis.startsWith('Illustrative')))
    throw new Error('A Crosswalk row has no Basis');
}

function checkPlan(): void {
  const goals = new Set(GOALS.map((g) => g.id));
  const objectives = new Set(OBJECTIVES.map((o) => o.id));
  for (const o of OBJECTIVES) if (!goals.has(o.goalId)) throw new Error(`Objective ${o.id}: unknown goal`);
  const shares = new Map<string, number>();
  for (const m of MEASURES) {
    if (!objectives.has(m.objectiveId)) throw new Error(`Measure ${m.id}: unknown objective`);
    shares.set(m.objectiveId, (shares.get(m.objectiveId) ?? 0) + Math.round((m.costShare ?? 0) * 10_000));
  }
  for (const [objective, bp] of shares)
    if (bp > 10_000) throw new Error(`Cost shares of objective ${objective} sum to ${bp / 100}%`);
  const measures = new Set(MEASURES.map((m) => m.id));
  for (const r of RESULTS)
    if (!measures.has(r.measureId)) throw new Error(`Result for unknown ${r.measureId}`);
  for (const [id] of RESPONSES) if (!measures.has(id)) throw new Error(`Response for unknown ${id}`);
  const intra = CROSSWALK.some((r) => sameText(r.account, ILLUSTRATIVE_RECEIPT.account));
  if (intra) throw new Error('The receipt line must have no Crosswalk row');
}

// ---------------------------------------------------------------------------------------------------------
// Sheets

function table(
  wb: ExcelJS.Workbook,
  key: Parameters<typeof checkColumns>[0],
  spec: TableSheet,
  extras: string[] = [],
) {
  checkColumns(
    key,
    spec.columns.map((c) => c.name),
    extras,
  );
  return addTableSheet(wb, spec);
}

function budgetSheet(budget: readonly GpoBudgetRow[]): TableSheet {
  return {
    sheet: 'Budget',
    table: 'Budget',
    columns: [
      { name: 'Account', width: 19 },
      { name: 'Account Title', width: 48 },
      { name: 'Program Activity', width: 10 },
      { name: 'Program Activity Title', width: 26 },
      { name: 'Category', width: 30 },
      { name: 'Amount Type', width: 22 },
      { name: 'Line Type', width: 12 },
      { name: 'Funding Type', width: 13 },
      ...SERIES.map((name) => ({ name, width: 11, numFmt: MILLIONS })),
      { name: 'Appendix Source', width: 50 },
    ],
    rows: budget.map((r): Cell[] => [
      r.account,
      r.accountTitle,
      r.programActivity || null,
      r.programActivityTitle || null,
      r.category || null,
      r.amountType,
      r.lineType,
      r.fundingType,
      ...r.amounts,
      r.source,
    ]),
  };
}

function crosswalkSheet(): TableSheet {
  return {
    sheet: 'Crosswalk',
    table: 'Crosswalk',
    columns: [
      { name: 'Account', width: 19 },
      { name: 'Program Activity', width: 10 },
      { name: 'Objective ID', width: 12 },
      { name: 'Cost Pool', width: 18 },
      { name: 'Share', width: 9, numFmt: PERCENT },
      { name: 'Fiscal Year', width: 11 },
      { name: 'Basis', width: 110 },
    ],
    rows: CROSSWALK.map((r): Cell[] => [
      r.account,
      r.programActivity || null,
      'objective' in r.to ? r.to.objective : null,
      'pool' in r.to ? r.to.pool : null,
      r.share,
      r.year,
      r.basis,
    ]),
  };
}

function measureSheets(): [TableSheet, TableSheet] {
  const measures: TableSheet = {
    sheet: 'Measures',
    table: 'Measures',
    columns: [
      { name: 'Measure ID', width: 10 },
      { name: 'Objective ID', width: 11 },
      { name: 'Measure', width: 60 },
      { name: 'Type', width: 16 },
      { name: 'Unit', width: 16 },
      { name: 'Kind', width: 11 },
      { name: 'Direction', width: 13 },
      { name: 'Priority Goal', width: 12 },
      { name: 'Cost Share', width: 10, numFmt: PERCENT },
      { name: 'Data Source', width: 34 },
      { name: 'Verification', width: 60 },
    ],
    rows: MEASURES.map((m): Cell[] => [
      m.id,
      m.objectiveId,
      m.name,
      m.type,
      m.unit,
      m.kind,
      m.direction,
      m.priorityGoal ? 'Yes' : null,
      m.costShare,
      DATA_SOURCE,
      VERIFICATION,
    ]),
  };
  const results: TableSheet = {
    sheet: 'Results',
    table: 'Results',
    columns: [
      { name: 'Measure ID', width: 10 },
      { name: 'Fiscal Year', width: 11 },
      { name: 'Target', width: 13, numFmt: '#,##0.###' },
      { name: 'Actual', width: 13, numFmt: '#,##0.###' },
      { name: 'Min Target', width: 13, numFmt: '#,##0.###' },
      { name: 'Max Target', width: 13, numFmt: '#,##0.###' },
      { name: 'Explanation', width: 80 },
      { name: 'Data Available', width: 15 },
    ],
    rows: RESULTS.map((r): Cell[] => [
      r.measureId,
      r.year,
      r.target,
      r.actual,
      r.min ?? null,
      r.max ?? null,
      r.explanation ?? null,
      r.dataAvailable ?? null,
    ]),
  };
  return [measures, results];
}

/** The example workbook's bytes; the same on every call. */
export async function buildGpoWorkbook(): Promise<Buffer> {
  const budget = gpoBudgetRows();
  checkCrosswalk(budget);
  checkPlan();

  const wb = newWorkbook('Throughline example: Government Publishing Office, FY2027 Budget Appendix');
  addReadmeSheet(wb, README, [3, 13, 17]);

  const settings = table(wb, 'Settings', {
    sheet: 'Settings',
    table: 'Settings',
    columns: [
      { name: 'Setting', width: 18 },
      { name: 'Value', width: 110 },
    ],
    rows: [
      ['Agency', 'Government Publishing Office'],
      ['Units', 'Millions'],
      ['Budget Year', 2027],
      ['Current Year', 2026],
      ['Prior Year', 2025],
      ['Allocation', 'Direct'],
      ['Maintain Tolerance', '0.5%'],
      ['Note', NOTE],
    ],
  });
  settings.getCell('B9').alignment = { wrapText: true, vertical: 'top' };

  table(wb, 'Budget', budgetSheet(budget), ['Appendix Source']);
  table(wb, 'Goals', {
    sheet: 'Goals',
    table: 'Goals',
    columns: [
      { name: 'Goal ID', width: 9 },
      { name: 'Goal', width: 28 },
      { name: 'Description', width: 110 },
    ],
    rows: GOALS.map((g) => [g.id, g.name, g.description]),
  });
  table(wb, 'Objectives', {
    sheet: 'Objectives',
    table: 'Objectives',
    columns: [
      { name: 'Objective ID', width: 12 },
      { name: 'Goal ID', width: 9 },
      { name: 'Objective', width: 100 },
    ],
    rows: OBJECTIVES.map((o) => [o.id, o.goalId, o.name]),
  });
  const [measures, results] = measureSheets();
  table(wb, 'Measures', measures);
  table(wb, 'Results', results);
  table(wb, 'Crosswalk', crosswalkSheet());
  table(wb, 'CostPools', {
    sheet: 'Cost Pools',
    table: 'CostPools', // Excel table names cannot hold spaces; the engine accepts either name.
    columns: [
      { name: 'Cost Pool', width: 20 },
      { name: 'Method', width: 13 },
      { name: 'Order', width: 8 },
    ],
    rows: COST_POOLS.map((p) => [...p]),
  });
  table(
    wb,
    'Scenarios',
    {
      sheet: 'Scenarios',
      table: 'Scenarios',
      columns: [
        { name: 'Scenario', width: 36 },
        { name: 'Scope', width: 11 },
        { name: 'Key', width: 19 },
        { name: 'Change', width: 9 },
        { name: 'Fiscal Year', width: 11 },
        { name: 'Basis', width: 70 },
      ],
      rows: SCENARIOS.map((s) => [...s, SCENARIO_BASIS]),
    },
    ['Basis'],
  );
  table(
    wb,
    'Responses',
    {
      sheet: 'Responses',
      table: 'Responses',
      columns: [
        { name: 'Measure ID', width: 10 },
        { name: 'Model', width: 13 },
        { name: 'Elasticity', width: 10 },
        { name: 'Low', width: 7 },
        { name: 'High', width: 7 },
        { name: 'Basis', width: 70 },
      ],
      rows: RESPONSES.map((r) => [...r, RESPONSE_BASIS]),
    },
    ['Basis'],
  );
  return workbookBytes(wb);
}

async function main(): Promise<void> {
  const bytes = await buildGpoWorkbook();
  writeFileSync(GPO_EXAMPLE, bytes);
  const rel = relative(process.cwd(), GPO_EXAMPLE) || GPO_EXAMPLE;
  console.log(
    `Wrote ${rel}: ${gpoBudgetRows().length} Budget rows, ${MEASURES.length} Measures, ${RESULTS.length} Results, ` +
      `${CROSSWALK.length} Crosswalk rows, ${SCENARIOS.length} Scenarios, ${RESPONSES.length} Responses.`,
  );
}

// Run as a script (`npm run example`); imported by the test, it only exports the builder.
if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
