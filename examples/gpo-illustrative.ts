/**
 * The ILLUSTRATIVE parts of the GPO example: goals, objectives, measures and results, crosswalk shares, the cost
 * pool, scenarios, responses and one receipt line, set by Throughline's developers to show the method on real
 * budget figures. None of it is GPO's strategic plan, performance report or cost accounting; every Basis cell
 * says so. The real data (the FY2027 Budget Appendix schedules) is read by gpo-budget.ts.
 */

export const ASSUMED = "Illustrative (Throughline developers' assumption, not GPO data)";

/**
 * GPO has no receipt account in the Appendix data (its revolving fund's collections are offsetting collections,
 * credited to the fund itself). This one line is invented, so that the example shows how receipts are kept out of
 * goal totals; its account and title say it is not real.
 */
export const ILLUSTRATIVE_RECEIPT = {
  account: '004-ILLUSTRATIVE-RECEIPT',
  title: 'Illustrative: offsetting receipts (invented; not in the Appendix data)',
  /** Millions, negative as offsetting receipts are recorded (they reduce net budget authority and outlays). */
  amounts: [-2, -2, -2] as const,
};

export const GOALS: readonly { id: string; name: string; description: string }[] = [
  {
    id: 'G1',
    name: 'Serve the Congress',
    description: `${ASSUMED}: publish the official record of Congress's work on the schedule Congress sets`,
  },
  {
    id: 'G2',
    name: 'Keep America informed',
    description: `${ASSUMED}: free public access to Government information, through the depository libraries and online`,
  },
  {
    id: 'G3',
    name: 'Serve Federal agencies',
    description: `${ASSUMED}: printing, publishing and secure credentials for agencies, paid for by them`,
  },
];

export const OBJECTIVES: readonly { id: string; goalId: string; name: string }[] = [
  {
    id: '1.1',
    goalId: 'G1',
    name: 'Publish the Congressional Record, bills, hearings and reports on time',
  },
  {
    id: '2.1',
    goalId: 'G2',
    name: 'Deliver Government information to depository libraries and exchange partners',
  },
  { id: '2.2', goalId: 'G2', name: 'Catalog and index Government publications (FY2025–FY2026 plan)' },
  {
    id: '2.3',
    goalId: 'G2',
    name: 'Make Government information findable and permanently accessible online (FY2027 strategic plan)',
  },
  { id: '3.1', goalId: 'G3', name: "Procure and produce agencies' printing at competitive cost" },
  { id: '3.2', goalId: 'G3', name: 'Produce secure credentials: passports and smart cards' },
];

export interface MeasureSpec {
  id: string;
  objectiveId: string;
  name: string;
  type: 'Output' | 'Outcome' | 'Efficiency' | 'Customer Service';
  unit: string;
  /** Blank: the engine infers the Kind from the Unit (and says it did). */
  kind: 'Count' | 'Cumulative' | 'Rate' | 'Currency' | null;
  direction: 'Increase' | 'Decrease' | 'Within Range' | 'Maintain' | null;
  priorityGoal: boolean;
  /** A fraction of the objective's cost, or null. */
  costShare: number | null;
}

const SOURCE = 'Illustrative figures (not GPO data)';

export const MEASURES: readonly MeasureSpec[] = [
  {
    id: '1.1.1',
    objectiveId: '1.1',
    name: 'Congressional Record issues delivered by the start of the next legislative day',
    type: 'Outcome',
    unit: 'Percent',
    kind: null,
    direction: 'Increase',
    priorityGoal: true,
    costShare: 0.3,
  },
  {
    id: '1.1.2',
    objectiveId: '1.1',
    name: 'Congressional documents published (bills, resolutions, hearings, reports)',
    type: 'Output',
    unit: 'Documents',
    kind: 'Count',
    direction: 'Increase',
    priorityGoal: false,
    costShare: 0.7,
  },
  {
    id: '2.1.1',
    objectiveId: '2.1',
    name: 'Titles distributed to depository libraries',
    type: 'Output',
    unit: 'Titles',
    kind: 'Count',
    direction: 'Increase',
    priorityGoal: false,
    costShare: 0.6,
  },
  {
    id: '2.1.2',
    objectiveId: '2.1',
    name: "Depository libraries rating GPO's service good or excellent",
    type: 'Customer Service',
    unit: 'Percent',
    kind: 'Rate',
    direction: 'Maintain',
    priorityGoal: false,
    costShare: 0.4,
  },
  {
    id: '2.2.1',
    objectiveId: '2.2',
    name: 'Records in the Catalog of U.S. Government Publications (cumulative)',
    type: 'Output',
    unit: 'Cumulative Total',
    kind: 'Cumulative',
    direction: 'Increase',
    priorityGoal: false,
    costShare: 0.9,
  },
  {
    id: '2.3.1',
    objectiveId: '2.3',
    name: 'New publications cataloged with complete metadata within 30 days',
    type: 'Outcome',
    unit: 'Percent',
    kind: 'Rate',
    direction: 'Increase',
    priorityGoal: true,
    costShare: null,
  },
  {
    id: '3.1.1',
    objectiveId: '3.1',
    name: 'Savings to agencies from competitively procured printing',
    type: 'Efficiency',
    unit: 'Millions',
    kind: 'Currency',
    direction: 'Increase',
    priorityGoal: false,
    costShare: 0.3,
  },
  {
    id: '3.1.2',
    objectiveId: '3.1',
    name: 'Value of printing procured for agencies',
    type: 'Output',
    unit: 'Millions',
    kind: 'Currency',
    direction: null,
    priorityGoal: false,
    costShare: 0.5,
  },
  {
    id: '3.2.1',
    objectiveId: '3.2',
    name: 'Passport books delivered to the Department of State',
    type: 'Output',
    unit: 'Passport books',
    kind: 'Count',
    direction: 'Within Range',
    priorityGoal: true,
    costShare: 0.75,
  },
  {
    id: '3.2.2',
    objectiveId: '3.2',
    name: 'Credential orders delivered on the agreed date',
    type: 'Customer Service',
    unit: '%',
    kind: 'Rate',
    direction: 'Maintain',
    priorityGoal: false,
    costShare: 0.25,
  },
];

export const DATA_SOURCE = SOURCE;
export const VERIFICATION = `${ASSUMED}: in practice, the measure's data owner would say how it is verified`;

export interface ResultSpec {
  measureId: string;
  year: number;
  target: number | null;
  actual: number | null;
  min?: number;
  max?: number;
  explanation?: string;
  dataAvailable?: string;
}

const pending = (measureId: string, year: number, target: number, due: string): ResultSpec => ({
  measureId,
  year,
  target,
  actual: null,
  dataAvailable: due,
});

/**
 * 2024 and 2025 have actuals; 2026 and 2027 are targets only, so their status is Pending (results not yet due),
 * each with the month its result is due.
 */
export const RESULTS: readonly ResultSpec[] = [
  { measureId: '1.1.1', year: 2024, target: 99, actual: 98.1 },
  {
    measureId: '1.1.1',
    year: 2025,
    target: 99,
    actual: 98.7,
    explanation: `${ASSUMED}: late-night sessions in June and July held six issues past the deadline; a second press crew was added in August`,
  },
  pending('1.1.1', 2026, 99, 'November 2026'),
  pending('1.1.1', 2027, 99.5, 'November 2027'),
  { measureId: '1.1.2', year: 2024, target: 21000, actual: 21400 },
  { measureId: '1.1.2', year: 2025, target: 22000, actual: 23150 },
  pending('1.1.2', 2026, 22000, 'November 2026'),
  pending('1.1.2', 2027, 22500, 'November 2027'),
  { measureId: '2.1.1', year: 2024, target: 60000, actual: 61000 },
  {
    measureId: '2.1.1',
    year: 2025,
    target: 60000,
    actual: 58400,
    explanation: `${ASSUMED}: agencies issued fewer tangible titles; every title received was distributed`,
  },
  pending('2.1.1', 2026, 59000, 'December 2026'),
  pending('2.1.1', 2027, 59000, 'December 2027'),
  { measureId: '2.1.2', year: 2024, target: 90, actual: 90.3 },
  { measureId: '2.1.2', year: 2025, target: 90, actual: 89.6 },
  pending('2.1.2', 2026, 90, 'January 2027'),
  pending('2.1.2', 2027, 90, 'January 2028'),
  { measureId: '2.2.1', year: 2024, target: 1030000, actual: 1032000 },
  { measureId: '2.2.1', year: 2025, target: 1050000, actual: 1054500 },
  pending('2.2.1', 2026, 1075000, 'October 2026'),
  pending('2.3.1', 2027, 95, 'October 2027'),
  { measureId: '3.1.1', year: 2024, target: 40, actual: 41 },
  { measureId: '3.1.1', year: 2025, target: 45, actual: 47.2 },
  pending('3.1.1', 2026, 46, 'December 2026'),
  pending('3.1.1', 2027, 48, 'December 2027'),
  // A volume of business: targets for planning, no Direction, so no status is judged (Not Judged).
  { measureId: '3.1.2', year: 2024, target: 490, actual: 498 },
  { measureId: '3.1.2', year: 2025, target: 500, actual: 512 },
  pending('3.1.2', 2026, 505, 'December 2026'),
  pending('3.1.2', 2027, 510, 'December 2027'),
  { measureId: '3.2.1', year: 2024, target: 24000000, actual: 24100000, min: 22000000, max: 26000000 },
  { measureId: '3.2.1', year: 2025, target: 24000000, actual: 23400000, min: 22000000, max: 26000000 },
  { ...pending('3.2.1', 2026, 24500000, 'November 2026'), min: 22500000, max: 26500000 },
  { ...pending('3.2.1', 2027, 24500000, 'November 2027'), min: 22500000, max: 26500000 },
  { measureId: '3.2.2', year: 2024, target: 99.5, actual: 99.2 },
  {
    measureId: '3.2.2',
    year: 2025,
    target: 99.5,
    actual: 98.9,
    explanation: `${ASSUMED}: a press outage in March delayed two weeks of smart-card orders`,
  },
  pending('3.2.2', 2026, 99.5, 'November 2026'),
  pending('3.2.2', 2027, 99.5, 'November 2027'),
];

// ---------------------------------------------------------------------------------------------------------
// Crosswalk and cost pool

export type Target = { objective: string } | { pool: string };
export interface CrosswalkSpec {
  account: string;
  /** Blank: account level (the amounts the Appendix prints only by account: BA, outlays, collections, FTE). */
  programActivity: string;
  to: Target;
  share: number;
  /** The one year this row applies to (a recast), or null for every year. */
  year: number | null;
  basis: string;
}

export const CAPITAL_POOL = 'Capital investment';
export const COST_POOLS: readonly (readonly [string, string, number])[] = [[CAPITAL_POOL, 'Direct Cost', 1]];

const CP = '004-0203-0-1-801';
const PI = '004-0201-0-1-808';
const FUND = '004-4505-0-4-808';
/** Cataloging and Indexing moves from 2.2 to the new objective 2.3 in FY2027, under a new strategic plan. */
export const RECAST_YEAR = 2027;

/** Public Information's rows for one plan: activity rows, and account-level rows near 2027 obligations (31 of 43). */
function publicInformation(cataloging: string, year: number | null): CrosswalkSpec[] {
  const why =
    year === null ? '' : `; recast for FY${year}: the new strategic plan moves cataloging to ${cataloging}`;
  return [
    { programActivity: '0001', objective: '2.1', share: 1, basis: 'distribution to depository libraries' },
    { programActivity: '0002', objective: cataloging, share: 1, basis: 'cataloging and indexing' },
    { programActivity: '0003', objective: '2.1', share: 1, basis: 'international exchange of publications' },
    {
      programActivity: '',
      objective: '2.1',
      share: 0.7209,
      basis: 'account-level amounts in proportion to FY2027 obligations: activities 0001 and 0003, 31 of 43',
    },
    {
      programActivity: '',
      objective: cataloging,
      share: 0.2791,
      basis: 'account-level amounts in proportion to FY2027 obligations: activity 0002, 12 of 43',
    },
  ].map((r) => ({
    account: PI,
    programActivity: r.programActivity,
    to: { objective: r.objective },
    share: r.share,
    year,
    basis: `${ASSUMED}: ${r.basis}${why}`,
  }));
}

export const CROSSWALK: readonly CrosswalkSpec[] = [
  {
    account: CP,
    programActivity: '',
    to: { objective: '1.1' },
    share: 1,
    year: null,
    basis: `${ASSUMED}: the account's only activity is Congressional Publishing (P&F 0001)`,
  },
  ...publicInformation('2.2', null),
  ...publicInformation('2.3', RECAST_YEAR),
  ...(
    [
      ['0801', { objective: '3.1' }, 0.55, 'agency printing and procurement, share of the orders'],
      ['0801', { objective: '3.2' }, 0.4, 'passports and smart cards, share of the orders'],
      ['0801', { objective: '2.1' }, 0.05, 'publication sales and distribution, share of the orders'],
      ['0811', { pool: CAPITAL_POOL }, 1, 'capital investment serves every line of business'],
      ['', { objective: '1.1' }, 0.06, "account level: Congress's orders, about 6% of FY2027 obligations"],
      ['', { objective: '2.1' }, 0.05, 'account level: publication sales and distribution'],
      ['', { objective: '3.1' }, 0.5, 'account level: agency printing and procurement'],
      ['', { objective: '3.2' }, 0.37, 'account level: passports and smart cards'],
      ['', { pool: CAPITAL_POOL }, 0.02, 'account level: capital investment, 26 of 1,294 (P&F 0811)'],
    ] as const
  ).map(([programActivity, to, share, basis]): CrosswalkSpec => ({
    account: FUND,
    programActivity,
    to,
    share,
    year: null,
    basis: `${ASSUMED}: ${basis}`,
  })),
];

// ---------------------------------------------------------------------------------------------------------
// Scenarios and responses

export const SCENARIO_BASIS = "Illustrative (Throughline developers' what-if, not a GPO proposal)";
export const RESPONSE_BASIS = "Illustrative (Throughline developers' assumption, not a GPO estimate)";

/** Scenario, Scope, Key, Change (percent text or millions), Fiscal Year. */
export const SCENARIOS: readonly (readonly [string, string, string, string | number, number])[] = [
  ['Keep America informed cut 5%', 'Goal', 'G2', '-5%', 2027],
  ['Secure credentials plus $10M', 'Objective', '3.2', 10, 2027],
  ['Public Information account cut 10%', 'Account', PI, '-10%', 2027],
];

/** Measure ID, Model, Elasticity, Low, High. */
export const RESPONSES: readonly (readonly [string, string, number | null, number | null, number | null])[] =
  [
    ['2.1.1', 'Proportional', null, 0.6, 1],
    ['2.1.2', 'Saturating', 0.2, null, null],
    ['2.3.1', 'Elasticity', 0.5, 0.3, 0.7],
    ['3.2.1', 'Elasticity', 0.9, null, null],
    ['3.2.2', 'Saturating', 0.1, null, null],
  ];
