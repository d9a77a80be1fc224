/**
 * Builds examples/gsa-fy2018.xlsx, the bundled example workbook for the US General Services Administration,
 * from the public data copied into examples/data/ (see examples/data/SOURCES.md). Run it with `npm run example`.
 *
 * Real: every Budget row (OMB Public Budget Database, FY2017 Budget, agency 023) and every Performance row
 * (GSA FY2018 Annual Performance Report, unmodified). Illustrative: the Crosswalk shares, Cost Pools and Drivers,
 * set by Throughline's developers to show the method; they are not GSA's.
 *
 * Honest about what the source is: the database's FY2016–FY2018 figures are estimates published in February
 * 2016, so the series are labelled `FY2016 Est.` and so on; its 6-digit accounts are offsetting receipt
 * accounts (OMB's user guide), so their lines carry Line Type `Receipt`; and it holds only net budget
 * authority and net outlays, so the revolving funds show near-zero cost and no gross figure is invented.
 *
 * The script reads only examples/data/ and writes the same bytes on every run (fixed workbook dates, fixed zip
 * timestamps), so the committed workbook changes only when this script or its data change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  COST_POOLS,
  CROSSWALK,
  DRIVER_BASIS,
  DRIVERS,
  isReceiptAccount,
  LIMIT_BASIS,
  LIMITS,
  RESPONSE_BASIS,
  RESPONSES,
  SCENARIO_BASIS,
  SCENARIOS,
} from './gsa-illustrative';
import {
  addReadmeSheet,
  addTableSheet,
  type Cell,
  checkColumns,
  newWorkbook,
  type TableSheet,
  workbookBytes,
} from './workbook';

const DATA_DIR = join(__dirname, 'data');
const OUT_FILE = join(__dirname, 'gsa-fy2018.xlsx');
const YEARS = ['2016', '2017', '2018'] as const;
type Year = (typeof YEARS)[number];
/**
 * The database's column for a year holds OMB's estimate as published with the FY2017 Budget (Feb 2016): FY2016
 * the current year, FY2017 the budget year, FY2018 an outyear. None is an actual, so each series says `Est.`,
 * as the Budget Appendix labels its current and budget years (`2026 est.`).
 */
const seriesLabel = (year: Year): string => `FY${year} Est.`;
/** The FY2017 Budget's own budget year: Change BY vs CY is then FY2017 against FY2016, as that Budget showed. */
const BUDGET_YEAR = 2017;
/** Scenarios change FY2018, the year of the performance report. */
const BASE_YEAR = 2018;

const NET_ONLY =
  'The Public Budget Database holds only net budget authority and net outlays (offsetting collections already ' +
  'subtracted). Revolving funds financed by what agencies pay GSA (Federal Buildings Fund ' +
  '023-05-4542, Acquisition Services Fund 023-10-4534) therefore show near-zero or negative cost here, although ' +
  'they obligate billions a year. No gross figures (obligations, gross budget authority) were invented: the ' +
  'COST_BASIS_NET warning says so on every run. For cost by goal, add Obligations from the Budget Appendix.';

const NOTE =
  "Crosswalk shares, cost pools and drivers in this workbook are ILLUSTRATIVE, set by Throughline's developers " +
  "to show the method; they are not GSA's. Budget figures: OMB Public Budget Database, FY2017 Budget (thousands " +
  'of dollars; FY2016–FY2018 are estimates as published in February 2016, hence "Est." in every series label). ' +
  `Cost basis: net budget authority, the only budget authority the database has. ${NET_ONLY} ` +
  'The 6-digit accounts are offsetting receipt accounts (Line Type Receipt): never allocated to goals. ' +
  'Performance data: GSA FY2018 Annual Performance Report, unmodified.';

// ---------------------------------------------------------------------------------------------------------
// Reading the copied sources

function readCsv(file: string): string[][] {
  return parse(readFileSync(join(DATA_DIR, file)), { relax_column_count: false });
}

/** Rows as objects keyed by the header, failing loudly if a column the example needs is missing. */
function readCsvRecords(file: string, needed: readonly string[]): Record<string, string>[] {
  const [header, ...rows] = readCsv(file);
  if (!header) throw new Error(`${file}: empty`);
  for (const name of needed) if (!header.includes(name)) throw new Error(`${file}: no column "${name}"`);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

/** PBD amounts are whole thousands, written as text such as `1,234`, `-26,000` or `0`. */
function parseThousands(text: string, where: string): number {
  if (!/^-?\d{1,3}(,\d{3})*$/.test(text) && !/^-?\d+$/.test(text)) {
    throw new Error(`${where}: "${text}" is not a whole amount`);
  }
  const value = Number(text.replace(/,/g, ''));
  if (!Number.isSafeInteger(value)) throw new Error(`${where}: "${text}" is out of range`);
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// Budget: one row per PBD row of agency 023, from budget authority and outlays

interface BudgetRow {
  bureau: string;
  accountCode: string;
  account: string;
  title: string;
  category: string;
  grantSplit: string;
  amountType: 'Budget Authority' | 'Outlays';
  text: Record<Year, string>;
  value: Record<Year, number>;
}

const PBD_COLUMNS = ['Agency Code', 'Bureau Code', 'Account Code', 'Account Name', 'BEA Category', ...YEARS];

function readPbd(file: string, amountType: BudgetRow['amountType']): BudgetRow[] {
  return readCsvRecords(file, PBD_COLUMNS).map((r, i) => {
    const where = `${file} record ${i + 1}`;
    const agency = r['Agency Code'] ?? '';
    const bureau = r['Bureau Code'] ?? '';
    const accountCode = r['Account Code'] ?? '';
    if (agency !== '023') throw new Error(`${where}: agency "${agency}" is not GSA (023)`);
    if (!/^\d{2}$/.test(bureau) || !/^(\d{4}|\d{6})$/.test(accountCode)) {
      throw new Error(`${where}: unexpected bureau "${bureau}" or account "${accountCode}"`);
    }
    const text = Object.fromEntries(YEARS.map((y) => [y, r[y] ?? ''])) as Record<Year, string>;
    const value = Object.fromEntries(
      YEARS.map((y) => [y, parseThousands(text[y], `${where} ${y}`)]),
    ) as Record<Year, number>;
    return {
      bureau,
      accountCode,
      account: `${agency}-${bureau}-${accountCode}`,
      title: r['Account Name'] ?? '',
      category: r['BEA Category'] ?? '',
      grantSplit: r['Grant/non-grant split'] ?? '',
      amountType,
      text,
      value,
    };
  });
}

function budgetRows(): BudgetRow[] {
  const all = [
    ...readPbd('omb-pbd-fy2017-budauth.csv', 'Budget Authority'),
    ...readPbd('omb-pbd-fy2017-outlays.csv', 'Outlays'),
  ].filter((row) => YEARS.some((y) => row.value[y] !== 0));
  const key = (r: BudgetRow): string => [r.bureau, r.accountCode, r.category, r.amountType].join('|');
  const rows = [...all].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  // A line's identity is account + category + amount type. The outlays file also splits by grant/non-grant;
  // that goes into the Category only where it is needed to tell two rows apart.
  const count = new Map<string, number>();
  for (const r of rows) count.set(key(r), (count.get(key(r)) ?? 0) + 1);
  for (const r of rows) if ((count.get(key(r)) ?? 0) > 1 && r.grantSplit) r.category += ` (${r.grantSplit})`;
  const seen = new Set<string>();
  for (const r of rows) {
    const id = [r.account, r.category, r.amountType].join('|');
    if (seen.has(id)) throw new Error(`Two budget rows share the identity ${id}`);
    seen.add(id);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// Performance: GSA's flat report, as is. Goal and objective IDs as the engine derives them.

/** The objective IDs the engine derives from the Performance table; checked against the data below. */
const OBJECTIVES: readonly { id: string; goalId: string; goal: string; name: string }[] = [
  { id: '1.1', goalId: 'G1', goal: 'Real Estate', name: 'Reduce the cost of Federal inventory' },
  {
    id: '1.2',
    goalId: 'G1',
    goal: 'Real Estate',
    name: 'Establish GSA as a more cost-effective provider of real estate services for all agencies',
  },
  {
    id: '2.1',
    goalId: 'G2',
    goal: 'Acquisition',
    name: 'Design and deliver GSA products and services that yield measurable savings while aligning with customer mission objectives and changing market demand',
  },
  {
    id: '2.2',
    goalId: 'G2',
    goal: 'Acquisition',
    name: 'Make it easier to do business with the Government by simplifying processes and streamlining access for our customers and suppliers',
  },
  {
    id: '2.3',
    goalId: 'G2',
    goal: 'Acquisition',
    name: 'Enhance customer agency access to qualified small and socio-economic businesses',
  },
  {
    id: '3.1',
    goalId: 'G3',
    goal: 'Technology',
    name: 'Lead Government-wide technology modernization initiatives',
  },
  {
    id: '3.2',
    goalId: 'G3',
    goal: 'Technology',
    name: 'Drive more efficient and innovative Government procurement of technology services',
  },
  {
    id: '3.3',
    goalId: 'G3',
    goal: 'Technology',
    name: 'Lead implementation of technical standards, policies, and strategies',
  },
  {
    id: '4.1',
    goalId: 'G4',
    goal: 'Service Expansion',
    name: 'Promote adoption of shared services by agencies through policy, guidance, and benchmarking',
  },
  {
    id: '4.2',
    goalId: 'G4',
    goal: 'Service Expansion',
    name: 'Support the overall mission of GSA by investing in our employees and modeling how we deliver internal support services, while providing policy guidance across Government',
  },
  {
    id: '4.3',
    goalId: 'G4',
    goal: 'Service Expansion',
    name: 'Develop new organizational capabilities to understand customer demand and deliver integrated offerings to support common business processes Government-wide',
  },
];

/** Objective names that differ only in case, whitespace or trailing punctuation are the same objective. */
const sameName = (s: string): string =>
  s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:!?]+$/, '')
    .toLowerCase();

/** Derives goal and objective IDs in order of first appearance and checks them against OBJECTIVES. */
function checkObjectiveIds(header: string[], rows: string[][]): void {
  const goalCol = header.indexOf('Goal');
  const objCol = header.indexOf('2018 Strategic Objective');
  if (goalCol < 0 || objCol < 0)
    throw new Error('gsa-fy2018-apr.csv: no Goal or 2018 Strategic Objective column');
  const goals: string[] = [];
  const objectives = new Map<string, string[]>();
  for (const row of rows) {
    const goal = sameName(row[goalCol] ?? '');
    const objective = sameName(row[objCol] ?? '');
    if (!goals.includes(goal)) goals.push(goal);
    const list = objectives.get(goal) ?? [];
    if (!list.includes(objective)) list.push(objective);
    objectives.set(goal, list);
  }
  const derived = goals.flatMap((g, gi) =>
    (objectives.get(g) ?? []).map((o, oi) => `G${gi + 1} ${g} | ${gi + 1}.${oi + 1} ${o}`),
  );
  const expected = OBJECTIVES.map((o) => `${o.goalId} ${sameName(o.goal)} | ${o.id} ${sameName(o.name)}`);
  if (derived.join('\n') !== expected.join('\n')) {
    throw new Error(`Objective IDs derived from the Performance data differ:\n${derived.join('\n')}`);
  }
}

/** A CSV cell as a worksheet value: numbers whose text is exactly a number become numbers; blank stays blank. */
function performanceValue(text: string): Cell {
  if (text === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(text) && String(Number(text)) === text) return Number(text);
  return text;
}

function basisPoints(share: number | string): number {
  if (typeof share === 'string' && !/^\d+(\.\d+)?%$/.test(share)) {
    throw new Error(`Share "${share}" is not a percent`);
  }
  const bp = typeof share === 'number' ? share * 10_000 : Number(share.slice(0, -1)) * 100;
  if (Math.abs(bp - Math.round(bp)) > 1e-6) throw new Error(`Share ${share} is finer than 0.01%`);
  return Math.round(bp);
}

function checkCrosswalk(budget: BudgetRow[]): void {
  const accounts = new Map(budget.map((r) => [r.account, r]));
  const objectiveIds = new Set(OBJECTIVES.map((o) => o.id));
  const goalIds = new Set(OBJECTIVES.map((o) => o.goalId));
  const pools = new Set(COST_POOLS.map(([name]) => name));
  for (const [account, splits] of Object.entries(CROSSWALK)) {
    if (!accounts.has(account)) throw new Error(`Crosswalk account ${account} has no Budget row`);
    const total = splits.reduce((sum, s) => sum + basisPoints(s.share), 0);
    if (total !== 10_000) throw new Error(`Crosswalk shares for ${account} sum to ${total / 100}%, not 100%`);
    for (const { to } of splits) {
      const ok =
        'objective' in to
          ? objectiveIds.has(to.objective)
          : 'goal' in to
            ? goalIds.has(to.goal)
            : pools.has(to.pool);
      if (!ok) throw new Error(`Crosswalk target ${JSON.stringify(to)} for ${account} does not exist`);
    }
  }
  for (const [account, row] of accounts) {
    if (!CROSSWALK[account] && !isReceiptAccount(row.accountCode)) {
      throw new Error(`Budget account ${account} (${row.title}) is neither mapped nor a receipt account`);
    }
    // Receipts are never allocated to goals, so a Crosswalk row for one would be a mistake in the example.
    if (CROSSWALK[account] && isReceiptAccount(row.accountCode)) {
      throw new Error(`Receipt account ${account} (${row.title}) has Crosswalk rows`);
    }
  }
  for (const d of DRIVERS) {
    if (d.objective && !objectiveIds.has(d.objective))
      throw new Error(`Driver objective ${d.objective} unknown`);
    if (d.targetPool && !pools.has(d.targetPool))
      throw new Error(`Driver target pool ${d.targetPool} unknown`);
  }
}

async function main(): Promise<void> {
  const budget = budgetRows();
  checkCrosswalk(budget);
  const [perfHeader, ...perfRows] = readCsv('gsa-fy2018-apr.csv');
  if (!perfHeader) throw new Error('gsa-fy2018-apr.csv: empty');
  checkObjectiveIds(perfHeader, perfRows);

  const wb = newWorkbook('Throughline example: General Services Administration, FY2016–FY2018');
  addReadmeSheet(
    wb,
    [
      'Throughline example: US General Services Administration (GSA), FY2016–FY2018 (estimates)',
      '',
      "ILLUSTRATIVE: the Crosswalk shares, Cost Pools, Drivers, Scenarios, Responses and Allocation Limits were set by Throughline's developers to show the method. They are not GSA's.",
      'Every Basis cell in Crosswalk (and Drivers, Scenarios, Responses, Allocation Limits) says so.',
      '',
      'REAL DATA:',
      '  Budget: OMB Public Budget Database, FY2017 Budget (WhiteHouse/budgetdata, public domain / CC0), agency 023, budget authority and outlays.',
      '    Thousands of dollars. FY2016–FY2018 are ESTIMATES as published in February 2016 (FY2016 the current year, FY2017 the budget year, FY2018 an outyear),',
      '    so the series are labelled "FY2016 Est.", "FY2017 Est.", "FY2018 Est.". Settings: Budget Year 2017 (that Budget\'s request year); scenarios change FY2018 (Base Year).',
      '    Rows that are zero in all three years are left out. Account = agency-bureau-account (e.g. 023-05-4542).',
      '    The database has no program activities or object classes, so those columns are blank.',
      '    The FY2016 column of the Outlays rows holds the original text of the source (e.g. "-1,046,000"), on purpose: it shows the engine reading text amounts.',
      "  Receipts: the eight 6-digit accounts (e.g. 023-00-322000) are offsetting receipt accounts, as OMB's user guide defines them. Their Line Type is Receipt:",
      '    they are never allocated to goals and appear on their own row of ResourcesByGoal ("Offsetting receipts, not allocated"), so the totals still tie to the database.',
      '  Performance: GSA FY2018 Annual Performance Report data, every row and cell as published (blank-looking cells holding spaces, line breaks in names, "With in Range").',
      '    Goals and objectives get IDs in order of first appearance: G1 Real Estate (1.1, 1.2), G2 Acquisition (2.1–2.3), G3 Technology (3.1–3.3), G4 Service Expansion (4.1–4.3).',
      '',
      'NET FIGURES ONLY: the cost basis is net budget authority ("resources (budget authority)" in every title), because the database has nothing else.',
      '  It holds only net budget authority and net outlays. Revolving funds (Federal Buildings Fund 023-05-4542, Acquisition Services Fund 023-10-4534) are',
      '  financed by what agencies pay GSA, so their net figures are near zero or negative and they show near-zero cost here, although they obligate billions a year.',
      "  No gross figures (obligations, gross budget authority) were invented. The engine's COST_BASIS_NET warning repeats this on every run.",
      '  For a gross basis worked end to end, see the GPO example (examples/gpo-fy2027.xlsx), built from the FY2027 Budget Appendix.',
      '',
      'Sources, commits and licences: examples/data/SOURCES.md in the Throughline repository.',
      'Rebuild this workbook: npm run example',
      'Run the crosswalk:     npm run crosswalk -- examples/gsa-fy2018.xlsx -o out/gsa-crosswalk.xlsx',
    ],
    [3, 6, 18],
  );

  const settings: TableSheet = {
    sheet: 'Settings',
    table: 'Settings',
    columns: [
      { name: 'Setting', width: 16 },
      { name: 'Value', width: 110 },
    ],
    rows: [
      ['Agency', 'General Services Administration'],
      ['Units', 'Thousands'],
      // Stated, not left to the default (which would pick it too): the only budget authority the source has.
      ['Cost Basis', 'Budget Authority'],
      ['Budget Year', BUDGET_YEAR],
      ['Base Year', BASE_YEAR],
      ['Allocation', 'Step-Down'],
      ['Note', NOTE],
    ],
  };
  checkColumns(
    'Settings',
    settings.columns.map((c) => c.name),
  );
  const settingsWs = addTableSheet(wb, settings);
  settingsWs.getCell(`B${settings.rows.length + 1}`).alignment = { wrapText: true, vertical: 'top' };

  const budgetSheet: TableSheet = {
    sheet: 'Budget',
    table: 'Budget',
    columns: [
      { name: 'Account', width: 15 },
      { name: 'Account Title', width: 60 },
      { name: 'Program Activity', width: 17 },
      { name: 'Program Activity Title', width: 23 },
      { name: 'Object Class', width: 13 },
      { name: 'Category', width: 15 },
      { name: 'Amount Type', width: 17 },
      { name: 'Line Type', width: 11 },
      ...YEARS.map((y) => ({ name: seriesLabel(y), width: 14, amount: true })),
    ],
    rows: budget.map((r) => [
      r.account,
      r.title,
      null,
      null,
      null,
      r.category,
      r.amountType,
      isReceiptAccount(r.accountCode) ? 'Receipt' : 'Spending',
      // Outlays FY2016 stays the source's text, to exercise text-amount reading on real data.
      r.amountType === 'Outlays' ? r.text['2016'] : r.value['2016'],
      r.value['2017'],
      r.value['2018'],
    ]),
  };
  checkColumns(
    'Budget',
    budgetSheet.columns.map((c) => c.name),
  );
  const budgetWs = addTableSheet(wb, budgetSheet);
  const fy2016Column = budgetSheet.columns.findIndex((c) => c.name === seriesLabel('2016')) + 1;
  budget.forEach((r, i) => {
    if (r.amountType === 'Outlays') budgetWs.getCell(i + 2, fy2016Column).alignment = { horizontal: 'right' };
  });

  const widths: Record<string, number> = {
    Goal: 18,
    '2018 Strategic Objective': 50,
    KPI: 50,
    Unit: 16,
    'Desired Direction': 17,
    'Description:': 50,
    Notes: 50,
    'Further Questions': 18,
  };
  const performance: TableSheet = {
    sheet: 'Performance',
    table: 'Performance',
    columns: perfHeader.map((name) => ({ name, width: widths[name] ?? 12 })),
    rows: perfRows.map((row) => row.map(performanceValue)),
  };
  checkColumns(
    'Performance',
    performance.columns.map((c) => c.name),
    ['Description:', 'Notes', 'Further Questions'],
  );
  addTableSheet(wb, performance);

  const crosswalk: TableSheet = {
    sheet: 'Crosswalk',
    table: 'Crosswalk',
    columns: [
      { name: 'Account', width: 15 },
      { name: 'Program Activity', width: 17 },
      { name: 'Object Class', width: 13 },
      { name: 'Objective ID', width: 13 },
      { name: 'Goal ID', width: 10 },
      { name: 'Cost Pool', width: 22 },
      { name: 'Share', width: 9 },
      { name: 'Basis', width: 110 },
    ],
    rows: Object.entries(CROSSWALK)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([account, splits]) =>
        splits.map((s): Cell[] => [
          account,
          null,
          null,
          'objective' in s.to ? s.to.objective : null,
          'goal' in s.to ? s.to.goal : null,
          'pool' in s.to ? s.to.pool : null,
          s.share,
          s.basis,
        ]),
      ),
  };
  checkColumns(
    'Crosswalk',
    crosswalk.columns.map((c) => c.name),
  );
  const crosswalkWs = addTableSheet(wb, crosswalk);
  crosswalk.rows.forEach((row, i) => {
    if (typeof row[6] === 'string') crosswalkWs.getCell(i + 2, 7).alignment = { horizontal: 'right' };
  });

  const costPools: TableSheet = {
    sheet: 'Cost Pools',
    table: 'CostPools', // Excel table names cannot hold spaces; the engine accepts either name.
    columns: [
      { name: 'Cost Pool', width: 22 },
      { name: 'Method', width: 13 },
      { name: 'Order', width: 9 },
    ],
    rows: COST_POOLS.map((p) => [...p]),
  };
  checkColumns(
    'CostPools',
    costPools.columns.map((c) => c.name),
  );
  addTableSheet(wb, costPools);

  const drivers: TableSheet = {
    sheet: 'Drivers',
    table: 'Drivers',
    columns: [
      { name: 'Cost Pool', width: 22 },
      { name: 'Objective ID', width: 13 },
      { name: 'Target Pool', width: 18 },
      { name: 'Driver Value', width: 13 },
      { name: 'Basis', width: 80 },
    ],
    rows: DRIVERS.map((d) => [d.pool, d.objective ?? null, d.targetPool ?? null, d.value, DRIVER_BASIS]),
  };
  checkColumns(
    'Drivers',
    drivers.columns.map((c) => c.name),
    ['Basis'],
  );
  addTableSheet(wb, drivers);

  // Scenarios, Responses, Allocation Limits: ILLUSTRATIVE, to show funding versus results.
  const scenarios: TableSheet = {
    sheet: 'Scenarios',
    table: 'Scenarios',
    columns: [
      { name: 'Scenario', width: 30 },
      { name: 'Scope', width: 17 },
      { name: 'Key', width: 16 },
      { name: 'Change', width: 11 },
      { name: 'Fiscal Year', width: 12 },
      { name: 'Basis', width: 70 },
    ],
    rows: SCENARIOS.map((r) => [...r, 2018, SCENARIO_BASIS]),
  };
  checkColumns(
    'Scenarios',
    scenarios.columns.map((c) => c.name),
    ['Basis'],
  );
  addTableSheet(wb, scenarios);

  const responses: TableSheet = {
    sheet: 'Responses',
    table: 'Responses',
    columns: [
      { name: 'Measure ID', width: 12 },
      { name: 'Model', width: 14 },
      { name: 'Elasticity', width: 11 },
      { name: 'Low', width: 8 },
      { name: 'High', width: 8 },
      { name: 'Expression', width: 58 },
      { name: 'Basis', width: 70 },
    ],
    rows: RESPONSES.map((r) => [...r, RESPONSE_BASIS]),
  };
  checkColumns(
    'Responses',
    responses.columns.map((c) => c.name),
    ['Basis'],
  );
  addTableSheet(wb, responses);

  const limits: TableSheet = {
    sheet: 'Allocation Limits',
    table: 'AllocationLimits',
    columns: [
      { name: 'Objective ID', width: 13 },
      { name: 'Floor', width: 9 },
      { name: 'Ceiling', width: 9 },
      { name: 'Weight', width: 9 },
      { name: 'Basis', width: 70 },
    ],
    rows: LIMITS.map((r) => [...r, LIMIT_BASIS]),
  };
  checkColumns(
    'AllocationLimits',
    limits.columns.map((c) => c.name),
    ['Basis'],
  );
  addTableSheet(wb, limits);

  const written = await workbookBytes(wb);
  writeFileSync(OUT_FILE, written);
  await checkRoundTrip(written, perfHeader, perfRows, budget.length);

  const rel = relative(process.cwd(), OUT_FILE) || OUT_FILE;
  console.log(
    `Wrote ${rel}: ${budget.length} Budget rows, ${perfRows.length} Performance rows, ` +
      `${crosswalk.rows.length} Crosswalk rows, ${costPools.rows.length} Cost Pools, ${drivers.rows.length} Drivers, ` +
      `${scenarios.rows.length} Scenarios rows, ${responses.rows.length} Responses, ${limits.rows.length} Allocation Limits.`,
  );
}

/** Reads the written workbook back: the Performance sheet must hold the CSV's text exactly. */
async function checkRoundTrip(
  file: Buffer,
  header: string[],
  rows: string[][],
  budgetRowCount: number,
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  const perf = wb.getWorksheet('Performance');
  const budgetWs = wb.getWorksheet('Budget');
  if (!perf || !budgetWs) throw new Error('Round trip: sheets missing');
  if (budgetWs.actualRowCount !== budgetRowCount + 1) throw new Error('Round trip: Budget row count differs');
  [header, ...rows].forEach((row, r) => {
    row.forEach((text, c) => {
      const v = perf.getCell(r + 1, c + 1).value;
      const got = v === null || v === undefined ? '' : String(v);
      if (got !== text) {
        throw new Error(
          `Round trip: Performance ${perf.getCell(r + 1, c + 1).address} is ${JSON.stringify(got)}`,
        );
      }
    });
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
