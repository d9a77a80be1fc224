/**
 * OMB Circular A-11 object classes (section 83.6) as Treasury's DATA Act broker validates them: the three-digit
 * codes of the broker's object class list (data-act-broker-backend, `dataactvalidator/config/
 * example_object_class.csv`, CC0 1.0). That list also holds four-digit codes with a leading 1 (direct) or 2
 * (reimbursable); rule B11's current wording instead reads a four-digit code as three digits plus a suffix digit
 * (`2520`), so only the three-digit codes are kept here and the suffix form is derived from them.
 */
export const OBJECT_CLASSES: ReadonlyMap<string, string> = new Map([
  ['111', 'Full-time permanent'],
  ['113', 'Other than full-time permanent'],
  ['115', 'Other personnel compensation'],
  ['116', 'Military personnel - basic allowance for housing'],
  ['117', 'Military personnel'],
  ['118', 'Special personal services payments'],
  ['121', 'Civilian personnel benefits'],
  ['122', 'Military personnel benefits'],
  ['130', 'Benefits for former personnel'],
  ['210', 'Travel and transportation of persons'],
  ['220', 'Transportation of things'],
  ['231', 'Rental payments to GSA'],
  ['232', 'Rental payments to others'],
  ['233', 'Communications, utilities, and miscellaneous charges'],
  ['240', 'Printing and reproduction'],
  ['251', 'Advisory and assistance services'],
  ['252', 'Other services from non-Federal sources'],
  ['253', 'Other goods and services from Federal sources'],
  ['254', 'Operation and maintenance of facilities'],
  ['255', 'Research and development contracts'],
  ['256', 'Medical care'],
  ['257', 'Operation and maintenance of equipment'],
  ['258', 'Subsistence and support of persons'],
  ['260', 'Supplies and materials'],
  ['310', 'Equipment'],
  ['320', 'Land and structures'],
  ['330', 'Investments and loans'],
  ['410', 'Grants, subsidies, and contributions'],
  ['420', 'Insurance claims and indemnities'],
  ['430', 'Interest and dividends'],
  ['440', 'Refunds'],
  ['910', 'Unvouchered'],
  ['920', 'Undistributed'],
  ['940', 'Financial transfers'],
]);
