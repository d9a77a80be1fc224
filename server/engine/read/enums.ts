import { normalizeName } from './cells';

/**
 * Matching free-typed words to the contract's fixed vocabularies (Amount Type, Direction, Kind, ...). Keys are
 * normalised (case, spaces and punctuation ignored), so "With in Range" reads as "Within Range".
 */
export function vocabulary<T extends string>(
  entries: Record<T, readonly string[]>,
): (text: string) => T | null {
  const map = new Map<string, T>();
  for (const [value, aliases] of Object.entries(entries) as [T, readonly string[]][]) {
    for (const word of [value, ...aliases]) map.set(normalizeName(word), value);
  }
  // A column holds a handful of distinct words over many rows: remember each spelling's answer.
  const seen = new Map<string, T | null>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    const v = map.get(normalizeName(text)) ?? null;
    if (seen.size < 10_000) seen.set(text, v);
    return v;
  };
}

export const amountTypeOf = vocabulary({
  'Budget Authority': ['BA', 'Budget Authority', 'Authority', 'Net Budget Authority', 'Net BA'],
  'Gross Budget Authority': ['Gross BA', 'Budget Authority Gross', 'Gross Authority'],
  Obligations: ['Obligation', 'Obligations Incurred', 'Gross Obligations', 'Obligations Gross', 'OBL'],
  Outlays: ['Outlay', 'Net Outlays', 'Outlays Net'],
  'Gross Outlays': ['Gross Outlay', 'Outlays Gross', 'Gross Disbursements'],
  'Offsetting Collections': [
    'Offsetting Collection',
    'Collections',
    'Spending Authority from Offsetting Collections',
  ],
  Expenses: ['Expense', 'Accrual Cost', 'Accrued Expenses', 'Cost'],
  FTE: ['FTEs', 'Full-Time Equivalents', 'Full-Time Equivalent', 'Full Time Equivalents'],
});

export const unitsOf = vocabulary({
  Dollars: ['$', 'Dollar', 'USD'],
  Thousands: ['Thousand', 'Thousands of Dollars', '$K', 'K', '000s'],
  Millions: ['Million', 'Millions of Dollars', '$M', 'M'],
});

export const allocationOf = vocabulary({
  Direct: ['Direct Allocation', 'Direct Method'],
  'Step-Down': ['Step Down', 'Stepdown', 'Sequential'],
  Reciprocal: ['Reciprocal Method', 'Simultaneous', 'Algebraic'],
});

export const directionOf = vocabulary({
  Increase: ['Increasing', 'Up', 'Higher', 'Higher is better'],
  Decrease: ['Decreasing', 'Down', 'Lower', 'Lower is better'],
  'Within Range': ['Range', 'In Range', 'Within Target Range'],
  Maintain: ['Maintained', 'Hold', 'Steady'],
});

export const kindOf = vocabulary({
  Count: ['Number', 'Raw Count'],
  Cumulative: ['Cumulative Total', 'Running Total'],
  Rate: ['Percent', 'Percentage', 'Ratio'],
  Index: ['Scale', 'Score'],
  Currency: ['Dollars', 'Money', '$'],
});

export const measureTypeOf = vocabulary({
  Output: ['Outputs'],
  Outcome: ['Outcomes', 'Result'],
  Efficiency: ['Cost Efficiency'],
  'Customer Service': ['Customer Satisfaction', 'Service', 'Customer'],
});

export const poolMethodOf = vocabulary({
  'Direct Cost': ['Direct', 'Direct Costs', 'Cost'],
  FTE: ['FTEs', 'Headcount', 'Staff'],
  Equal: ['Equally', 'Even', 'Equal Shares'],
  Driver: ['Drivers', 'Driver Value', 'Activity Driver'],
});

export const scopeOf = vocabulary({
  All: ['Agency', 'Everything', 'Total'],
  Goal: ['Goal ID', 'Strategic Goal'],
  Objective: ['Objective ID', 'Strategic Objective'],
  Account: ['Account Code', 'TAS'],
  'Program Activity': ['PA', 'Activity'],
  'Best Allocation': ['Optimize', 'Optimise', 'Best', 'Optimal Allocation', 'Allocate'],
});

export const responseModelOf = vocabulary({
  Proportional: ['Linear'],
  Elasticity: ['Elastic', 'Power'],
  Saturating: ['Diminishing Returns', 'Logarithmic', 'Log'],
  Fixed: ['None', 'Constant', 'Unchanged'],
  Expression: ['Formula', 'Custom'],
});

export const lineTypeOf = vocabulary({
  Spending: ['Spend', 'Expenditure', 'Expenditures', 'Outgo'],
  Receipt: [
    'Receipts',
    'Offsetting Receipt',
    'Offsetting Receipts',
    'Receipt Account',
    'Proprietary Receipts',
    'Undistributed Offsetting Receipts',
  ],
  'Intra-agency': [
    'Intra agency',
    'Intraagency',
    'Eliminated',
    'Elimination',
    'Eliminations',
    'Intra-agency Transfer',
  ],
});

export const fundingTypeOf = vocabulary({
  Direct: ['D', 'Direct Program', 'Direct Obligations'],
  Reimbursable: ['R', 'Reimb', 'Reimb.', 'Reimbursable Program', 'Reimbursable Obligations'],
});
