import type { Status } from '../../models';
import { plural } from './format';

/**
 * The pane's own words, apart from the engine's messages: the result banner, what errors on each input sheet
 * affect, and the labels of grouped issues. Kept here so they read as one voice and are easy to review.
 */

export const BANNER = {
  errors: (n: number) =>
    `${plural(n, 'error')}: these results are incomplete. Fix ${n === 1 ? 'it' : 'them'} in the workbook and run again before using the figures.`,
  warnings: (n: number) =>
    `Results ready, with ${plural(n, 'warning')} to review: each says what it changed or assumed.`,
  clean: 'Results ready: every cell read cleanly.',
  notes: (n: number) => `Results ready: every cell read cleanly (${plural(n, 'note')} below).`,
  affects: 'What the errors affect:',
  unread: (n: number, cells: string) =>
    `${plural(n, 'Budget amount')} could not be read (${cells}) and ${n === 1 ? 'is' : 'are'} left out of every total.`,
  unreadGoals: (goals: string) => `Totals marked ⚠ are short by at least one of them (${goals}).`,
  unreadPools: 'Some fed a cost pool, so the support costs it spreads are short too.',
  /** The status line after a run: never phrased as a success when there are errors. */
  ranWithErrors: (file: string, errors: number, time: string) =>
    `The crosswalk on ${file} finished with ${plural(errors, 'error')} (${time}): the figures below are incomplete.`,
  ran: (file: string, time: string) => `Ran the crosswalk on ${file} in ${time}.`,
  download: (file: string) => `Download ${file}`,
  downloadWithErrors: (file: string, errors: number) =>
    `Download ${file} anyway (${plural(errors, 'error')})`,
};

/** The status line inside Excel after Build crosswalk or Validate: with errors, they come first. */
export const STATUS = {
  wrote: (sheets: number, time: string, first: string | undefined) =>
    `Wrote ${sheets} output sheets in ${time}${first ? `; ${first} is open` : ''}.`,
  wroteWithErrors: (errors: number, sheets: number, time: string, first: string | undefined) =>
    `${plural(errors, 'error')}: the ${sheets} output sheets written (${time}${first ? `; ${first} is open` : ''}) hold incomplete figures.`,
  checked: (tables: number, time: string) =>
    `Checked ${tables} tables in ${time}. Nothing in the workbook was changed.`,
  checkedWithErrors: (errors: number, tables: number, time: string) =>
    `${plural(errors, 'error')} in ${tables} tables (checked in ${time}): the figures are incomplete. Nothing in the workbook was changed.`,
};

/** What errors on an input sheet do to the results, by sheet (the contract's table names). */
const SHEET_EFFECTS: Readonly<Record<string, string>> = {
  Settings: 'a default is used instead of the setting',
  Budget: 'the amounts or lines are left out of every total',
  Crosswalk: 'the rows are not used, so those lines’ shares count as Unmapped',
  Goals: 'the goals are left out, with what maps to them',
  Objectives: 'the objectives are left out, with what maps to them',
  Measures: 'the measures are left out of results and cost per outcome',
  Results: 'those results are left out, so the measures are judged without them',
  Performance: 'those results are left out, so the measures are judged without them',
  'Cost Pools': 'support costs are not spread as set',
  Drivers: 'support costs are not spread as set',
  Scenarios: 'those scenarios are not run as written',
  Responses: 'those measures are not projected in scenarios',
  'Allocation Limits': 'the best allocation ignores those limits',
};

export function sheetEffect(sheet: string, errors: number): string {
  const where = sheet || 'The workbook';
  const effect = SHEET_EFFECTS[sheet] ?? 'the rows are left out';
  return `${where} (${plural(errors, 'error')}): ${effect}.`;
}

/** How a run of issues of one code is named when grouped: "16 Budget lines with no Crosswalk row". */
const GROUP_LABELS: Readonly<Record<string, (n: number) => string>> = {
  BUDGET_LINE_UNMAPPED: (n) => `${plural(n, 'Budget line')} with no Crosswalk row`,
  AMOUNT_INVALID: (n) => `${plural(n, 'amount')} that ${n === 1 ? 'is' : 'are'} not a number`,
  CELL_ERROR_VALUE: (n) => `${plural(n, 'cell')} holding an Excel error`,
  FORMULA_NOT_CALCULATED: (n) => `${plural(n, 'formula')} never calculated`,
  AMOUNT_ROUNDED: (n) => `${plural(n, 'amount')} rounded to the Units’ precision`,
  AMOUNT_IS_DATE: (n) => `${plural(n, 'amount')} entered as a date`,
  CROSSWALK_RULE_UNUSED: (n) => `${plural(n, 'Crosswalk row')} no Budget line uses`,
  VALUE_REQUIRED: (n) => `${plural(n, 'row')} missing a required value`,
  VALUE_NOT_ALLOWED: (n) => `${plural(n, 'value')} not among those allowed`,
  UNKNOWN_GOAL: (n) => `${plural(n, 'reference')} to goals not in Goals`,
  UNKNOWN_OBJECTIVE: (n) => `${plural(n, 'reference')} to objectives not in Objectives`,
  UNKNOWN_MEASURE: (n) => `${plural(n, 'reference')} to measures not in Measures`,
  DUPLICATE_ID: (n) => `${plural(n, 'ID')} used more than once`,
  DUPLICATE_BUDGET_LINE: (n) => `${plural(n, 'Budget line')} entered twice`,
  MEASURE_NO_TARGETS: (n) => `${plural(n, 'measure')} without targets`,
  OBJECTIVE_NO_MEASURES: (n) => `${plural(n, 'objective')} without measures`,
  SHARE_INVALID: (n) => `${plural(n, 'share')} that ${n === 1 ? 'is' : 'are'} not a share`,
  NEGATIVE_NET_COST: (n) => `${plural(n, 'negative net cost')}`,
  SCENARIO_NO_MATCH: (n) => `${plural(n, 'scenario change')} matching nothing`,
  PERFORMANCE_NAMES_MERGED: (n) => `${plural(n, 'name')} merged with one spelled alike`,
};

export function groupLabel(code: string, n: number): string {
  return GROUP_LABELS[code]?.(n) ?? `${plural(n, 'issue')} of the kind ${code}`;
}

export const GROUP_OPEN = 'Show each';

/** The chart titles and their text alternatives. */
export const CHARTS = {
  resources: (costLabel: string, units: string) => `${capital(costLabel)} by goal (${units})`,
  resourcesAlt: (costLabel: string) => `${capital(costLabel)} by goal, as a table`,
  measures: (year: number | null) => `Measures by status per goal${year === null ? '' : `, FY${year}`}`,
  measuresAlt: 'Measures by status per goal, as a table',
  noMeasures: 'No measures were read, so there is no chart of results.',
};

/** Colours by status: green met, red not met, amber improved; greys for the ones not judged yet. */
export const STATUS_COLORS: Readonly<Record<Status, string>> = {
  Met: '#107c10',
  'Not Met': '#c50f1f',
  Improved: '#e9a23b',
  Pending: '#6b8fb5',
  'No Actual': '#8a8a8a',
  'No Target': '#c8c8c8',
  'Not Judged': '#e3e3e3',
};

export const TEMPLATE = {
  button: 'Download a blank template',
  hint: 'The same input sheets as Insert template in Excel, to fill in and upload here.',
  filename: (fiscalYear: number) => `throughline-template-FY${fiscalYear}.xlsx`,
};

/** The browser page's DATA Act CSV pickers: File A and File B sent as they are, beside the workbook or alone. */
export const DATA_ACT_FILES = {
  legend: 'DATA Act File A and File B (optional)',
  hint: "The broker's CSVs or USAspending's downloads, sent with the workbook you choose as if pasted into sheets named File A and File B. A finding at File B!A17 is line 17 of the CSV.",
  fileA: 'File A CSV',
  fileB: 'File B CSV',
  alone: 'Tie out the CSVs alone',
  clear: 'Clear',
  /** The run's name: the workbook and the CSVs with it. */
  runName: (names: string[]) => names.join(' + '),
};

export const REFUSED = {
  /** A refusal names the file once, in its heading; the engine's sentence follows as it is. */
  heading: (title: string, file: string) => `${title}: ${file}`,
  tooLarge: (file: string) => `${file} is larger than 25 MB, more than the engine takes in one workbook.`,
};

export const PREVIEW = {
  more: 'More',
  moreLabel: (n: number) => `${plural(n, 'more output table')}`,
};

const capital = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
