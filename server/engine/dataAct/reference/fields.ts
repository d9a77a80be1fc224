/**
 * The File A and File B columns, in the three header forms a budget office has them in:
 *
 * - the DATA Act (GSDM) element name, e.g. `ObligationsIncurredByProgramObjectClass_CPE` (the broker also accepts
 *   it lower-cased, which header matching covers);
 * - the broker's short name, e.g. `obligations_incurred_by_pr_cpe`;
 * - USAspending's account download header, e.g. `obligations_incurred`, and whether USAspending multiplied the
 *   amount by -1 when it loaded the agency's submission (every File B amount, and File A gross outlays).
 *
 * Sources (copied, not fetched): data-act-broker-backend `dataactvalidator/config/appropFields.csv` and
 * `programActivityFields.csv` (CC0 1.0); usaspending-api `download_column_historical_lookups.py` and
 * `submission_loader_helpers/file_a.py`, `file_b.py` for the download headers and sign flips.
 */

export type FieldKind = 'id' | 'text' | 'amount';

export interface FieldDef {
  /** The element name: how Throughline names the field in messages and in the TieOut table. */
  element: string;
  /** The broker's short column name ('' for Throughline's own download-only fields). */
  short: string;
  kind: FieldKind;
  /** Padded with leading zeros to this width, as the broker pads it. */
  pad?: number;
  /** USAspending's download header for the field, if the download has it. */
  download?: string;
  /** True when the download's amount is the submission's multiplied by -1. */
  flipped?: boolean;
  /**
   * One of the balances the broker looks at when it asks whether "every balance on this row is $0" (rules B11.4
   * and A30.2): every File B amount except the reinstated and non-cash refund USSGLs.
   */
  balance?: boolean;
}

const id = (element: string, short: string, download: string, pad?: number): FieldDef => ({
  element,
  short,
  kind: 'id',
  download,
  ...(pad ? { pad } : {}),
});
const text = (element: string, short: string, download?: string): FieldDef => ({
  element,
  short,
  kind: 'text',
  ...(download ? { download } : {}),
});
const amountA = (element: string, short: string, download: string, flipped = false): FieldDef => ({
  element,
  short,
  kind: 'amount',
  download,
  ...(flipped ? { flipped } : {}),
});
/** Every File B amount in the download is the submission's times -1. */
const amountB = (element: string, short: string, download?: string, balance = true): FieldDef => ({
  element,
  short,
  kind: 'amount',
  ...(download ? { download, flipped: true } : {}),
  ...(balance ? { balance } : {}),
});

/** The Treasury Account Symbol's components, in both files. */
const TAS_FIELDS: readonly FieldDef[] = [
  id(
    'AllocationTransferAgencyIdentifier',
    'allocation_transfer_agency',
    'allocation_transfer_agency_identifier_code',
    3,
  ),
  id('AgencyIdentifier', 'agency_identifier', 'agency_identifier_code', 3),
  id('BeginningPeriodOfAvailability', 'beginning_period_of_availa', 'beginning_period_of_availability'),
  id('EndingPeriodOfAvailability', 'ending_period_of_availabil', 'ending_period_of_availability'),
  id('AvailabilityTypeCode', 'availability_type_code', 'availability_type_code'),
  id('MainAccountCode', 'main_account_code', 'main_account_code', 4),
  id('SubAccountCode', 'sub_account_code', 'sub_account_code', 3),
];

/** Columns only USAspending's downloads carry: the TAS written out, its title, and the submission period. */
const DOWNLOAD_FIELDS: readonly FieldDef[] = [
  text('TreasuryAccountSymbol', '', 'treasury_account_symbol'),
  text('TreasuryAccountName', '', 'treasury_account_name'),
  text('SubmissionPeriod', '', 'submission_period'),
];

export const FILE_A_FIELDS: readonly FieldDef[] = [
  ...TAS_FIELDS,
  ...DOWNLOAD_FIELDS,
  amountA(
    'AdjustmentsToUnobligatedBalanceBroughtForward_CPE',
    'adjustments_to_unobligated_cpe',
    'adjustments_to_unobligated_balance_brought_forward_cpe',
  ),
  amountA(
    'BorrowingAuthorityAmountTotal_CPE',
    'borrowing_authority_amount_cpe',
    'borrowing_authority_amount',
  ),
  amountA(
    'BudgetAuthorityAppropriatedAmount_CPE',
    'budget_authority_appropria_cpe',
    'budget_authority_appropriated_amount',
  ),
  amountA('TotalBudgetaryResources_CPE', 'total_budgetary_resources_cpe', 'total_budgetary_resources'),
  amountA(
    'BudgetAuthorityUnobligatedBalanceBroughtForward_FYB',
    'budget_authority_unobligat_fyb',
    'budget_authority_unobligated_balance_brought_forward',
  ),
  amountA('ContractAuthorityAmountTotal_CPE', 'contract_authority_amount_cpe', 'contract_authority_amount'),
  amountA(
    'DeobligationsRecoveriesRefundsOfPriorYearByTAS_CPE',
    'deobligations_recoveries_r_cpe',
    'deobligations_or_recoveries_or_refunds_from_prior_year',
  ),
  amountA('GrossOutlayAmountByTAS_CPE', 'gross_outlay_amount_by_tas_cpe', 'gross_outlay_amount', true),
  amountA('ObligationsIncurredTotalByTAS_CPE', 'obligations_incurred_total_cpe', 'obligations_incurred'),
  amountA(
    'OtherBudgetaryResourcesAmount_CPE',
    'other_budgetary_resources_cpe',
    'total_other_budgetary_resources_amount',
  ),
  amountA(
    'SpendingAuthorityfromOffsettingCollectionsAmountTotal_CPE',
    'spending_authority_from_of_cpe',
    'spending_authority_from_offsetting_collections_amount',
  ),
  amountA(
    'StatusOfBudgetaryResourcesTotal_CPE',
    'status_of_budgetary_resour_cpe',
    'status_of_budgetary_resources_total',
  ),
  amountA('UnobligatedBalance_CPE', 'unobligated_balance_cpe', 'unobligated_balance'),
];

export const FILE_B_FIELDS: readonly FieldDef[] = [
  ...TAS_FIELDS,
  ...DOWNLOAD_FIELDS,
  text(
    'ByDirectReimbursableFundingSource',
    'by_direct_reimbursable_fun',
    'direct_or_reimbursable_funding_source',
  ),
  text('DisasterEmergencyFundCode', 'disaster_emergency_fund_code', 'disaster_emergency_fund_code'),
  text('ObjectClass', 'object_class', 'object_class_code'),
  id('ProgramActivityCode', 'program_activity_code', 'program_activity_code', 4),
  text('ProgramActivityName', 'program_activity_name', 'program_activity_name'),
  text('ProgramActivityReportingKey', 'program_activity_reporting_key', 'program_activity_reporting_key'),
  // USAspending's download has no PYA column (its treasury-level rows still include PYA B and P rows).
  text('PriorYearAdjustment', 'prior_year_adjustment'),
  amountB(
    'DeobligationsRecoveriesRefundsdOfPriorYearByProgramObjectClass_CPE',
    'deobligations_recov_by_pro_cpe',
    'deobligations_or_recoveries_or_refunds_from_prior_year',
  ),
  amountB(
    'GrossOutlayAmountByProgramObjectClass_CPE',
    'gross_outlay_amount_by_pro_cpe',
    'gross_outlay_amount_FYB_to_period_end',
  ),
  amountB(
    'GrossOutlayAmountByProgramObjectClass_FYB',
    'gross_outlay_amount_by_pro_fyb',
    'gross_outlay_amount_FYB',
  ),
  amountB(
    'GrossOutlaysDeliveredOrdersPaidTotal_CPE',
    'gross_outlays_delivered_or_cpe',
    'gross_outlays_delivered_orders_paid_total',
  ),
  amountB(
    'GrossOutlaysDeliveredOrdersPaidTotal_FYB',
    'gross_outlays_delivered_or_fyb',
    'gross_outlays_delivered_orders_paid_total_FYB',
  ),
  amountB(
    'GrossOutlaysUndeliveredOrdersPrepaidTotal_CPE',
    'gross_outlays_undelivered_cpe',
    'gross_outlays_undelivered_orders_prepaid_total',
  ),
  // The download's `gross_outlays_undelivered_orders_prepaid_total_FYB` and
  // `obligations_delivered_orders_unpaid_total_FYB` are filled from the CPE columns, so they are not read as FYB.
  amountB('GrossOutlaysUndeliveredOrdersPrepaidTotal_FYB', 'gross_outlays_undelivered_fyb'),
  amountB(
    'ObligationsDeliveredOrdersUnpaidTotal_CPE',
    'obligations_delivered_orde_cpe',
    'obligations_delivered_orders_unpaid_total',
  ),
  amountB('ObligationsDeliveredOrdersUnpaidTotal_FYB', 'obligations_delivered_orde_fyb'),
  amountB(
    'ObligationsIncurredByProgramObjectClass_CPE',
    'obligations_incurred_by_pr_cpe',
    'obligations_incurred',
  ),
  amountB(
    'ObligationsUndeliveredOrdersUnpaidTotal_CPE',
    'obligations_undelivered_or_cpe',
    'obligations_undelivered_orders_unpaid_total',
  ),
  amountB(
    'ObligationsUndeliveredOrdersUnpaidTotal_FYB',
    'obligations_undelivered_or_fyb',
    'obligations_undelivered_orders_unpaid_total_FYB',
  ),
  amountB(
    'USSGL480100_UndeliveredOrdersObligationsUnpaid_CPE',
    'ussgl480100_undelivered_or_cpe',
    'USSGL480100_undelivered_orders_obligations_unpaid',
  ),
  amountB(
    'USSGL480100_UndeliveredOrdersObligationsUnpaid_FYB',
    'ussgl480100_undelivered_or_fyb',
    'USSGL480100_undelivered_orders_obligations_unpaid_FYB',
  ),
  amountB(
    'USSGL480110_ReinstatedUndeliveredOrdersObligationsUnpaid_CPE',
    'ussgl480110_rein_undel_ord_cpe',
    undefined,
    false,
  ),
  amountB(
    'USSGL480200_UndeliveredOrdersObligationsPrepaidAdvanced_CPE',
    'ussgl480200_undelivered_or_cpe',
    'USSGL480200_undelivered_orders_obligations_prepaid_advanced',
  ),
  amountB(
    'USSGL480200_UndeliveredOrdersObligationsPrepaidAdvanced_FYB',
    'ussgl480200_undelivered_or_fyb',
    'USSGL480200_undelivered_orders_obligations_prepaid_advanced_FYB',
  ),
  amountB(
    'USSGL480210_ReinstatedUndeliveredOrdersObligationsPrepaid_CPE',
    'ussgl480210_rein_undel_obs_cpe',
    undefined,
    false,
  ),
  amountB(
    'USSGL483100_UndeliveredOrdersObligationsTransferredUnpaid_CPE',
    'ussgl483100_undelivered_or_cpe',
    'USSGL483100_undelivered_orders_obligations_transferred_unpaid',
  ),
  amountB(
    'USSGL483200_UndeliveredOrdersObligationsTransferredPrepaidAdvanced_CPE',
    'ussgl483200_undelivered_or_cpe',
    'USSGL483200_undeliv_orders_oblig_transferred_prepaid_advanced',
  ),
  amountB(
    'USSGL487100_DownwardAdjustmentsOfPriorYearUnpaidUndeliveredOrdersObligationsRecoveries_CPE',
    'ussgl487100_downward_adjus_cpe',
    'USSGL487100_downward_adj_prior_year_unpaid_undeliv_orders_oblig',
  ),
  amountB(
    'USSGL487200_DownwardAdjustmentsOfPriorYearPrepaidAdvancedUndeliveredOrdersObligationsRefundsCollected_CPE',
    'ussgl487200_downward_adjus_cpe',
    'USSGL487200_downward_adj_prior_year_prepaid_undeliv_order_oblig',
  ),
  amountB(
    'USSGL488100_UpwardAdjustmentsOfPriorYearUndeliveredOrdersObligationsUnpaid_CPE',
    'ussgl488100_upward_adjustm_cpe',
    'USSGL488100_upward_adj_prior_year_undeliv_orders_oblig_unpaid',
  ),
  amountB(
    'USSGL488200_UpwardAdjustmentsOfPriorYearUndeliveredOrdersObligationsPrepaidAdvanced_CPE',
    'ussgl488200_upward_adjustm_cpe',
    'USSGL488200_upward_adj_prior_year_undeliv_orders_oblig_prepaid',
  ),
  amountB(
    'USSGL490100_DeliveredOrdersObligationsUnpaid_CPE',
    'ussgl490100_delivered_orde_cpe',
    'USSGL490100_delivered_orders_obligations_unpaid',
  ),
  amountB(
    'USSGL490100_DeliveredOrdersObligationsUnpaid_FYB',
    'ussgl490100_delivered_orde_fyb',
    'USSGL490100_delivered_orders_obligations_unpaid_FYB',
  ),
  amountB(
    'USSGL490110_ReinstatedDeliveredOrdersObligationsUnpaid_CPE',
    'ussgl490110_rein_deliv_ord_cpe',
    undefined,
    false,
  ),
  amountB(
    'USSGL490200_DeliveredOrdersObligationsPaid_CPE',
    'ussgl490200_delivered_orde_cpe',
    'USSGL490200_delivered_orders_obligations_paid',
  ),
  amountB(
    'USSGL490800_AuthorityOutlayedNotYetDisbursed_CPE',
    'ussgl490800_authority_outl_cpe',
    'USSGL490800_authority_outlayed_not_yet_disbursed',
  ),
  amountB(
    'USSGL490800_AuthorityOutlayedNotYetDisbursed_FYB',
    'ussgl490800_authority_outl_fyb',
    'USSGL490800_authority_outlayed_not_yet_disbursed_FYB',
  ),
  amountB(
    'USSGL493100_DeliveredOrdersObligationsTransferredUnpaid_CPE',
    'ussgl493100_delivered_orde_cpe',
    'USSGL493100_delivered_orders_obligations_transferred_unpaid',
  ),
  amountB(
    'USSGL497100_DownwardAdjustmentsOfPriorYearUnpaidDeliveredOrdersObligationsRecoveries_CPE',
    'ussgl497100_downward_adjus_cpe',
    'USSGL497100_downward_adj_prior_year_unpaid_deliv_orders_oblig',
  ),
  amountB(
    'USSGL497200_DownwardAdjustmentsOfPriorYearPaidDeliveredOrdersObligationsRefundsCollected_CPE',
    'ussgl497200_downward_adjus_cpe',
    'USSGL497200_downward_adj_of_prior_year_paid_deliv_orders_oblig',
  ),
  amountB(
    'USSGL497210_DownwardAdjustmentsOfPriorYearPaidDeliveredOrdersObligationsNonCashRefunds_CPE',
    'ussgl497210_down_adj_refun_cpe',
    undefined,
    false,
  ),
  amountB(
    'USSGL498100_UpwardAdjustmentsOfPriorYearDeliveredOrdersObligationsUnpaid_CPE',
    'ussgl498100_upward_adjustm_cpe',
    'USSGL498100_upward_adj_of_prior_year_deliv_orders_oblig_unpaid',
  ),
  amountB(
    'USSGL498200_UpwardAdjustmentsOfPriorYearDeliveredOrdersObligationsPaid_CPE',
    'ussgl498200_upward_adjustm_cpe',
    'USSGL498200_upward_adj_of_prior_year_deliv_orders_oblig_paid',
  ),
];

/**
 * Download columns USAspending fills from the CPE values although their headers say FYB (its File B download
 * model populates them from `ObligationsDeliveredOrdersUnpaidTotal_CPE` and
 * `GrossOutlaysUndeliveredOrdersPrepaidTotal_CPE`): in a download they are not read at all.
 */
export const DOWNLOAD_FILLED_FROM_CPE: readonly string[] = [
  'obligations_delivered_orders_unpaid_total_FYB',
  'gross_outlays_undelivered_orders_prepaid_total_FYB',
];

/** The fields the tie-out and the Budget read by name. */
export const F = {
  ata: 'AllocationTransferAgencyIdentifier',
  aid: 'AgencyIdentifier',
  bpoa: 'BeginningPeriodOfAvailability',
  epoa: 'EndingPeriodOfAvailability',
  availability: 'AvailabilityTypeCode',
  main: 'MainAccountCode',
  sub: 'SubAccountCode',
  tasText: 'TreasuryAccountSymbol',
  tasName: 'TreasuryAccountName',
  period: 'SubmissionPeriod',
  aGrossOutlays: 'GrossOutlayAmountByTAS_CPE',
  aObligations: 'ObligationsIncurredTotalByTAS_CPE',
  aDeobligations: 'DeobligationsRecoveriesRefundsOfPriorYearByTAS_CPE',
  directReimbursable: 'ByDirectReimbursableFundingSource',
  defc: 'DisasterEmergencyFundCode',
  objectClass: 'ObjectClass',
  paCode: 'ProgramActivityCode',
  paName: 'ProgramActivityName',
  park: 'ProgramActivityReportingKey',
  pya: 'PriorYearAdjustment',
  bGrossOutlays: 'GrossOutlayAmountByProgramObjectClass_CPE',
  bObligations: 'ObligationsIncurredByProgramObjectClass_CPE',
  bDeobligations: 'DeobligationsRecoveriesRefundsdOfPriorYearByProgramObjectClass_CPE',
  ussgl4871: 'USSGL487100_DownwardAdjustmentsOfPriorYearUnpaidUndeliveredOrdersObligationsRecoveries_CPE',
  ussgl4971: 'USSGL497100_DownwardAdjustmentsOfPriorYearUnpaidDeliveredOrdersObligationsRecoveries_CPE',
  ussgl4872:
    'USSGL487200_DownwardAdjustmentsOfPriorYearPrepaidAdvancedUndeliveredOrdersObligationsRefundsCollected_CPE',
  ussgl4972: 'USSGL497200_DownwardAdjustmentsOfPriorYearPaidDeliveredOrdersObligationsRefundsCollected_CPE',
} as const;

/** The four downward adjustments the broker adds up for rule A35 (recoveries and refunds of prior-year obligations). */
export const DOWNWARD_ADJUSTMENTS: readonly string[] = [F.ussgl4871, F.ussgl4971, F.ussgl4872, F.ussgl4972];
