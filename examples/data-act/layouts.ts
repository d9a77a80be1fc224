/**
 * File A and File B rows written out in the two layouts a budget office has them in: the broker's submission CSV
 * (DATA Act element names as headers, amounts in the agency's sign convention) and USAspending's account download
 * (its own headers and order, the sign of every File B amount and of File A gross outlays reversed, the period on
 * every row, object classes dotted, no PYA column). Rows are records keyed by element name, in the submission's
 * convention; codes are text.
 */
import { FILE_A_FIELDS, FILE_B_FIELDS, F } from '../../server/engine/dataAct/reference/fields';
import { OBJECT_CLASSES } from '../../server/engine/dataAct/reference/objectClasses';

export type SubmissionRow = Readonly<Record<string, string>>;
type Table = string[][];

/** Titles USAspending adds to a TAS (the broker's files carry none). */
export interface AccountNames {
  agency: string;
  /** By TAS as displayed, e.g. `047-X-4542-000`. */
  tasTitle: Readonly<Record<string, string>>;
  budgetFunction: string;
}

const DOWNLOAD_ONLY = new Set<string>([F.tasText, F.tasName, F.period]);
const brokerColumns = (fields: typeof FILE_A_FIELDS) =>
  fields.filter((f) => !DOWNLOAD_ONLY.has(f.element)).map((f) => f.element);

/** The broker's File B columns: TAS, program activity, codes, then every amount. */
export const BROKER_B_COLUMNS: readonly string[] = brokerColumns(FILE_B_FIELDS);
export const BROKER_A_COLUMNS: readonly string[] = brokerColumns(FILE_A_FIELDS);

export function brokerTable(columns: readonly string[], rows: readonly SubmissionRow[]): Table {
  const amount = new Set(
    [...FILE_A_FIELDS, ...FILE_B_FIELDS].filter((f) => f.kind === 'amount').map((f) => f.element),
  );
  return [[...columns], ...rows.map((r) => columns.map((c) => r[c] ?? (amount.has(c) ? '0.00' : '')))];
}

/** USAspending's "Account Balances" (File A) download, Treasury account level, in its column order. */
export const DOWNLOAD_A_HEADERS: readonly string[] = [
  'owning_agency_name', 'reporting_agency_name', 'submission_period', 'allocation_transfer_agency_identifier_code',
  'agency_identifier_code', 'beginning_period_of_availability', 'ending_period_of_availability',
  'availability_type_code', 'main_account_code', 'sub_account_code', 'treasury_account_symbol',
  'treasury_account_name', 'agency_identifier_name', 'allocation_transfer_agency_identifier_name', 'budget_function',
  'budget_subfunction', 'federal_account_symbol', 'federal_account_name',
  'budget_authority_unobligated_balance_brought_forward', 'adjustments_to_unobligated_balance_brought_forward_cpe',
  'budget_authority_appropriated_amount', 'borrowing_authority_amount', 'contract_authority_amount',
  'spending_authority_from_offsetting_collections_amount', 'total_other_budgetary_resources_amount',
  'total_budgetary_resources', 'obligations_incurred', 'deobligations_or_recoveries_or_refunds_from_prior_year',
  'unobligated_balance', 'gross_outlay_amount', 'status_of_budgetary_resources_total', 'last_modified_date',
]; // prettier-ignore

/** USAspending's "Account Breakdown by Program Activity & Object Class" (File B) download, in its column order. */
export const DOWNLOAD_B_HEADERS: readonly string[] = [
  'owning_agency_name', 'reporting_agency_name', 'submission_period', 'allocation_transfer_agency_identifier_code',
  'agency_identifier_code', 'beginning_period_of_availability', 'ending_period_of_availability',
  'availability_type_code', 'main_account_code', 'sub_account_code', 'treasury_account_symbol',
  'treasury_account_name', 'agency_identifier_name', 'allocation_transfer_agency_identifier_name', 'budget_function',
  'budget_subfunction', 'federal_account_symbol', 'federal_account_name', 'program_activity_reporting_key',
  'program_activity_code', 'program_activity_name', 'object_class_code', 'object_class_name',
  'direct_or_reimbursable_funding_source', 'disaster_emergency_fund_code', 'disaster_emergency_fund_name',
  'obligations_incurred', 'obligations_undelivered_orders_unpaid_total',
  'obligations_undelivered_orders_unpaid_total_FYB', 'USSGL480100_undelivered_orders_obligations_unpaid',
  'USSGL480100_undelivered_orders_obligations_unpaid_FYB', 'USSGL488100_upward_adj_prior_year_undeliv_orders_oblig_unpaid',
  'obligations_delivered_orders_unpaid_total', 'obligations_delivered_orders_unpaid_total_FYB',
  'USSGL490100_delivered_orders_obligations_unpaid', 'USSGL490100_delivered_orders_obligations_unpaid_FYB',
  'USSGL498100_upward_adj_of_prior_year_deliv_orders_oblig_unpaid', 'gross_outlay_amount_FYB_to_period_end',
  'gross_outlay_amount_FYB', 'gross_outlays_undelivered_orders_prepaid_total',
  'gross_outlays_undelivered_orders_prepaid_total_FYB', 'USSGL480200_undelivered_orders_obligations_prepaid_advanced',
  'USSGL480200_undelivered_orders_obligations_prepaid_advanced_FYB',
  'USSGL488200_upward_adj_prior_year_undeliv_orders_oblig_prepaid', 'gross_outlays_delivered_orders_paid_total',
  'gross_outlays_delivered_orders_paid_total_FYB', 'USSGL490200_delivered_orders_obligations_paid',
  'USSGL490800_authority_outlayed_not_yet_disbursed', 'USSGL490800_authority_outlayed_not_yet_disbursed_FYB',
  'USSGL498200_upward_adj_of_prior_year_deliv_orders_oblig_paid',
  'deobligations_or_recoveries_or_refunds_from_prior_year', 'USSGL487100_downward_adj_prior_year_unpaid_undeliv_orders_oblig',
  'USSGL497100_downward_adj_prior_year_unpaid_deliv_orders_oblig',
  'USSGL487200_downward_adj_prior_year_prepaid_undeliv_order_oblig',
  'USSGL497200_downward_adj_of_prior_year_paid_deliv_orders_oblig',
  'USSGL483100_undelivered_orders_obligations_transferred_unpaid',
  'USSGL493100_delivered_orders_obligations_transferred_unpaid',
  'USSGL483200_undeliv_orders_oblig_transferred_prepaid_advanced', 'last_modified_date',
]; // prettier-ignore

/** The two FYB columns USAspending fills from the CPE values (a quirk of its download), and their source. */
const FILLED_FROM_CPE: Readonly<Record<string, string>> = {
  obligations_delivered_orders_unpaid_total_FYB: 'ObligationsDeliveredOrdersUnpaidTotal_CPE',
  gross_outlays_undelivered_orders_prepaid_total_FYB: 'GrossOutlaysUndeliveredOrdersPrepaidTotal_CPE',
};

export const negateText = (v: string): string =>
  v === '' || /^-?0*\.?0*$/.test(v) ? v : v.startsWith('-') ? v.slice(1) : `-${v}`;

export const tasOf = (r: SubmissionRow): string =>
  [
    r[F.ata],
    r[F.aid],
    r[F.availability] || [r[F.bpoa], r[F.epoa]].filter(Boolean).join('/'),
    r[F.main],
    r[F.sub],
  ]
    .filter(Boolean)
    .join('-');

function downloadTable(
  headers: readonly string[],
  fields: typeof FILE_A_FIELDS,
  rows: readonly SubmissionRow[],
  names: AccountNames,
  period: string,
): Table {
  const byHeader = new Map(fields.filter((f) => f.download).map((f) => [f.download as string, f]));
  const cell = (r: SubmissionRow, header: string): string => {
    const tas = tasOf(r);
    switch (header) {
      case 'owning_agency_name':
      case 'reporting_agency_name':
      case 'agency_identifier_name':
        return names.agency;
      case 'submission_period':
        return period;
      case 'treasury_account_symbol':
        return tas;
      case 'treasury_account_name':
      case 'federal_account_name':
        return names.tasTitle[tas] ?? '';
      case 'federal_account_symbol':
        return `${r[F.aid]}-${r[F.main]}`;
      case 'budget_function':
        return names.budgetFunction;
      case 'object_class_code': {
        const oc = (r[F.objectClass] ?? '').slice(0, 3);
        return /^\d{3}$/.test(oc) ? `${oc.slice(0, 2)}.${oc.slice(2)}` : oc;
      }
      case 'object_class_name':
        return OBJECT_CLASSES.get((r[F.objectClass] ?? '').slice(0, 3)) ?? '';
      case 'last_modified_date':
        return '2024-11-14';
    }
    const filled = FILLED_FROM_CPE[header];
    if (filled) return negateText(r[filled] ?? '0.00');
    const field = byHeader.get(header);
    if (!field) return '';
    const v = r[field.element] ?? (field.kind === 'amount' ? '0.00' : '');
    return field.flipped ? negateText(v) : v;
  };
  return [[...headers], ...rows.map((r) => headers.map((h) => cell(r, h)))];
}

export function usaspendingFileA(rows: readonly SubmissionRow[], names: AccountNames, period: string): Table {
  return downloadTable(DOWNLOAD_A_HEADERS, FILE_A_FIELDS, rows, names, period);
}

/** USAspending's download has no PYA column; give it the PYA X rows of a submission. */
export function usaspendingFileB(rows: readonly SubmissionRow[], names: AccountNames, period: string): Table {
  return downloadTable(DOWNLOAD_B_HEADERS, FILE_B_FIELDS, rows, names, period);
}
