import type { Row } from '../../helpers/workbook';

/**
 * A two-objective agency in dollars: account A funds objective 1.1 ($1,000.00), account B funds 1.2 ($3,000.00).
 * M1 (1.1) is a Count with target 100 and actual 100; M2 (1.2) a Rate with target 0.5 and actual 0.4.
 */
export const BUDGET: readonly Row[] = [
  ['Account', 'Amount Type', 'FY2018'],
  ['A', 'BA', 1000],
  ['B', 'BA', 3000],
];
export const GOALS: readonly Row[] = [
  ['Goal ID', 'Goal'],
  ['G1', 'Serve'],
];
export const OBJECTIVES: readonly Row[] = [
  ['Objective ID', 'Goal ID', 'Objective'],
  ['1.1', 'G1', 'First'],
  ['1.2', 'G1', 'Second'],
];
export const MEASURES: readonly Row[] = [
  ['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction'],
  ['M1', '1.1', 'Cases closed', 'Count', 'Increase'],
  ['M2', '1.2', 'Share on time', 'Rate', 'Increase'],
];
export const RESULTS: readonly Row[] = [
  ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
  ['M1', 2018, 100, 100],
  ['M2', 2018, 0.5, 0.4],
];
export const CROSSWALK: readonly Row[] = [
  ['Account', 'Objective ID', 'Share'],
  ['A', '1.1', '100%'],
  ['B', '1.2', '100%'],
];
export const BASE = {
  Budget: BUDGET,
  Goals: GOALS,
  Objectives: OBJECTIVES,
  Measures: MEASURES,
  Results: RESULTS,
  Crosswalk: CROSSWALK,
};

export const responses = (...rows: Row[]): Row[] => [
  ['Measure ID', 'Model', 'Elasticity', 'Low', 'High', 'Expression'],
  ...rows,
];
export const scenarios = (...rows: Row[]): Row[] => [['Scenario', 'Scope', 'Key', 'Change'], ...rows];
