import { z } from 'zod';
import { ColumnFormat, MoneyDisplay, OutputCell, OutputTable } from './grid';
import { Issue } from './issues';

/**
 * The output side of the workbook contract: each output table's sheet/table name and its fixed columns.
 * Tables with per-year or per-objective columns (`ResourcesByGoal`, `CrosswalkMatrix`) list their fixed
 * columns here and add the dynamic ones where the spec says.
 */
export interface OutputColumnSpec {
  name: string;
  format: ColumnFormat;
}
const c = (name: string, format: ColumnFormat): OutputColumnSpec => ({ name, format });

export const OUTPUT_TABLES = {
  /** Then one amount column per series (`FY2024 Enacted`), then CrosswalkDetailTail. */
  CrosswalkDetail: [
    c('Account', 'text'),
    c('Account Title', 'text'),
    c('Program Activity', 'text'),
    c('Object Class', 'text'),
    c('Category', 'text'),
    c('Funding Type', 'text'),
    c('Amount Type', 'text'),
    c('Goal ID', 'text'),
    c('Objective ID', 'text'),
    c('Cost Pool', 'text'),
    c('Mapped To', 'text'),
    c('Share', 'share'),
  ],
  CrosswalkDetailTail: [c('Rule', 'text'), c('Source', 'text')],
  /** Then one column per objective (and goal-level / pool targets), then these two. */
  CrosswalkMatrix: [
    c('Account', 'text'),
    c('Program Activity', 'text'),
    c('Account Title', 'text'),
    c('Program Activity Title', 'text'),
    c('Object Class', 'text'),
    c('Category', 'text'),
    c('Amount Type', 'text'),
  ],
  CrosswalkMatrixTail: [c('Unmapped', 'money'), c('Total', 'money')],
  /** Then one column per series (`FY2023 Actual`, `FY2024 Enacted`, `FY2025 Request`), then the tail. */
  ResourcesByGoal: [
    c('Level', 'text'),
    c('Goal ID', 'text'),
    c('Objective ID', 'text'),
    c('Name', 'text'),
    c('Amount Type', 'text'),
  ],
  ResourcesByGoalTail: [c('Change BY vs CY', 'money'), c('Change %', 'share'), c('Share of Total', 'share')],
  /** The measure's cost: its Cost Share of its objective's cost, or the whole objective's cost without one. */
  CostPerOutcome: [
    c('Measure ID', 'text'),
    c('Measure', 'text'),
    c('Priority Goal', 'text'),
    c('Objective ID', 'text'),
    c('Goal ID', 'text'),
    c('Fiscal Year', 'year'),
    c('Type', 'text'),
    c('Unit', 'text'),
    c('Kind', 'text'),
    c('Direct Cost', 'money'),
    c('Support Cost', 'money'),
    c('Full Cost', 'money'),
    c('Cost Share', 'share'),
    c('Target', 'number'),
    c('Min Target', 'number'),
    c('Max Target', 'number'),
    c('Actual', 'number'),
    c('Direction', 'text'),
    c('Status', 'text'),
    c('Explanation', 'text'),
    c('Data Available', 'text'),
    c('Output', 'number'),
    c('Cost per Unit', 'dollars'),
    c('Return Ratio', 'ratio'),
    c('Note', 'text'),
  ],
  SupportCosts: [
    c('Cost Pool', 'text'),
    c('Method', 'text'),
    c('Amount Type', 'text'),
    c('Fiscal Year', 'year'),
    c('Series', 'text'),
    c('To', 'text'),
    c('Goal ID', 'text'),
    c('Objective ID', 'text'),
    c('Amount', 'money'),
    c('Note', 'text'),
  ],
  ScenarioResults: [
    c('Scenario', 'text'),
    c('Fiscal Year', 'year'),
    c('Measure ID', 'text'),
    c('Measure', 'text'),
    c('Objective ID', 'text'),
    c('Base Funding', 'money'),
    c('Scenario Funding', 'money'),
    c('Funding Change', 'money'),
    c('Base Value', 'number'),
    c('Projected Value', 'number'),
    c('Low', 'number'),
    c('High', 'number'),
    c('Target', 'number'),
    c('Meets Target', 'text'),
    c('Probability Meets Target', 'share'),
    c('Note', 'text'),
  ],
  ScenarioComparison: [
    c('Scenario', 'text'),
    c('Fiscal Year', 'year'),
    c('Level', 'text'),
    c('Goal ID', 'text'),
    c('Goal', 'text'),
    c('Base Funding', 'money'),
    c('Scenario Funding', 'money'),
    c('Funding Change', 'money'),
    c('Change %', 'share'),
    c('Measures Judged', 'integer'),
    c('Met at Base', 'integer'),
    c('Met in Scenario', 'integer'),
  ],
  GoalSeek: [
    c('Measure ID', 'text'),
    c('Measure', 'text'),
    c('Objective ID', 'text'),
    c('Model', 'text'),
    c('Fiscal Year', 'year'),
    c('Target', 'number'),
    c('Base Value', 'number'),
    c('Base Funding', 'money'),
    c('Funding Needed', 'money'),
    c('Change Needed', 'money'),
    c('Change %', 'share'),
    c('Note', 'text'),
  ],
  BestAllocation: [
    c('Scenario', 'text'),
    c('Fiscal Year', 'year'),
    c('Objective ID', 'text'),
    c('Objective', 'text'),
    c('Base Funding', 'money'),
    c('Floor', 'share'),
    c('Ceiling', 'share'),
    c('Weight', 'number'),
    c('Proportional Change', 'money'),
    c('Best Change', 'money'),
    c('Best Funding', 'money'),
    c('Attainment at Proportional', 'number'),
    c('Attainment at Best', 'number'),
    c('Marginal Value per $1M', 'number'),
    c('Note', 'text'),
  ],
  /** Then Target and Actual for each of the latest five fiscal years with results, then the tail. */
  PerformanceTrend: [
    c('Goal', 'text'),
    c('Objective', 'text'),
    c('Measure ID', 'text'),
    c('Measure', 'text'),
    c('Priority Goal', 'text'),
    c('Unit', 'text'),
    c('Direction', 'text'),
  ],
  PerformanceTrendTail: [c('Latest Year', 'text'), c('Status', 'text'), c('Explanation', 'text')],
  /** Then, for CY and the two years before it: Appropriated, Obligated and Outlayed; then the tail. */
  ProgramInventory: [c('Program', 'text'), c('Accounts', 'text')],
  ProgramInventoryTail: [c('Goals', 'text'), c('Objectives', 'text'), c('Note', 'text')],
  Issues: [
    c('Severity', 'text'),
    c('Code', 'text'),
    c('Message', 'text'),
    c('Sheet', 'text'),
    c('Cell', 'text'),
  ],
  /** DATA Act tie-out (File A and File B): one row per finding; Value and Expected hold an amount or a code. */
  TieOut: [
    c('Rule', 'text'),
    c('Severity', 'text'),
    c('File', 'text'),
    c('Row', 'integer'),
    c('TAS', 'text'),
    c('Field', 'text'),
    c('Value', 'dollars'),
    c('Expected', 'dollars'),
    c('Difference', 'dollars'),
    c('Message', 'text'),
  ],
} as const satisfies Record<string, readonly OutputColumnSpec[]>;

/** The zod type of one output cell, by its column's format: text is text, everything else a number (or blank). */
const CELL_BY_FORMAT = {
  text: z.string().nullable(),
  year: z.number().int().nullable(),
  integer: z.number().int().nullable(),
  money: z.number().nullable(),
  fte: z.number().nullable(),
  share: z.number().nullable(),
  number: z.number().nullable(),
  ratio: z.number().nullable(),
  dollars: z.number().nullable(),
} as const satisfies Record<ColumnFormat, z.ZodType>;

type RowShape<S extends readonly OutputColumnSpec[]> = {
  [C in S[number] as C['name']]: (typeof CELL_BY_FORMAT)[C['format']];
};

function rowSchema<const S extends readonly OutputColumnSpec[]>(specs: S) {
  return z.object(Object.fromEntries(specs.map((c) => [c.name, CELL_BY_FORMAT[c.format]])) as RowShape<S>);
}

/**
 * One row of each output table as a record keyed by column name (what a user's formula or a script reads).
 * Tables with per-year or per-objective columns accept those as extra numeric columns.
 */
export const OutputRows = {
  // Section and Item, then the year columns, Change BY vs CY and one column per status: all numbers.
  Summary: z.object({ Section: z.string(), Item: z.string() }).catchall(z.number().nullable()),
  // Series columns (numbers), and a Leader column (text) when the plan names leaders.
  ResourcesByGoal: rowSchema([
    ...OUTPUT_TABLES.ResourcesByGoal,
    ...OUTPUT_TABLES.ResourcesByGoalTail,
  ]).catchall(z.union([z.number(), z.string()]).nullable()),
  CrosswalkMatrix: rowSchema([
    ...OUTPUT_TABLES.CrosswalkMatrix,
    ...OUTPUT_TABLES.CrosswalkMatrixTail,
  ]).catchall(z.number().nullable()),
  CrosswalkDetail: rowSchema([
    ...OUTPUT_TABLES.CrosswalkDetail,
    ...OUTPUT_TABLES.CrosswalkDetailTail,
  ]).catchall(z.number().nullable()),
  CostPerOutcome: rowSchema(OUTPUT_TABLES.CostPerOutcome).strict(),
  SupportCosts: rowSchema(OUTPUT_TABLES.SupportCosts).strict(),
  ScenarioResults: rowSchema(OUTPUT_TABLES.ScenarioResults).strict(),
  ScenarioComparison: rowSchema(OUTPUT_TABLES.ScenarioComparison).strict(),
  GoalSeek: rowSchema(OUTPUT_TABLES.GoalSeek).strict(),
  BestAllocation: rowSchema(OUTPUT_TABLES.BestAllocation).strict(),
  Issues: rowSchema(OUTPUT_TABLES.Issues).strict(),
  PerformanceTrend: rowSchema([
    ...OUTPUT_TABLES.PerformanceTrend,
    ...OUTPUT_TABLES.PerformanceTrendTail,
  ]).catchall(z.number().nullable()),
  ProgramInventory: rowSchema([
    ...OUTPUT_TABLES.ProgramInventory,
    ...OUTPUT_TABLES.ProgramInventoryTail,
  ]).catchall(z.number().nullable()),
  TieOut: rowSchema(OUTPUT_TABLES.TieOut)
    .extend({
      Value: z.union([z.string(), z.number()]).nullable(),
      Expected: z.union([z.string(), z.number()]).nullable(),
    })
    .strict(),
};
export type ResourcesByGoalRow = z.infer<typeof OutputRows.ResourcesByGoal>;
export type CrosswalkMatrixRow = z.infer<typeof OutputRows.CrosswalkMatrix>;
export type CrosswalkDetailRow = z.infer<typeof OutputRows.CrosswalkDetail>;
export type CostPerOutcomeRow = z.infer<typeof OutputRows.CostPerOutcome>;
export type SupportCostsRow = z.infer<typeof OutputRows.SupportCosts>;
export type ScenarioResultsRow = z.infer<typeof OutputRows.ScenarioResults>;
export type ScenarioComparisonRow = z.infer<typeof OutputRows.ScenarioComparison>;
export type GoalSeekRow = z.infer<typeof OutputRows.GoalSeek>;
export type BestAllocationRow = z.infer<typeof OutputRows.BestAllocation>;
export type IssuesRow = z.infer<typeof OutputRows.Issues>;
export type TieOutRow = z.infer<typeof OutputRows.TieOut>;
export type PerformanceTrendRow = z.infer<typeof OutputRows.PerformanceTrend>;
export type ProgramInventoryRow = z.infer<typeof OutputRows.ProgramInventory>;

/** An output table's rows as records keyed by column name. */
export function tableRecords(table: OutputTable): Record<string, OutputCell>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.name, row[i] ?? null])));
}

export { OUTPUT_SHEETS, type OutputSheet } from './sheets';

/**
 * The Summary table's sections (its first column). The writers draw the Summary's charts from the rows of
 * `resources` (the series columns) and `measures` (the status columns), so both sides name them from here.
 */
export const SUMMARY_SECTIONS = {
  basis: 'Basis',
  resources: 'Resources by goal',
  measures: 'Measures by status',
  scenarios: 'Scenario',
  issues: 'Issues',
  notes: 'Note',
} as const;

/**
 * A result against its target. Improved: not met, but better than the prior year's actual in the desired
 * direction. Pending: a target for a year after the latest year with any actual in the workbook (results not
 * yet due). No Actual: a past year with a target and no actual. Not Judged: the measure has no Direction.
 */
export const Status = z.enum([
  'Met',
  'Not Met',
  'Improved',
  'Pending',
  'No Actual',
  'No Target',
  'Not Judged',
]);
export type Status = z.infer<typeof Status>;

/** A total by amount type and fiscal year, in the workbook's Units (FTE in FTE). */
export const TotalByYear = z
  .object({ amountType: z.string(), series: z.string(), year: z.number().int(), amount: z.number() })
  .strict();

/** A series as outputs show it: its label (`FY2024 Enacted`) and fiscal year. */
export const SeriesRef = z.object({ label: z.string(), year: z.number().int() }).strict();

export const Summary = z
  .object({
    agency: z.string(),
    units: MoneyDisplay.shape.units,
    money: MoneyDisplay,
    years: z.array(z.number().int()),
    /** The Budget's series with amounts, by year. */
    series: z.array(SeriesRef),
    /** Prior, current and budget year series (PY actual, CY enacted, BY request), as chosen. */
    priorYear: SeriesRef.nullable(),
    currentYear: SeriesRef.nullable(),
    budgetYear: SeriesRef.nullable(),
    /** The series scenarios change and the summary's goal totals are read in. */
    baseYear: z.number().int().nullable(),
    baseSeries: z.string().nullable(),
    costBasis: z.string().nullable(),
    /** What the cost figures are, in words: "full cost (expenses)", "resources (obligations)". */
    costLabel: z.string(),
    allocation: z.string(),
    budgetLines: z.number().int(),
    unmappedLines: z.number().int(),
    budgetTotals: z.array(TotalByYear),
    goals: z.array(
      z
        .object({
          goalId: z.string(),
          name: z.string(),
          /** Cost (direct + support) in the cost basis, by series, in Units. */
          totals: z.array(
            z.object({ series: z.string(), year: z.number().int(), amount: z.number() }).strict(),
          ),
        })
        .strict(),
    ),
    measures: z
      .object({
        total: z.number().int(),
        met: z.number().int(),
        notMet: z.number().int(),
        year: z.number().int().nullable(),
        /** Measures by status in `year`, per goal (goals in the Goals table's order; statuses with none left out). */
        byGoal: z.array(
          z
            .object({
              goalId: z.string(),
              counts: z.array(z.object({ status: Status, count: z.number().int() }).strict()),
            })
            .strict(),
        ),
      })
      .strict(),
    /** One per scenario: the funding change (in Units) and modeled measures meeting target, before and after. */
    scenarios: z.array(
      z
        .object({
          name: z.string(),
          year: z.number().int(),
          fundingChange: z.number(),
          judged: z.number().int(),
          metAtBase: z.number().int(),
          metInScenario: z.number().int(),
        })
        .strict(),
    ),
    issues: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }).strict(),
    /**
     * Budget amounts that could not be read ("TBD", #REF!): left out of every total. `cells` lists the first 20
     * (`Budget!F17`); `goals` are the goals whose totals are short by at least one; `viaPools` when one fed a
     * cost pool.
     */
    unreadAmounts: z
      .object({
        count: z.number().int(),
        cells: z.array(z.string()),
        goals: z.array(z.string()),
        viaPools: z.boolean(),
      })
      .strict(),
  })
  .strict();
export type Summary = z.infer<typeof Summary>;

/** What one engine run returns, whoever called it (CLI, HTTP, add-in). */
export const EngineResult = z
  .object({
    ok: z.boolean(),
    summary: Summary,
    issues: z.array(Issue),
    tables: z.array(OutputTable),
    money: MoneyDisplay,
  })
  .strict();
export type EngineResult = z.infer<typeof EngineResult>;

export { OutputCell };
