/**
 * The worked DATA Act example: two invented Treasury accounts of the General Services Administration (agency
 * identifier 047), their File B rows for FY2024 period 12, and the File A rows that tie out to them. The numbers
 * are invented; the layout is the broker's. File A is computed from File B, so the clean pair ties out by
 * construction, and the findings pair plants one problem per rule (or two, where a rule reports every row).
 */
import { F } from '../../server/engine/dataAct/reference/fields';
import type { AccountNames, SubmissionRow } from './layouts';
import { tasOf } from './layouts';

export const PERIOD = 'FY2024P12';

/** 047-X-4542-000, Federal Buildings Fund (no-year, revolving). */
const FBF = { [F.aid]: '047', [F.availability]: 'X', [F.main]: '4542', [F.sub]: '000' };
/** 047-2024/2024-0110-000, Government-wide Policy (FY2024 annual). */
const GWP = { [F.aid]: '047', [F.bpoa]: '2024', [F.epoa]: '2024', [F.main]: '0110', [F.sub]: '000' };
/** 047-X-4549-000 and 047-X-4530-000: accounts that appear in one file only (findings). */
const ONLY_A = { [F.aid]: '047', [F.availability]: 'X', [F.main]: '4549', [F.sub]: '000' };
const ONLY_B = { [F.aid]: '047', [F.availability]: 'X', [F.main]: '4530', [F.sub]: '000' };

export const NAMES: AccountNames = {
  agency: 'General Services Administration',
  tasTitle: {
    '047-X-4542-000': 'Federal Buildings Fund, General Services Administration',
    '047-2024/2024-0110-000': 'Government-wide Policy, General Services Administration',
  },
  budgetFunction: 'General Government',
};

// Exact cents: the example's own arithmetic never uses floats either.
const cents = (s: string): bigint => {
  const [whole = '0', frac = ''] = s.split('.');
  const sign = whole.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(whole.replace('-', '')) * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2)));
};
const money = (c: bigint): string => {
  const negative = c < 0n;
  const abs = negative ? -c : c;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

interface BInput {
  tas: Record<string, string>;
  pa: string;
  paName: string;
  oc: string;
  dr: string;
  defc?: string;
  pya?: string;
  /** Obligations incurred and gross outlays, negative as the agency submits them. */
  obligations: string;
  grossOutlays: string;
  /** USSGL 4871 and 4971 (recoveries of prior-year obligations). */
  r4871?: string;
  r4971?: string;
  extra?: Record<string, string>;
}

/** A File B row whose own columns agree: outlays paid on delivered orders, the rest delivered and unpaid. */
function bRow(i: BInput): SubmissionRow {
  const unpaid = money(cents(i.obligations) - cents(i.grossOutlays));
  const r4871 = i.r4871 ?? '0.00';
  const r4971 = i.r4971 ?? '0.00';
  return {
    ...i.tas,
    [F.paCode]: i.pa,
    [F.paName]: i.paName,
    [F.objectClass]: i.oc,
    [F.directReimbursable]: i.dr,
    [F.defc]: i.defc ?? 'Q',
    [F.pya]: i.pya ?? 'X',
    [F.bObligations]: i.obligations,
    [F.bGrossOutlays]: i.grossOutlays,
    GrossOutlaysDeliveredOrdersPaidTotal_CPE: i.grossOutlays,
    USSGL490200_DeliveredOrdersObligationsPaid_CPE: i.grossOutlays,
    ObligationsDeliveredOrdersUnpaidTotal_CPE: unpaid,
    USSGL490100_DeliveredOrdersObligationsUnpaid_CPE: unpaid,
    [F.bDeobligations]: money(cents(r4871) + cents(r4971)),
    [F.ussgl4871]: r4871,
    [F.ussgl4971]: r4971,
    ...i.extra,
  };
}

const RENTAL = { pa: '0001', paName: 'Rental of Space' };
const OPERATIONS = { pa: '0002', paName: 'Building Operations' };
const POLICY = { pa: '0001', paName: 'Government-wide Policy' };

/** File B, clean: nine rows, one of them PYA B (left out of the tie-out and the Budget). */
export const CLEAN_B: readonly SubmissionRow[] = [
  bRow({ tas: FBF, ...RENTAL, oc: '2320', dr: 'R', obligations: '-1250000.00', grossOutlays: '-1100000.00', r4871: '10000.00' }),
  bRow({ tas: FBF, ...RENTAL, oc: '2320', dr: 'R', defc: 'Z', obligations: '-50000.00', grossOutlays: '-40000.00' }),
  bRow({ tas: FBF, ...OPERATIONS, oc: '252', dr: 'R', obligations: '-830450.25', grossOutlays: '-790000.10', r4971: '2500.00' }),
  bRow({ tas: FBF, ...OPERATIONS, oc: '252', dr: 'D', obligations: '-120000.00', grossOutlays: '-95500.50' }),
  bRow({ tas: FBF, ...OPERATIONS, oc: '252', dr: 'R', pya: 'B', obligations: '-5000.00', grossOutlays: '0.00' }),
  bRow({ tas: GWP, ...POLICY, oc: '111', dr: 'D', obligations: '-4200000.00', grossOutlays: '-4150000.00' }),
  bRow({ tas: GWP, ...POLICY, oc: '121', dr: 'D', obligations: '-1470000.00', grossOutlays: '-1460000.00' }),
  bRow({ tas: GWP, ...POLICY, oc: '252', dr: 'D', obligations: '-615300.75', grossOutlays: '-402000.00', r4871: '1200.00' }),
  bRow({ tas: GWP, ...POLICY, oc: '000', dr: 'D', obligations: '0.00', grossOutlays: '0.00' }),
]; // prettier-ignore

interface AInput {
  tas: Record<string, string>;
  broughtForward: string;
  appropriated: string;
  collections: string;
}

/** File A rows that tie out to File B's PYA X rows, with budgetary resources that add up. */
function aRowsFor(b: readonly SubmissionRow[], accounts: readonly AInput[]): SubmissionRow[] {
  return accounts.map((account) => {
    const tas = tasOf(account.tas);
    const rows = b.filter((r) => tasOf(r) === tas && r[F.pya] === 'X');
    const sum = (element: string) => rows.reduce((s, r) => s + cents(r[element] ?? '0'), 0n);
    const obligations = -sum(F.bObligations);
    const recoveries = sum(F.bDeobligations);
    const resources =
      cents(account.broughtForward) + recoveries + cents(account.appropriated) + cents(account.collections);
    return {
      ...account.tas,
      BudgetAuthorityUnobligatedBalanceBroughtForward_FYB: account.broughtForward,
      AdjustmentsToUnobligatedBalanceBroughtForward_CPE: money(recoveries),
      BudgetAuthorityAppropriatedAmount_CPE: account.appropriated,
      SpendingAuthorityfromOffsettingCollectionsAmountTotal_CPE: account.collections,
      TotalBudgetaryResources_CPE: money(resources),
      [F.aGrossOutlays]: money(sum(F.bGrossOutlays)),
      [F.aObligations]: money(obligations),
      [F.aDeobligations]: money(recoveries),
      UnobligatedBalance_CPE: money(resources - obligations),
      StatusOfBudgetaryResourcesTotal_CPE: money(resources),
    };
  });
}

const ACCOUNTS: readonly AInput[] = [
  { tas: FBF, broughtForward: '500000.00', appropriated: '0.00', collections: '2300000.00' },
  { tas: GWP, broughtForward: '0.00', appropriated: '6500000.00', collections: '0.00' },
];

/** File A, clean: one row per TAS, tying out to CLEAN_B. */
export const CLEAN_A: readonly SubmissionRow[] = aRowsFor(CLEAN_B, ACCOUNTS);

const withValues = (row: SubmissionRow | undefined, values: Record<string, string>): SubmissionRow => ({
  ...(row ?? {}),
  ...values,
});

/**
 * File A with findings: A19 on row 2 (two digits transposed), A18 and A35 on row 3, and a TAS that File B does
 * not have, twice (A30.1 and A32 on rows 4 and 5).
 */
export const FINDINGS_A: readonly SubmissionRow[] = [
  withValues(CLEAN_A[0], { [F.aObligations]: '2250405.25' }),
  withValues(CLEAN_A[1], { [F.aGrossOutlays]: '-6011900.00', [F.aDeobligations]: '1250.00' }),
  ...aRowsFor([], [{ tas: ONLY_A, broughtForward: '75000.00', appropriated: '0.00', collections: '0.00' }]),
  ...aRowsFor([], [{ tas: ONLY_A, broughtForward: '75000.00', appropriated: '0.00', collections: '0.00' }]),
];

/**
 * File B with findings, the clean rows first (so their line numbers stay) with two changed: a bad
 * direct/reimbursable flag on row 7 (B12.4) and an invalid object class on row 9 (B11.3). Then new rows 11–15:
 * object class 000 with a balance (B11.4), a repeat of row 8 written 1210 (B19.1: 121 and 1210 are one code), a
 * blank PYA (B29), a TAS File A lacks (A30.2), and another File A lacks whose balances are all $0 (exempt).
 */
export const FINDINGS_B: readonly SubmissionRow[] = [
  ...CLEAN_B.slice(0, 5),
  withValues(CLEAN_B[5], { [F.directReimbursable]: 'Z' }),
  CLEAN_B[6] as SubmissionRow,
  withValues(CLEAN_B[7], { [F.objectClass]: '259' }),
  CLEAN_B[8] as SubmissionRow,
  bRow({ tas: GWP, ...POLICY, oc: '000', dr: 'D', defc: 'Z', obligations: '0.00', grossOutlays: '0.00', extra: { GrossOutlayAmountByProgramObjectClass_FYB: '-500.00' } }),
  bRow({ tas: GWP, ...POLICY, oc: '1210', dr: 'D', obligations: '0.00', grossOutlays: '0.00' }),
  bRow({ tas: FBF, ...OPERATIONS, oc: '252', dr: 'R', pya: '', obligations: '-999.00', grossOutlays: '0.00' }),
  bRow({ tas: ONLY_B, pa: '0001', paName: 'Real Property Disposal', oc: '252', dr: 'D', obligations: '-1000.00', grossOutlays: '-800.00' }),
  bRow({ tas: { ...ONLY_B, [F.main]: '4534' }, pa: '0001', paName: 'Acquisition Services', oc: '252', dr: 'R', obligations: '0.00', grossOutlays: '0.00' }),
]; // prettier-ignore

/** What the findings pair must produce, by rule: the README and the tests both say so. */
export const EXPECTED_FINDINGS: Readonly<Record<string, number>> = {
  A18: 1,
  A19: 1,
  A35: 1,
  'A30.1': 2,
  'A30.2': 1,
  A32: 2,
  'B11.3': 1,
  'B11.4': 1,
  'B12.4': 1,
  'B19.1': 1,
  B29: 1,
};
