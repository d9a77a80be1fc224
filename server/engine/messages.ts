import type { Issue, Loc, Severity } from '../../models';

/**
 * Every issue the engine can raise: its stable code, its severity, and the words a budget officer reads.
 * All message text lives here, so wording is reviewed in one place and codes never drift from it.
 */

export type Msg<C extends string = string> = { severity: Severity; code: C; message: string };
const error = <C extends string>(code: C, message: string): Msg<C> => ({ severity: 'error', code, message });
const warning = <C extends string>(code: C, message: string): Msg<C> => ({
  severity: 'warning',
  code,
  message,
});
const info = <C extends string>(code: C, message: string): Msg<C> => ({ severity: 'info', code, message });

const list = (items: readonly string[]) => items.map((s) => `"${s}"`).join(', ');
/** The first 20 cells of a group, and how many more: `rows A5, A9, A12 and 3 more`. */
export function cellList(cells: readonly string[], max = 20): string {
  const shown = cells.slice(0, max).join(', ');
  return cells.length > max ? `rows ${shown} and ${cells.length - max} more` : `rows ${shown}`;
}
const pct = (ppb: number) => `${(ppb / 1e7).toFixed(2).replace(/\.?0+$/, '')}%`;

export const MESSAGES = {
  // --- tables and columns
  tableMissing: (table: string, columns: readonly string[]) =>
    error(
      'TABLE_MISSING',
      `The workbook has no ${table} table. Add a sheet or Excel table named "${table}" with the columns ${list(columns)}.`,
    ),
  tableEmpty: (table: string) =>
    warning('TABLE_EMPTY', `The ${table} table has a header row but no data rows.`),
  columnMissing: (table: string, column: string) =>
    error('COLUMN_MISSING', `The ${table} table has no "${column}" column. Add a column headed "${column}".`),
  columnDuplicate: (table: string, column: string) =>
    warning(
      'COLUMN_DUPLICATE',
      `The ${table} table has two columns that read as "${column}"; only the first is used.`,
    ),
  budgetNoYears: () =>
    error(
      'BUDGET_NO_YEARS',
      'The Budget table has no fiscal year columns. Head each amount column with its year (FY2018, FY 2018 or 2018), or use "Fiscal Year" and "Amount" columns.',
    ),
  seriesColumnDuplicate: (label: string) =>
    error(
      'BUDGET_SERIES_DUPLICATE',
      `Two Budget columns are for ${label}; only the first is used. Keep one column per year and version (FY2024 Enacted and FY2024 CR may sit side by side).`,
    ),
  performanceIgnored: () =>
    warning(
      'PERFORMANCE_IGNORED',
      'The workbook has both Goals/Objectives tables and a Performance table; the Performance table is not used.',
    ),
  performanceNamesMerged: (kind: string, a: string, b: string) =>
    info(
      'PERFORMANCE_NAMES_MERGED',
      `The ${kind} "${b}" differs from "${a}" only in capitals, spacing or punctuation; they are read as one ${kind}.`,
    ),
  performanceConflict: (measure: string, column: string, first: string, other: string) =>
    warning(
      'PERFORMANCE_CONFLICT',
      `Measure "${measure}" has ${column} "${other}" here but "${first}" in its first row; "${first}" is used.`,
    ),

  // --- cell values
  amountInvalid: (text: string) =>
    error(
      'AMOUNT_INVALID',
      `"${text}" is not an amount. Enter a number such as 1,234 or (1,234) for a negative, or leave the cell blank.`,
    ),
  amountPercent: (text: string) =>
    error(
      'AMOUNT_INVALID',
      `"${text}" is a percent, not an amount. Enter the amount in the workbook's Units.`,
    ),
  amountErrorValue: (text: string) =>
    error(
      'CELL_ERROR_VALUE',
      `This cell shows the Excel error ${text}. Fix the formula or enter the value; it is left out until then.`,
    ),
  amountDate: (text: string) =>
    error(
      'AMOUNT_IS_DATE',
      `This cell holds a date (${text}) where a number belongs. Format the cell as Number and re-enter the value.`,
    ),
  formulaNotCalculated: (text: string) =>
    error(
      'FORMULA_NOT_CALCULATED',
      `The formula ${text} has no calculated value saved with the file. Open the workbook in Excel, let it recalculate, save, and try again.`,
    ),
  amountOutOfRange: () =>
    error(
      'AMOUNT_OUT_OF_RANGE',
      'This amount is too large to add up exactly. Check the Units setting (Thousands or Millions) or the value.',
    ),
  totalsOutOfRange: (series: string, type: string, total: string) =>
    error(
      'TOTALS_OUT_OF_RANGE',
      `The ${series} ${type} amounts for ${total} add up to more than can be totalled exactly (about 90 trillion dollars at cents). Check the Units setting (Thousands or Millions) and for amounts entered in the wrong unit; the ${series} ${type} amounts are left out until then, and everything else is computed.`,
    ),
  scenarioOutOfRange: (scenario: string) =>
    error(
      'SCENARIO_OUT_OF_RANGE',
      `Scenario "${scenario}" changes funding by more than can be totalled exactly (about 90 trillion dollars at cents). Check its Change amounts and the Units setting; the scenario is left out until then.`,
    ),
  amountRounded: (text: string, decimals: number, units: string) =>
    warning(
      'AMOUNT_ROUNDED',
      `${text} has more decimal places than a cent; it is rounded to ${decimals} decimal place${decimals === 1 ? '' : 's'} of ${units.toLowerCase()}.`,
    ),
  fteRounded: (text: string) => warning('FTE_ROUNDED', `FTE ${text} is rounded to one decimal place.`),
  numberInvalid: (column: string, text: string) =>
    error(
      'NUMBER_INVALID',
      `${column} "${text}" is not a number. Enter a number (0.55 or 55% for a percentage), or leave it blank.`,
    ),
  yearInvalid: (text: string) =>
    error('YEAR_INVALID', `"${text}" is not a fiscal year. Enter a four-digit year such as 2018.`),
  valueRequired: (table: string, column: string) =>
    error('VALUE_REQUIRED', `This ${table} row has no ${column}. The row is left out until it has one.`),
  enumInvalid: (column: string, text: string, allowed: readonly string[]) =>
    error('VALUE_NOT_ALLOWED', `${column} "${text}" is not one of ${list(allowed)}.`),
  enumDefaulted: (column: string, text: string, allowed: readonly string[], used: string) =>
    warning('VALUE_NOT_ALLOWED', `${column} "${text}" is not one of ${list(allowed)}; "${used}" is used.`),
  settingUnknown: (name: string) =>
    warning('SETTING_UNKNOWN', `"${name}" is not a setting Throughline uses; it is ignored.`),
  settingInvalid: (name: string, text: string, used: string) =>
    error('SETTING_INVALID', `Setting ${name} "${text}" is not valid; ${used} is used instead.`),

  changeInvalid: (text: string) =>
    error(
      'CHANGE_INVALID',
      `Change "${text}" is not a change. Enter a percent such as -10% or an amount in the workbook's Units such as -5,000.`,
    ),
  expressionTooLong: (max: number) =>
    error(
      'EXPRESSION_INVALID',
      `This Expression is longer than ${max} characters. Keep response formulas short: arithmetic over funding, baseFunding, baseValue and e.`,
    ),
  rangeInvalid: () =>
    error(
      'RANGE_INVALID',
      'Low and High must both be given, with Low no greater than High (they are the range of the elasticity e).',
    ),

  scenarioKeyUnknown: (scope: string, key: string, basis: string, year: number) =>
    warning(
      'SCENARIO_NO_MATCH',
      `No ${basis} in FY${year} matches ${scope} "${key}", so this scenario row changes nothing. Check the Key.`,
    ),
  scenarioNoBasis: () =>
    warning(
      'SCENARIO_NO_FUNDING',
      'Scenarios need budget amounts in the Cost Basis; the Budget has none, so no scenario is run.',
    ),
  responseExpressionUnsafe: (reason: string) =>
    error(
      'EXPRESSION_INVALID',
      `This Expression cannot be used: ${reason}. Use arithmetic (+ - * / ^) over funding, baseFunding, baseValue and e, and the functions sqrt, exp, ln, log, log10, abs, min, max, pow.`,
    ),
  measuresNotModeled: (count: number) =>
    info(
      'MEASURES_NOT_MODELED',
      `${count} measure${count === 1 ? ' has' : 's have'} no Responses row, so scenarios do not project ${count === 1 ? 'it' : 'them'}; ScenarioResults lists ${count === 1 ? 'it' : 'them'} as not modeled, never guessed.`,
    ),
  allocationInfeasible: (name: string) =>
    error(
      'ALLOCATION_INFEASIBLE',
      `Scenario "${name}": no allocation meets every objective's Floor and Ceiling while adding up to the total change. Widen the limits or change the total.`,
    ),
  allocationNoModel: (name: string) =>
    warning(
      'ALLOCATION_NO_MODEL',
      `Scenario "${name}": no objective has a measure with a Responses row and a target, so there is nothing to optimise; the change is spread in proportion to funding.`,
    ),

  // --- identity
  duplicateId: (table: string, id: string, first: string) =>
    error(
      'DUPLICATE_ID',
      `${table} ID "${id}" is used twice (first at ${first}). IDs must be unique; this row is left out.`,
    ),
  duplicateBudgetLine: (first: string) =>
    warning(
      'DUPLICATE_BUDGET_LINE',
      `This budget line repeats the line at ${first} (same account, program activity, object class, category and amount type). Both are counted; check it is not entered twice.`,
    ),
  duplicateResult: (measure: string, year: number, first: string) =>
    warning(
      'DUPLICATE_RESULT',
      `Measure ${measure} has a second row for FY${year} (first at ${first}); the first is used.`,
    ),

  // --- references
  unknownGoal: (id: string, from: string) =>
    error('UNKNOWN_GOAL', `${from} refers to Goal ID "${id}", which is not in the Goals table.`),
  unknownObjective: (id: string, from: string) =>
    error(
      'UNKNOWN_OBJECTIVE',
      `${from} refers to Objective ID "${id}", which is not in the Objectives table.`,
    ),
  unknownMeasure: (id: string, from: string) =>
    error('UNKNOWN_MEASURE', `${from} refers to Measure ID "${id}", which is not in the Measures table.`),
  unknownPool: (name: string, from: string) =>
    error(
      'UNKNOWN_COST_POOL',
      `${from} refers to cost pool "${name}", which is not in the Cost Pools table.`,
    ),
  crosswalkNoTarget: () =>
    error(
      'CROSSWALK_NO_TARGET',
      'This Crosswalk row names no Objective ID, Goal ID or Cost Pool; its share is counted as Unmapped.',
    ),
  crosswalkManyTargets: () =>
    error(
      'CROSSWALK_MANY_TARGETS',
      'This Crosswalk row names more than one of Objective ID, Goal ID and Cost Pool; put each on its own row. Its share is counted as Unmapped.',
    ),

  // --- crosswalk
  shareInvalid: (text: string) =>
    error('SHARE_INVALID', `Share "${text}" is not a share. Enter a fraction (0.4) or a percent (40%).`),
  shareNegative: (text: string) =>
    error('SHARE_NEGATIVE', `Share ${text} is negative. Shares must be between 0% and 100%.`),
  sharesWholeNumbers: (where: string) =>
    error(
      'CROSSWALK_SHARES_AS_WHOLE_NUMBERS',
      `The shares for ${where} are entered as whole numbers (40 instead of 40%). They are read as percents; enter them as 40% or 0.4 to clear this error.`,
    ),
  sharesNot100: (where: string, sum: number) =>
    error(
      'CROSSWALK_SHARES_NOT_100',
      `The shares for ${where} sum to ${pct(sum)}, not 100%.${sum < 1e9 ? ` The remaining ${pct(1e9 - sum)} is counted as Unmapped.` : ' They are scaled down to 100% so nothing is counted twice.'}`,
    ),
  duplicateTarget: (where: string, target: string) =>
    warning(
      'CROSSWALK_DUPLICATE_TARGET',
      `${target} appears twice in the shares for ${where}; the shares are added together.`,
    ),
  lineUnmapped: (what: string, cells: readonly string[]) =>
    warning(
      'BUDGET_LINE_UNMAPPED',
      `No Crosswalk row matches ${what}. ${cells.length > 1 ? 'Their' : 'Its'} amounts are shown as Unmapped until you add one${cells.length > 1 ? ` (${cellList(cells)})` : ''}. If these are offsetting receipts or intra-agency amounts, set their Line Type to Receipt or Intra-agency instead.`,
    ),
  ruleUnused: (where: string) =>
    warning(
      'CROSSWALK_RULE_UNUSED',
      `No budget line uses the Crosswalk rows for ${where}. Check the account, program activity and object class (or whether more specific rows already cover every line).`,
    ),

  // --- support costs
  poolUnallocated: (pool: string, why: string) =>
    error(
      'COST_POOL_UNALLOCATED',
      `Cost pool "${pool}" cannot be allocated: ${why}. Its amounts stay in the pool (shown on ResourcesByGoal) so nothing is lost.`,
    ),
  poolDriverToEarlier: (pool: string, target: string) =>
    warning(
      'COST_POOL_DRIVER_IGNORED',
      `Step-down allocates each pool only to objectives and later pools; the driver from "${pool}" to earlier pool "${target}" is ignored.`,
    ),
  poolDriverSelf: (pool: string) =>
    warning('COST_POOL_DRIVER_IGNORED', `Cost pool "${pool}" has a driver to itself; it is ignored.`),
  poolDriverNotUsed: (pool: string, method: string) =>
    warning(
      'COST_POOL_DRIVER_IGNORED',
      `Cost pool "${pool}" uses the ${method} method, so its Drivers rows are not used.`,
    ),
  poolReciprocalSingular: (pools: readonly string[]) =>
    error(
      'COST_POOL_CIRCULAR',
      `Cost pools ${list(pools)} only serve each other, so their costs never reach an objective. Give at least one of them a driver to an objective.`,
    ),
  moreIssues: (code: string, count: number, listed: number) =>
    warning(
      'ISSUES_NOT_LISTED',
      `${count} more issues of the kind ${code} are not listed here (the first ${listed} are). This cell holds the first of them; fix the pattern and run again to see the rest.`,
    ),
  netBasis: (basis: string, account: string, revolving: boolean) =>
    warning(
      'COST_BASIS_NET',
      `The cost basis is ${basis}, a net amount: offsetting collections are subtracted, so it understates what ${revolving ? `revolving and working capital funds such as account ${account} spend` : `accounts with negative lines such as ${account} spend`}. Add Obligations (gross) or Expenses to the Budget for cost by goal, or Gross Budget Authority or Gross Outlays.`,
    ),
  poolNegativeBasis: (pool: string, series: readonly string[], type: string) =>
    warning(
      'COST_POOL_NEGATIVE_BASIS',
      `Cost pool "${pool}" allocates by direct cost, but some objectives have negative net ${type} in ${series.join(', ')}; they receive none of it.`,
    ),

  // --- performance and cost
  measureNoTargets: (id: string) =>
    warning(
      'MEASURE_NO_TARGETS',
      `Measure ${id} has no targets, so its status cannot be judged. GPRA asks for a target for each measure.`,
    ),
  objectiveNoMeasures: (id: string) =>
    info(
      'OBJECTIVE_NO_MEASURES',
      `Objective ${id} has no performance measures, so it has no cost per outcome.`,
    ),
  costShareInvalid: (text: string) =>
    error(
      'COST_SHARE_INVALID',
      `Cost Share "${text}" is not a share of the objective's cost. Enter a fraction from 0 to 1 (0.4) or a percent (40%); until then this measure is costed without a share.`,
    ),
  costSharesOver: (objective: string, total: string, parts: string) =>
    error(
      'COST_SHARES_OVER_100',
      `The Cost Shares of objective ${objective}'s measures sum to ${total} (${parts}); they may sum to at most 100%, or cost would be counted twice. Until they do, each of its measures is costed at the whole objective's cost.`,
    ),
  costSharesPartial: (objective: string, without: readonly string[]) =>
    warning(
      'COST_SHARES_PARTIAL',
      `Some measures of objective ${objective} have a Cost Share and ${without.join(', ')} ${without.length > 1 ? 'do' : 'does'} not; a measure without one is costed at the whole objective's cost. Give every measure of the objective a Cost Share.`,
    ),
  maintainToleranceInvalid: (text: string) =>
    error(
      'SETTING_INVALID',
      `Setting Maintain Tolerance "${text}" is not a tolerance. Enter a percent such as 2% or a fraction such as 0.02; 1% is used instead.`,
    ),
  kindNotInferred: (unit: string) =>
    warning(
      'MEASURE_KIND_UNKNOWN',
      `Unit "${unit}" does not say what kind of measure this is; set Kind (Count, Cumulative, Rate, Index or Currency) to get a cost per unit.`,
    ),
  negativeNetCost: (objective: string, year: number, type: string, amount: string) =>
    warning(
      'NEGATIVE_NET_COST',
      `Objective ${objective} has negative net ${type} in FY${year} (${amount}). This is usual for revolving funds, whose offsetting collections exceed their new budget authority; cost per outcome is not computed for that year.`,
    ),
  costBasisMissing: (type: string, used: string) =>
    warning(
      'COST_BASIS_MISSING',
      `The Cost Basis setting is ${type}, but the Budget has no ${type} rows; ${used} is used for cost per outcome.`,
    ),
} as const satisfies Record<string, (...args: never[]) => Msg>;

/**
 * Places a message at a cell. The fields are named, not spread: a spread copies through a slow generic path,
 * and a department's workbook raises tens of thousands of issues (a message has only these three fields, so
 * the issue is the same, key for key and in the same order).
 */
export function issueAt(msg: Msg, loc: Loc | null): Issue {
  return {
    severity: msg.severity,
    code: msg.code,
    message: msg.message,
    sheet: loc?.sheet ?? '',
    cell: loc?.cell ?? '',
  };
}

/**
 * Every code the engine's catalogue raises, derived from the catalogue itself: logic that asks for an issue by
 * its code names it through this type, so a misspelt or retired code is a type error, not a silent miss.
 */
export type IssueCode = ReturnType<(typeof MESSAGES)[keyof typeof MESSAGES]>['code'];

/** What a message is about, in the words it opens with or names: `This Crosswalk row`, `Objective 1.1`. */
export const WHO = {
  row: (table: string) => `This ${table} row`,
  record: (kind: 'Goal' | 'Objective' | 'Measure', id: string) => `${kind} ${id}`,
  pool: (name: string) => `Cost pool ${name}`,
  accountLines: (account: string, lines: number, types: readonly string[]) =>
    `account ${account} (${lines} lines: ${types.join(', ')})`,
  wholeBudget: () => 'the Budget as a whole',
};

/** Why a response formula cannot be used: the clause after "This Expression cannot be used:". */
export const EXPRESSION_REASONS = {
  tooManyParts: (max: number) => `it has more than ${max} parts`,
  tooDeep: (max: number) => `it nests more than ${max} levels deep`,
  notANumber: () => 'it contains something other than a number',
  unknownName: (name: string, allowed: readonly string[]) => `"${name}" is not one of ${allowed.join(', ')}`,
  operator: (op: string) => `the operator "${op}" is not allowed`,
  functions: (allowed: Iterable<string>) => `only these functions are allowed: ${[...allowed].join(', ')}`,
  arguments: (fn: string) => `${fn} needs between 1 and 8 arguments`,
  notArithmetic: () =>
    'only arithmetic is allowed (no assignments, function definitions, lists, text or property access)',
  tooLong: (max: number) => `it is longer than ${max} characters`,
  unreadable: (detail: string) => `it cannot be read (${detail})`,
};

/** Whether an issue is of this code (keyed on the code, never on the message's words). */
export const hasCode = (issue: Pick<Issue, 'code'>, code: IssueCode): boolean => issue.code === code;

/** A figure as the notes print it: at most `places` decimals, no trailing zeros. */
const round = (v: number, places = 4) => Number(v.toFixed(places));

/**
 * The sentences of output tables' Note columns (CostPerOutcome, ProgramInventory, ScenarioResults, GoalSeek,
 * BestAllocation): not issues, but the same rule holds: the words live here, and no code ever reads them back.
 */
export const NOTES = {
  noBudget: (year: number, basis: string | null) =>
    `No FY${year} ${basis ?? 'budget'} amounts in the Budget.`,
  objectiveUnknown: () => 'Its objective is not in the Objectives table.',
  costShare: (share: string, objectiveId: string) =>
    `Cost Share ${share} of objective ${objectiveId}'s cost.`,
  sharesOver: (objectiveId: string) =>
    `The Cost Shares of objective ${objectiveId}'s measures sum to more than 100%, so this is the whole objective's cost (see Issues).`,
  sharedObjective: (objectiveId: string, measures: number) =>
    `Without Cost Shares this is the whole cost of objective ${objectiveId}, shared by its ${measures} measures; each one's cost per unit counts all of it.`,
  kindFromName: (kind: string | null) => `Kind ${kind} inferred from the measure's name.`,
  kindFromUnit: (kind: string | null, unit: string) => `Kind ${kind} inferred from Unit "${unit}".`,
  negativeNetCost: () =>
    'Net cost is negative (offsetting collections exceed budget authority, as in revolving funds); no cost per unit.',

  // --- cost per unit (unitCost.ts): why a measure has none, where it has none
  supportOnly: (objectiveId: string, year: number) =>
    `Objective ${objectiveId} has only support costs in FY${year} (no direct cost), so a cost per unit would only restate an overhead allocation; none is computed.`,
  noOutput: () => 'No output this year, so no cost per unit.',
  noPriorActual: (priorYear: number) => `No FY${priorYear} actual, so the year's increase is unknown.`,
  noIncrease: () => 'No increase over the prior year, so no cost per unit.',
  rate: () =>
    'Rates and index scores are not units of output, so there is no cost per unit; a cost per percentage point would mislead.',
  cumulativeRate: () =>
    'A cumulative percentage is still a rate, not a count of output, so there is no cost per unit; a cost per percentage point would mislead.',
  currencyVolume: () =>
    'A Currency measure of Type Output counts a volume of business (dollars handled), not a return on cost, so no value-per-dollar ratio is computed.',
  currencyNotAReturn: () =>
    'Only an Outcome or Efficiency measure in dollars (benefits, savings, collections) is a return on cost; no value-per-dollar ratio is computed for this Type.',
  kindUnknown: () => 'Kind is unknown; set Kind to get a cost per unit.',

  // --- program inventory (tables/programInventory.ts)
  inventoryNoAmounts: (missing: readonly string[]) => `The Budget holds no amounts ${missing.join(' or ')}.`,
  inventoryNoColumn: (years: readonly string[]) => `No Budget column for ${years.join(', ')}.`,
  inventoryUnmapped: () => 'No Crosswalk row maps it to a goal.',

  // --- scenario projections (scenarios/)
  notModeled: {
    'no response': 'Not modeled: no Responses row.',
    'bad expression': 'Not modeled: its Expression cannot be used (see Issues).',
    'no actual': 'Not modeled: no actual to start from.',
    'no prior actual':
      "Not modeled: a cumulative measure's response is its yearly increase, and the year before its latest actual has none.",
  },
  baseFromLatestActual: (year: number, actualYear: number) =>
    `No FY${year} actual: the base is the latest actual, FY${actualYear}, with FY${actualYear} funding.`,
  cumulativeIncrease: (increase: number, carried: number) =>
    `Cumulative: the model moves the year's increase (${round(increase)}) and adds it to the prior year's total (${round(carried)}).`,
  noBaseFunding: () => 'Base funding is zero or negative, so funding ratios are undefined; not projected.',
  notFinite: () => 'The model gives no finite value at this funding.',
  bounded: (bound: string) => `Bounded: ${bound}.`,
  bandVariation: (variation: number) =>
    `Band includes the measure's own year-to-year variation (±${round(variation * 100, 1)}% a year).`,
  /** A bound as it reads inside a note ("Bounded: ...", "Not reachable: ..."). */
  bounds: {
    rateLow: 'a rate cannot fall below 0%',
    rateHigh: 'a rate cannot exceed 100%',
    countLow: 'a count cannot fall below zero',
    indexLow: 'an index cannot fall below zero',
    cumulativeLow: 'a cumulative total cannot shrink',
  },
  responseModel: (model: string, elasticity: number | null) =>
    `${model} model${elasticity === null ? '' : `, e = ${elasticity}`}.`,

  // --- goal seek (scenarios/goalSeek.ts)
  alreadyMet: (objectiveId: string, year: number, model: string) =>
    `Already met at base funding; objective ${objectiveId} could fall to this funding and still reach the FY${year} target under the ${model} model.`,
  fundingReaches: (objectiveId: string, year: number, model: string) =>
    `Funding of objective ${objectiveId} at which the ${model} model reaches the FY${year} target.`,
  outOfBounds: (words: string) => `Not reachable: ${words}.`,
  cumulativeShrinks: () =>
    "Not reachable: the target is below the prior year's total, and a cumulative total cannot shrink.",
  fixedModel: () => 'Not reachable by funding: the Fixed model does not respond to funding.',
  unreachable: () => 'Not reachable under this model.',

  // --- best allocation verdicts (scenarios/bestAllocation.ts)
  allocationInfeasible: () =>
    'No allocation meets every Floor and Ceiling; the change is spread across the board instead.',
  proportionalUsed: () =>
    'The across-the-board change scores higher and stays within the limits, so it is used.',
  proportionalBreaksLimits: (bestValue: number) =>
    `Best allocation used: the same change across the board would break an objective's Floor or Ceiling (best scores ${round(bestValue)} weighted targets).`,
  allocationTie: () => 'Best allocation and across-the-board score the same; the best allocation is shown.',
  allocationGain: (gain: number) =>
    `Best allocation beats across-the-board by ${round(gain)} weighted targets.`,
} as const;

/** A budget line's identity in words, for messages: "account 047-0110, program activity 0001, object class 25.2". */
export function describeLine(account: string, pa: string, oc: string): string {
  return [`account ${account}`, pa && `program activity ${pa}`, oc && `object class ${oc}`]
    .filter(Boolean)
    .join(', ');
}
