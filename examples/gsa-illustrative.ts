/**
 * The ILLUSTRATIVE parts of the GSA example: crosswalk shares, cost pools, drivers, scenarios, responses and
 * allocation limits, set by Throughline's developers to show the method. None of it is GSA's; every Basis cell
 * says so. The real data (budget, performance report) is read from examples/data by build-gsa-example.ts.
 */

// ---------------------------------------------------------------------------------------------------------
// Crosswalk, Cost Pools, Drivers: ILLUSTRATIVE, set by Throughline's developers

export type Target = { objective: string } | { goal: string } | { pool: string };
export interface Split {
  to: Target;
  /** A fraction (0.45) or a percent string ("55%"): the example uses both on purpose. */
  share: number | string;
  basis: string;
}

export const ASSUMED = "Illustrative (Throughline developers' assumption, not GSA data)";

export const CROSSWALK: Record<string, Split[]> = {
  // Real Property Activities
  '023-05-4542': [
    {
      to: { objective: '1.1' },
      share: 0.45,
      basis: `${ASSUMED}: share of PBS effort on shrinking the inventory`,
    },
    {
      to: { objective: '1.2' },
      share: '55%',
      basis: `${ASSUMED}: share of PBS effort on leasing and building services`,
    },
  ],
  '023-05-4543': [
    {
      to: { objective: '1.1' },
      share: '100%',
      basis: `${ASSUMED}: Recovery Act building modernizations lower the inventory's operating cost`,
    },
  ],
  '023-05-5254': [
    {
      to: { objective: '1.1' },
      share: 1,
      basis: `${ASSUMED}: disposal of surplus property reduces the Federal inventory`,
    },
  ],
  // Supply and Technology Activities
  '023-10-4534': [
    { to: { objective: '2.1' }, share: 0.6, basis: `${ASSUMED}: FAS business-line effort, savings programs` },
    {
      to: { objective: '2.2' },
      share: '25%',
      basis: `${ASSUMED}: FAS business-line effort, buying simplification`,
    },
    {
      to: { objective: '2.3' },
      share: 0.15,
      basis: `${ASSUMED}: FAS business-line effort, small business access`,
    },
  ],
  '023-10-4603': [
    {
      to: { objective: '3.1' },
      share: '100%',
      basis: `${ASSUMED}: the fund exists to finance agency IT modernization projects`,
    },
  ],
  '023-10-5250': [
    {
      to: { objective: '2.1' },
      share: 1,
      basis: `${ASSUMED}: transportation audits recover overcharges, a measurable saving`,
    },
  ],
  // General Activities
  '023-30-0105': [
    {
      to: { objective: '4.2' },
      share: '100%',
      basis: `${ASSUMED}: a GSA-administered support service outside the mission goals`,
    },
  ],
  '023-30-0107': [
    {
      to: { objective: '4.2' },
      share: 1,
      basis: `${ASSUMED}: transition support is an internal support service GSA delivers`,
    },
  ],
  '023-30-0603': [
    {
      to: { objective: '4.2' },
      share: '100%',
      basis: `${ASSUMED}: transition support is an internal support service GSA delivers`,
    },
  ],
  '023-30-0108': [
    {
      to: { pool: 'Oversight' },
      share: 1,
      basis: `${ASSUMED}: audit and investigation serve every objective`,
    },
  ],
  '023-30-0110': [
    {
      to: { pool: 'Mission Support' },
      share: '100%',
      basis: `${ASSUMED}: agency management and administration, spread by direct cost`,
    },
  ],
  '023-30-0401': [
    { to: { objective: '3.3' }, share: 0.6, basis: `${ASSUMED}: OGP staff effort on technology policy` },
    {
      to: { objective: '4.1' },
      share: '40%',
      basis: `${ASSUMED}: OGP staff effort on shared-services policy`,
    },
  ],
  '023-30-0600': [
    {
      to: { objective: '3.1' },
      share: '50%',
      basis: `${ASSUMED}: E-Gov projects, modernization initiatives`,
    },
    { to: { objective: '3.3' }, share: 0.5, basis: `${ASSUMED}: E-Gov projects, standards and strategies` },
  ],
  '023-30-0610': [
    {
      to: { goal: 'G2' },
      share: '100%',
      basis: `${ASSUMED}: contract disputes relate to acquisition as a whole; mapped at goal level`,
    },
  ],
  '023-30-4540': [
    {
      to: { pool: 'Working Capital Fund' },
      share: 1,
      basis: `${ASSUMED}: internal services billed to GSA's organizations`,
    },
  ],
  '023-30-4549': [
    { to: { objective: '3.1' }, share: 0.3, basis: `${ASSUMED}: TTS program effort, modernization` },
    {
      to: { objective: '3.2' },
      share: '40%',
      basis: `${ASSUMED}: TTS program effort, technology acquisition`,
    },
    {
      to: { objective: '3.3' },
      share: 0.3,
      basis: `${ASSUMED}: TTS program effort, standards and platforms`,
    },
  ],
  '023-30-5381': [
    {
      to: { objective: '2.2' },
      share: '100%',
      basis: `${ASSUMED}: acquisition workforce training makes buying easier`,
    },
  ],
};

/**
 * 6-digit account codes are offsetting receipt accounts (OMB's Public Budget Database user guide: "4-digit code
 * (outlays) or 6-digit code (offsetting receipts)"). Their lines get Line Type Receipt and no Crosswalk row.
 */
export const isReceiptAccount = (accountCode: string): boolean => accountCode.length === 6;

export const COST_POOLS: readonly [string, string, number][] = [
  ['Working Capital Fund', 'Driver', 1],
  ['Mission Support', 'Direct Cost', 2],
  ['Oversight', 'Equal', 3],
];

export const DRIVER_BASIS = `${ASSUMED}: headcount served`;
export const DRIVERS: readonly { pool: string; objective?: string; targetPool?: string; value: number }[] = [
  { pool: 'Working Capital Fund', objective: '1.2', value: 310 },
  { pool: 'Working Capital Fund', objective: '2.1', value: 260 },
  { pool: 'Working Capital Fund', objective: '2.3', value: 40 },
  { pool: 'Working Capital Fund', objective: '3.1', value: 70 },
  { pool: 'Working Capital Fund', objective: '4.2', value: 110 },
  { pool: 'Working Capital Fund', objective: '4.3', value: 30 },
  { pool: 'Working Capital Fund', targetPool: 'Mission Support', value: 180 },
];

// ---------------------------------------------------------------------------------------------------------
// Scenarios, Responses and Allocation Limits: ILLUSTRATIVE, set by Throughline's developers to show funding
// versus results. GSA publishes no such response estimates.

export const SCENARIO_BASIS = "Illustrative (Throughline developers' what-if, not a GSA proposal)";
export const RESPONSE_BASIS = "Illustrative (Throughline developers' assumption, not a GSA estimate)";
export const LIMIT_BASIS = "Illustrative (Throughline developers' assumption)";

/** Scenario, Scope, Key, Change (percent text or an amount in thousands). */
export const SCENARIOS: readonly (readonly [string, string, string | null, string | number])[] = [
  ['Across-the-board cut 10%', 'All', null, '-10%'],
  ['Real Estate cut 15%', 'Goal', 'G1', '-15%'],
  ['Technology plus $25M', 'Objective', '3.1', 20000],
  ['Technology plus $25M', 'Objective', '3.3', 5000],
  ['ITMF halved', 'Account', '023-10-4603', '-50%'],
  ['Best use of a 5% cut', 'Best Allocation', null, '-5%'],
];

/** Measure ID, Model, Elasticity, Low, High, Expression. */
export const RESPONSES: readonly (readonly [
  string,
  string,
  number | null,
  number | null,
  number | null,
  string | null,
])[] = [
  ['1.1.1', 'Elasticity', -0.3, -0.5, -0.1, null],
  ['1.2.1', 'Saturating', 0.4, 0.2, 0.6, null],
  ['1.2.3', 'Saturating', 0.15, null, null, null],
  ['1.2.4', 'Elasticity', 0.2, null, null, null],
  ['2.1.2', 'Proportional', null, 0.6, 1.1, null],
  ['2.2.1', 'Saturating', 0.1, null, null, null],
  ['2.3.2', 'Elasticity', 0.25, 0.1, 0.4, null],
  ['3.1.1', 'Expression', null, null, null, 'baseValue * (1 + 0.5 * (funding - baseFunding) / baseFunding)'],
  ['3.2.2', 'Proportional', null, null, null, null],
  ['3.3.1', 'Fixed', null, null, null, null],
  ['4.2.3', 'Elasticity', 0.3, 0.1, 0.5, null],
  ['4.2.5', 'Elasticity', -0.2, null, null, null],
  ['4.3.1', 'Proportional', null, null, null, null],
];

/** Objective ID, Floor, Ceiling, Weight. */
export const LIMITS: readonly (readonly [string, string, string, number])[] = [
  ['1.1', '-10%', '10%', 1],
  ['1.2', '-10%', '10%', 1],
  ['2.1', '-8%', '10%', 1.5],
  ['2.2', '-8%', '10%', 1],
  ['2.3', '-8%', '10%', 1],
  ['3.1', '-12%', '10%', 1],
  ['3.2', '-10%', '10%', 1],
  ['3.3', '-10%', '10%', 1],
  ['4.1', '-15%', '10%', 0.5],
  ['4.2', '-6%', '10%', 1],
  ['4.3', '-15%', '10%', 0.5],
];
