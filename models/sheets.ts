/** The sheets the engine owns: replaced whole on every run, never read as input. */
export const OUTPUT_SHEETS = [
  'Summary',
  'ResourcesByGoal',
  'CrosswalkMatrix',
  'CrosswalkDetail',
  'CostPerOutcome',
  'SupportCosts',
  'ScenarioResults',
  'ScenarioComparison',
  'GoalSeek',
  'BestAllocation',
  'PerformanceTrend',
  'ProgramInventory',
  'TieOut',
  'Issues',
] as const;
export type OutputSheet = (typeof OUTPUT_SHEETS)[number];
