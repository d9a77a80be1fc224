import { z } from 'zod';
import { Severity } from './issues';

/**
 * The input side of the workbook contract (spec/workbook.md): which tables exist, which columns they take,
 * and the records the reader turns their rows into. Column names are fixed: users write formulas against them.
 */

export interface InputColumnSpec {
  name: string;
  required: boolean;
  /** Other headers accepted for this column (matched after normalising case, spaces and punctuation). */
  aliases?: readonly string[];
  /** Shown in the template's header comment and in the README. */
  note: string;
}

export interface InputTableSpec {
  name: string;
  required: boolean;
  /** Other names this table may go by (e.g. `CostPools` for `Cost Pools`). */
  aliases?: readonly string[];
  columns: readonly InputColumnSpec[];
  note: string;
}

const col = (
  name: string,
  required: boolean,
  note: string,
  aliases?: readonly string[],
): InputColumnSpec => ({
  name,
  required,
  note,
  ...(aliases ? { aliases } : {}),
});

export const INPUT_TABLES = {
  Settings: {
    name: 'Settings',
    required: false,
    note: 'Agency, Units (Dollars, Thousands, Millions), Cost Basis, Budget Year, Current Year, Prior Year, Base Year, Allocation (Direct, Step-Down, Reciprocal), Maintain Tolerance (default 1%)',
    columns: [col('Setting', true, 'Setting name'), col('Value', true, 'Its value')],
  },
  Budget: {
    name: 'Budget',
    required: true,
    note: 'One row per budget line, with one column per series (FY2018, FY2024 Enacted, FY2025 Request) or Fiscal Year, Version and Amount columns',
    columns: [
      col('Account', true, 'OMB account, TAS or federal account, e.g. 023-05-4542', ['Account Code', 'TAS']),
      col('Account Title', false, 'Account name', ['Account Name']),
      col('Program Activity', false, 'Code or name; blank = account level', ['PA', 'Program Activity Code']),
      col('Program Activity Title', false, 'Program activity name', ['Program Activity Name']),
      col('Object Class', false, 'e.g. 25.2 or 252', ['OC', 'Object Class Code']),
      col('Category', false, 'e.g. Discretionary or Mandatory', ['BEA Category']),
      col(
        'Amount Type',
        false,
        'Budget Authority (BA, net), Gross Budget Authority, Obligations, Outlays (net), Gross Outlays, Offsetting Collections, Expenses or FTE',
        ['Type'],
      ),
      col('Line Type', false, 'Spending (default), Receipt or Intra-agency'),
      col('Funding Type', false, 'Direct or Reimbursable', ['Direct/Reimbursable', 'D/R']),
      col('Fiscal Year', false, 'Long form only: the year of the Amount', ['FY', 'Year']),
      col('Version', false, 'Long form only: Actual, Enacted, CR, Request...', ['Series', 'Version Label']),
      col('Amount', false, 'Long form only: the amount for that Fiscal Year'),
    ],
  },
  Programs: {
    name: 'Programs',
    required: false,
    note: 'Optional: the programs of the program inventory (31 U.S.C. 1122), each made of budget lines',
    columns: [
      col('Program', true, 'Program name, as the inventory lists it'),
      col('Account', true, 'An account of the program, as in Budget'),
      col('Program Activity', false, 'Blank = the whole account'),
    ],
  },
  Goals: {
    name: 'Goals',
    required: true,
    note: 'Strategic goals',
    columns: [
      col('Goal ID', true, 'Unique ID, e.g. G1'),
      col('Goal', true, 'Goal statement', ['Goal Name', 'Name']),
      col('Leader', false, 'Goal leader (GPRA)'),
      col('Description', false, 'Description'),
    ],
  },
  Objectives: {
    name: 'Objectives',
    required: true,
    note: 'Strategic objectives, each under a goal',
    columns: [
      col('Objective ID', true, 'Unique ID, e.g. 1.1'),
      col('Goal ID', true, 'The goal it serves'),
      col('Objective', true, 'Objective statement', ['Objective Name', 'Name']),
      col('Leader', false, 'Objective leader'),
    ],
  },
  Measures: {
    name: 'Measures',
    required: false,
    note: 'Performance measures, each under an objective',
    columns: [
      col('Measure ID', true, 'Unique ID'),
      col('Objective ID', true, 'The objective it measures'),
      col('Measure', true, 'Measure name', ['Measure Name', 'KPI', 'Name']),
      col('Type', false, 'Output, Outcome, Efficiency or Customer Service'),
      col('Unit', false, 'e.g. Percentage, Raw Count, Cumulative Total, Billions'),
      col(
        'Kind',
        false,
        'Count, Cumulative, Rate, Index or Currency (when blank: inferred from Unit, or "cumulative" in the name)',
      ),
      col('Direction', false, 'Increase, Decrease, Within Range or Maintain', ['Desired Direction']),
      col('Data Source', false, 'Where the data come from'),
      col('Verification', false, 'How the data are verified and validated'),
      col('Leader', false, 'Measure owner'),
      col('Priority Goal', false, 'Yes when the measure tracks an Agency Priority Goal', ['APG']),
      col('Cost Share', false, "Fraction (0.4) or percent (40%) of its objective's cost that produces it"),
    ],
  },
  Results: {
    name: 'Results',
    required: false,
    note: 'Targets and actuals, one row per measure and fiscal year',
    columns: [
      col('Measure ID', true, 'The measure'),
      col('Fiscal Year', true, 'e.g. 2018', ['Year', 'FY']),
      col('Target', false, 'Target value'),
      col('Actual', false, 'Actual value'),
      col('Min Target', false, 'Lower bound for Within Range'),
      col('Max Target', false, 'Upper bound for Within Range'),
      col('Explanation', false, 'Why a target was missed (31 U.S.C. 1116)'),
      col('Data Available', false, 'When a pending result is due'),
    ],
  },
  Performance: {
    name: 'Performance',
    required: false,
    note: 'Flat performance report (instead of Goals, Objectives, Measures and Results)',
    columns: [
      col('Goal', true, 'Goal name'),
      col('Objective', true, 'Objective name', ['Strategic Objective', '2018 Strategic Objective']),
      col('Measure', true, 'Measure name', ['KPI']),
      col('Year', true, 'Fiscal year', ['Fiscal Year', 'FY']),
      col('Target', false, 'Target value'),
      col('Actual', false, 'Actual value'),
      col('Min Target', false, 'Lower bound'),
      col('Max Target', false, 'Upper bound'),
      col('Unit', false, 'Unit'),
      col('Direction', false, 'Desired direction', ['Desired Direction']),
    ],
  },
  Crosswalk: {
    name: 'Crosswalk',
    required: true,
    note: 'Which objectives (or goals, or cost pools) each budget line serves, and in what share',
    columns: [
      col('Account', true, 'Account, as in Budget'),
      col('Program Activity', false, 'Blank matches any'),
      col('Object Class', false, 'Blank matches any'),
      col('Objective ID', false, 'Exactly one of Objective ID, Goal ID, Cost Pool'),
      col('Goal ID', false, 'For goal-level mapping'),
      col('Cost Pool', false, 'For support costs'),
      col('Share', true, 'A fraction (0.4) or a percent (40%)'),
      col('Fiscal Year', false, 'Blank = every year; a year = this row applies to that year only (recast)', [
        'FY',
        'Year',
      ]),
      col('Basis', false, 'How the share was set'),
    ],
  },
  CostPools: {
    name: 'Cost Pools',
    required: false,
    aliases: ['CostPools', 'Pools'],
    note: 'Support cost pools (SFFAS 4 full cost)',
    columns: [
      col('Cost Pool', true, 'Pool name', ['Pool']),
      col('Method', true, 'Direct Cost, FTE, Equal or Driver'),
      col('Order', false, 'Step-down order (1 first)'),
    ],
  },
  Drivers: {
    name: 'Drivers',
    required: false,
    note: 'Driver values for pools whose Method is Driver',
    columns: [
      col('Cost Pool', true, 'The pool', ['Pool']),
      col('Objective ID', false, 'An objective it serves'),
      col('Target Pool', false, 'Or another pool it serves'),
      col('Driver Value', true, 'e.g. square feet, tickets, headcount', ['Value', 'Driver']),
    ],
  },
  Scenarios: {
    name: 'Scenarios',
    required: false,
    note: 'Funding changes to test',
    columns: [
      col('Scenario', true, 'Scenario name'),
      col('Scope', true, 'All, Goal, Objective, Account, Program Activity, or Best Allocation'),
      col('Key', false, 'The goal, objective, account or program activity changed'),
      col('Change', true, '-10% or an amount in Units'),
      col('Fiscal Year', false, 'Default: Base Year', ['Year', 'FY']),
    ],
  },
  Responses: {
    name: 'Responses',
    required: false,
    note: 'How each measure responds to funding',
    columns: [
      col('Measure ID', true, 'The measure'),
      col('Model', true, 'Proportional, Elasticity, Saturating, Fixed or Expression'),
      col('Elasticity', false, 'e for Elasticity and Saturating'),
      col('Low', false, 'Low end of e (uncertainty)'),
      col('High', false, 'High end of e (uncertainty)'),
      col('Expression', false, 'Formula in funding, baseFunding, baseValue (and e)'),
    ],
  },
  AllocationLimits: {
    name: 'Allocation Limits',
    required: false,
    aliases: ['AllocationLimits', 'Limits'],
    note: 'For Best Allocation scenarios: how far each objective may move, and how much its measures weigh',
    columns: [
      col('Objective ID', true, 'The objective'),
      col('Floor', false, 'Largest cut allowed, e.g. -20% (default: -100%)', ['Min Change', 'Minimum']),
      col('Ceiling', false, 'Largest increase allowed, e.g. 15% (default: no limit)', [
        'Max Change',
        'Maximum',
      ]),
      col('Weight', false, "Weight of the objective's measures (default 1)"),
    ],
  },
  // DATA Act File A and File B as the agency submits them to Treasury's broker. The columns listed are the ones
  // the template offers and Throughline reads; the reader also takes the broker's short names, USAspending's
  // download headers (with their sign flips) and every other File B balance (server/engine/dataAct).
  FileA: {
    name: 'File A',
    required: false,
    note: 'DATA Act File A (account balances by TAS). Fill in these columns; or, to use the broker CSV as it is, delete this sheet and paste the CSV at A1 of a new sheet named File A',
    columns: [
      col('AllocationTransferAgencyIdentifier', false, 'TAS: allocation transfer agency (3 digits)'),
      col('AgencyIdentifier', true, 'TAS: agency identifier (3 digits)'),
      col('BeginningPeriodOfAvailability', false, 'TAS: first year of availability'),
      col('EndingPeriodOfAvailability', false, 'TAS: last year of availability'),
      col('AvailabilityTypeCode', false, 'TAS: X for no-year'),
      col('MainAccountCode', true, 'TAS: main account (4 digits)'),
      col('SubAccountCode', true, 'TAS: sub-account (3 digits)'),
      col(
        'BudgetAuthorityUnobligatedBalanceBroughtForward_FYB',
        false,
        'Unobligated balance brought forward',
      ),
      col('AdjustmentsToUnobligatedBalanceBroughtForward_CPE', false, 'Adjustments to it'),
      col('BudgetAuthorityAppropriatedAmount_CPE', false, 'Appropriations'),
      col('BorrowingAuthorityAmountTotal_CPE', false, 'Borrowing authority'),
      col('ContractAuthorityAmountTotal_CPE', false, 'Contract authority'),
      col(
        'SpendingAuthorityfromOffsettingCollectionsAmountTotal_CPE',
        false,
        'Spending authority from offsetting collections',
      ),
      col('OtherBudgetaryResourcesAmount_CPE', false, 'Other budgetary resources'),
      col('TotalBudgetaryResources_CPE', false, 'Total budgetary resources'),
      col('GrossOutlayAmountByTAS_CPE', true, 'Gross outlays (rule A18)'),
      col('ObligationsIncurredTotalByTAS_CPE', true, 'Obligations incurred (rule A19)'),
      col(
        'DeobligationsRecoveriesRefundsOfPriorYearByTAS_CPE',
        true,
        'Recoveries of prior-year obligations (rule A35)',
      ),
      col('UnobligatedBalance_CPE', false, 'Unobligated balance'),
      col('StatusOfBudgetaryResourcesTotal_CPE', false, 'Status of budgetary resources'),
    ],
  },
  FileB: {
    name: 'File B',
    required: false,
    note: 'DATA Act File B (by program activity and object class; with no Budget rows, the Budget is derived from it). Fill in these columns; or delete this sheet and paste the broker CSV at A1 of a new sheet named File B',
    columns: [
      col('AllocationTransferAgencyIdentifier', false, 'TAS: allocation transfer agency (3 digits)'),
      col('AgencyIdentifier', true, 'TAS: agency identifier (3 digits)'),
      col('BeginningPeriodOfAvailability', false, 'TAS: first year of availability'),
      col('EndingPeriodOfAvailability', false, 'TAS: last year of availability'),
      col('AvailabilityTypeCode', false, 'TAS: X for no-year'),
      col('MainAccountCode', true, 'TAS: main account (4 digits)'),
      col('SubAccountCode', true, 'TAS: sub-account (3 digits)'),
      col('ProgramActivityCode', false, 'Program activity code (4 digits)'),
      col('ProgramActivityName', false, 'Program activity name'),
      col('ProgramActivityReportingKey', false, 'PARK, where it replaces the code'),
      col('ObjectClass', true, 'A-11 object class: 252 or 2520'),
      col('ByDirectReimbursableFundingSource', false, 'D (direct), R (reimbursable) or blank'),
      col('DisasterEmergencyFundCode', false, 'DEFC'),
      col('PriorYearAdjustment', true, 'X (this year), B or P (prior-year adjustments)'),
      col('ObligationsIncurredByProgramObjectClass_CPE', true, 'Obligations incurred, negative as submitted'),
      col('GrossOutlayAmountByProgramObjectClass_CPE', true, 'Gross outlays, negative as submitted'),
      col(
        'DeobligationsRecoveriesRefundsdOfPriorYearByProgramObjectClass_CPE',
        false,
        'Recoveries of prior-year obligations',
      ),
      col(
        'USSGL487100_DownwardAdjustmentsOfPriorYearUnpaidUndeliveredOrdersObligationsRecoveries_CPE',
        false,
        'USSGL 4871',
      ),
      col(
        'USSGL497100_DownwardAdjustmentsOfPriorYearUnpaidDeliveredOrdersObligationsRecoveries_CPE',
        false,
        'USSGL 4971',
      ),
      col(
        'USSGL487200_DownwardAdjustmentsOfPriorYearPrepaidAdvancedUndeliveredOrdersObligationsRefundsCollected_CPE',
        false,
        'USSGL 4872',
      ),
      col(
        'USSGL497200_DownwardAdjustmentsOfPriorYearPaidDeliveredOrdersObligationsRefundsCollected_CPE',
        false,
        'USSGL 4972',
      ),
    ],
  },
} as const satisfies Record<string, InputTableSpec>;

// ---------------------------------------------------------------------------------------------------------
// Records: what the reader makes of the rows. Every record carries the cell it came from.

export const Loc = z.object({ sheet: z.string(), cell: z.string() }).strict();
export type Loc = z.infer<typeof Loc>;

export const Units = z.enum(['Dollars', 'Thousands', 'Millions']);
export type Units = z.infer<typeof Units>;
export const UNIT_MULTIPLIER: Record<Units, number> = { Dollars: 1, Thousands: 1_000, Millions: 1_000_000 };

/** Amount types, in the order outputs list them. Each is kept apart: no total ever mixes two. */
export const AmountType = z.enum([
  'Expenses',
  'Obligations',
  'Gross Budget Authority',
  'Budget Authority',
  'Gross Outlays',
  'Outlays',
  'Offsetting Collections',
  'FTE',
]);
export type AmountType = z.infer<typeof AmountType>;
/** Net of offsetting collections: these understate what a revolving fund spends. */
export const NET_AMOUNT_TYPES: readonly AmountType[] = ['Budget Authority', 'Outlays'];

/** Spending is allocated to goals; receipts and intra-agency amounts are shown apart and never allocated. */
export const LineType = z.enum(['Spending', 'Receipt', 'Intra-agency']);
export type LineType = z.infer<typeof LineType>;
export const FundingType = z.enum(['Direct', 'Reimbursable']);
export type FundingType = z.infer<typeof FundingType>;

/**
 * A series: one amount column of the Budget, a fiscal year plus its version label (`FY2024 Enacted`). Two
 * columns of one year with different labels are two series. `label` is the header as the user wrote it.
 */
export const SeriesVersion = z.enum(['Actual', 'Enacted', 'CR', 'Request', 'Estimate']);
export type SeriesVersion = z.infer<typeof SeriesVersion>;
export const Series = z
  .object({
    /** Position in `WorkbookModel.series` (ordered by year, then as the columns come). */
    index: z.number().int().nonnegative(),
    year: z.number().int(),
    label: z.string(),
    /** The label's words after the year, as written (`Enacted`, `est.`); blank for a bare year. */
    version: z.string(),
    /** What the version means, when it is one the contract knows (`est.` = Estimate, `PB` = Request). */
    kind: SeriesVersion.nullable(),
  })
  .strict();
export type Series = z.infer<typeof Series>;

export const AllocationMethod = z.enum(['Direct', 'Step-Down', 'Reciprocal']);
export type AllocationMethod = z.infer<typeof AllocationMethod>;

export const Settings = z
  .object({
    agency: z.string(),
    units: Units,
    costBasis: AmountType.nullable(),
    baseYear: z.number().int().nullable(),
    /** BY, CY and PY as set; null = the defaults (see `chooseExhibitSeries`). */
    budgetYear: z.number().int().nullable(),
    currentYear: z.number().int().nullable(),
    priorYear: z.number().int().nullable(),
    allocation: AllocationMethod,
    /** How close to target a Maintain measure must be, as a fraction of the target (0.01 = 1%). */
    maintainTolerance: z.number().min(0),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

/** Money is an integer count of minor units (see `MoneyDisplay.decimals`); FTE is an integer count of tenths. */
export const Minor = z.number().int().refine(Number.isSafeInteger, 'within the safe integer range');

export const BudgetAmount = z
  .object({
    /** Index of its series in `WorkbookModel.series`. */
    series: z.number().int().nonnegative(),
    year: z.number().int(),
    value: Minor,
    loc: Loc,
  })
  .strict();
export type BudgetAmount = z.infer<typeof BudgetAmount>;

export const BudgetLine = z
  .object({
    index: z.number().int().nonnegative(),
    loc: Loc,
    account: z.string().min(1),
    accountTitle: z.string(),
    programActivity: z.string(),
    programActivityTitle: z.string(),
    objectClass: z.string(),
    category: z.string(),
    amountType: AmountType,
    lineType: LineType,
    /** Null when the Budget does not say. */
    fundingType: FundingType.nullable(),
    amounts: z.array(BudgetAmount),
  })
  .strict();
export type BudgetLine = z.infer<typeof BudgetLine>;

/**
 * The Budget held by column, as the engine reads it: one entry per budget line in each typed array, identity
 * text interned (`strings[account[i]]`), amounts in integer minor units laid end to end (line `i`'s amounts are
 * `amountStart[i]` up to `amountStart[i + 1]`, in the order they were read). A million lines are a few typed
 * arrays instead of millions of objects. Cell locations are not stored: they are made from the sheet, the grid
 * origin and the row and column numbers when a message or the Source column needs one.
 */
export interface BudgetColumns {
  /** Number of budget lines. */
  size: number;
  /** Interned text; index 0 is the empty string. */
  strings: string[];
  account: Int32Array;
  accountTitle: Int32Array;
  programActivity: Int32Array;
  programActivityTitle: Int32Array;
  objectClass: Int32Array;
  category: Int32Array;
  /** Position in `AmountType.options`. */
  amountType: Uint8Array;
  /** Position in `LineType.options`. */
  lineType: Uint8Array;
  /** Position in `FundingType.options`, or -1 when the Budget does not say. */
  fundingType: Int8Array;
  /** The line's own cell (its Account cell): a 0-based grid row and column. */
  row: Int32Array;
  accountColumn: number;
  amountStart: Int32Array;
  /** Index of each amount's series in `WorkbookModel.series`. */
  amountSeries: Int32Array;
  amountValue: Float64Array;
  /** Each amount's cell: 0-based grid row and column. */
  amountRow: Int32Array;
  amountColumn: Int32Array;
  /** Where the grid sits: its sheet and the sheet column and row of its header's first cell (both 1-based, as Excel numbers them). */
  sheet: string;
  originColumn: number;
  originRow: number;
}

export const Goal = z
  .object({ id: z.string().min(1), name: z.string(), leader: z.string(), description: z.string(), loc: Loc })
  .strict();
export type Goal = z.infer<typeof Goal>;

export const Objective = z
  .object({ id: z.string().min(1), goalId: z.string(), name: z.string(), leader: z.string(), loc: Loc })
  .strict();
export type Objective = z.infer<typeof Objective>;

export const MeasureType = z.enum(['Output', 'Outcome', 'Efficiency', 'Customer Service']);
export const MeasureKind = z.enum(['Count', 'Cumulative', 'Rate', 'Index', 'Currency']);
export type MeasureKind = z.infer<typeof MeasureKind>;
export const Direction = z.enum(['Increase', 'Decrease', 'Within Range', 'Maintain']);
export type Direction = z.infer<typeof Direction>;

export const Measure = z
  .object({
    id: z.string().min(1),
    objectiveId: z.string(),
    name: z.string(),
    type: MeasureType,
    unit: z.string(),
    kind: MeasureKind.nullable(),
    kindInferred: z.boolean(),
    /** Where an inferred Kind was read from: its Unit, or its name (`... (cumulative)`); null when typed. */
    kindInferredFrom: z.enum(['Unit', 'Name']).nullable(),
    /** For Currency measures: dollars per unit of the measure's values (Billions = 1e9). */
    currencyScale: z.number().positive(),
    direction: Direction.nullable(),
    dataSource: z.string(),
    verification: z.string(),
    leader: z.string(),
    /** Tracks an Agency Priority Goal (31 U.S.C. 1120); flagged on outputs. */
    priorityGoal: z.boolean(),
    /** Fraction of its objective's cost that produces this measure's output, in parts of SHARE_SCALE; null = none. */
    costShare: z
      .object({ ppb: z.number().int().min(0).max(1_000_000_000), loc: Loc })
      .strict()
      .nullable(),
    loc: Loc,
  })
  .strict();
export type Measure = z.infer<typeof Measure>;

export const Result = z
  .object({
    measureId: z.string(),
    year: z.number().int(),
    target: z.number().nullable(),
    actual: z.number().nullable(),
    minTarget: z.number().nullable(),
    maxTarget: z.number().nullable(),
    /** Why a target was missed (31 U.S.C. 1116), as written. */
    explanation: z.string(),
    /** When a pending result is due, as written (text, or a date as YYYY-MM-DD). */
    dataAvailable: z.string(),
    loc: Loc,
  })
  .strict();
export type Result = z.infer<typeof Result>;

export const CrosswalkTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('objective'), id: z.string() }).strict(),
  z.object({ kind: z.literal('goal'), id: z.string() }).strict(),
  z.object({ kind: z.literal('pool'), name: z.string() }).strict(),
]);
export type CrosswalkTarget = z.infer<typeof CrosswalkTarget>;

/** Shares are exact: parts per billion (40% = 400,000,000), so they add up without float drift. */
export const SHARE_SCALE = 1_000_000_000;

export const CrosswalkRule = z
  .object({
    index: z.number().int().nonnegative(),
    loc: Loc,
    account: z.string().min(1),
    programActivity: z.string(),
    objectClass: z.string(),
    target: CrosswalkTarget,
    share: z.number().int(),
    shareLoc: Loc,
    /** True when the share was typed as a bare number above 1 (`40`), read as a fraction of 100 only if the set sums to 100. */
    shareAsWholeNumber: z.boolean(),
    /** The one fiscal year this row applies to (a recast), or null for every year. */
    year: z.number().int().nullable(),
    basis: z.string(),
  })
  .strict();
export type CrosswalkRule = z.infer<typeof CrosswalkRule>;

export const PoolMethod = z.enum(['Direct Cost', 'FTE', 'Equal', 'Driver']);
export type PoolMethod = z.infer<typeof PoolMethod>;

export const CostPool = z
  .object({ name: z.string().min(1), method: PoolMethod, order: z.number().nullable(), loc: Loc })
  .strict();
export type CostPool = z.infer<typeof CostPool>;

export const Driver = z
  .object({
    pool: z.string(),
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('objective'), id: z.string() }).strict(),
      z.object({ kind: z.literal('pool'), name: z.string() }).strict(),
    ]),
    value: z.number(),
    loc: Loc,
    valueLoc: Loc,
  })
  .strict();
export type Driver = z.infer<typeof Driver>;

export const ScenarioScope = z.enum([
  'All',
  'Goal',
  'Objective',
  'Account',
  'Program Activity',
  'Best Allocation',
]);
export type ScenarioScope = z.infer<typeof ScenarioScope>;

export const Scenario = z
  .object({
    name: z.string().min(1),
    scope: ScenarioScope,
    key: z.string(),
    change: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('percent'), ppb: z.number().int() }).strict(),
      z.object({ kind: z.literal('amount'), minor: Minor }).strict(),
    ]),
    year: z.number().int().nullable(),
    loc: Loc,
    keyLoc: Loc,
    changeLoc: Loc,
  })
  .strict();
export type Scenario = z.infer<typeof Scenario>;

/** Bounds and weight for one objective in a Best Allocation scenario; floors and ceilings in parts per billion. */
export const AllocationLimit = z
  .object({
    objectiveId: z.string(),
    floorPpb: z.number().int(),
    ceilingPpb: z.number().int().nullable(),
    weight: z.number().nonnegative(),
    loc: Loc,
  })
  .strict();
export type AllocationLimit = z.infer<typeof AllocationLimit>;

export const ResponseModel = z.enum(['Proportional', 'Elasticity', 'Saturating', 'Fixed', 'Expression']);
export type ResponseModel = z.infer<typeof ResponseModel>;

export const Response = z
  .object({
    measureId: z.string(),
    model: ResponseModel,
    elasticity: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    expression: z.string(),
    loc: Loc,
    elasticityLoc: Loc,
    lowLoc: Loc,
    highLoc: Loc,
    expressionLoc: Loc,
  })
  .strict();
export type Response = z.infer<typeof Response>;

/** One row of the Programs table: a program is every budget line its rows name. */
export const ProgramPart = z
  .object({ program: z.string().min(1), account: z.string().min(1), programActivity: z.string(), loc: Loc })
  .strict();
export type ProgramPart = z.infer<typeof ProgramPart>;

/**
 * One finding of the DATA Act tie-out (Treasury's broker rules A18, A19, A35, A30.1, A30.2, A32, B11.3, B11.4,
 * B12.4, B19.1, B29) at the File A or File B row it is about. Value and Expected are amounts in dollars or codes.
 */
export const TieOutFinding = z
  .object({
    rule: z.string(),
    severity: Severity,
    file: z.enum(['File A', 'File B']),
    row: z.number().int(),
    tas: z.string(),
    field: z.string(),
    value: z.union([z.string(), z.number()]).nullable(),
    expected: z.union([z.string(), z.number()]).nullable(),
    difference: z.number().nullable(),
    message: z.string(),
    loc: Loc,
  })
  .strict();
export type TieOutFinding = z.infer<typeof TieOutFinding>;

/** Everything read from one workbook: the engine's whole input. */
export const WorkbookModel = z
  .object({
    settings: Settings,
    /** Decimals carried by money amounts (minor units = 10^-decimals of Units). FTE always carries one. */
    moneyDecimals: z.number().int().min(0).max(8),
    /** The Budget's series (amount columns), ordered by year. */
    series: z.array(Series),
    /**
     * The Budget one object per line: a view made from `budgetColumns` on first use, for tests and small
     * callers. The engine itself reads `budgetColumns`.
     */
    budget: z.array(BudgetLine),
    budgetColumns: z.custom<BudgetColumns>((v) => typeof v === 'object' && v !== null),
    goals: z.array(Goal),
    objectives: z.array(Objective),
    measures: z.array(Measure),
    results: z.array(Result),
    crosswalk: z.array(CrosswalkRule),
    pools: z.array(CostPool),
    drivers: z.array(Driver),
    scenarios: z.array(Scenario),
    responses: z.array(Response),
    allocationLimits: z.array(AllocationLimit),
    /** The optional Programs table; empty = one program per account and program activity. */
    programs: z.array(ProgramPart),
    /** Which tables were found, and where (for messages and for the summary). */
    found: z.record(z.string(), z.object({ sheet: z.string(), source: z.enum(['table', 'sheet']) })),
    /** The DATA Act tie-out's findings, when the workbook has File A or File B. */
    tieOut: z.array(TieOutFinding).optional(),
  })
  .strict();
export type WorkbookModel = z.infer<typeof WorkbookModel>;
