/**
 * The Excel JavaScript API set the add-in needs, declared in manifest.xml and checked at run time: 1.7 for
 * `freezePanes` and `Range.hyperlink`; the rest is older (suspendApiCalculationUntilNextSync 1.6,
 * getItemOrNullObject and getUsedRangeOrNullObject 1.4, columnWidth 1.2). Screen updating is suspended only
 * where 1.9 is there.
 */
export const REQUIRED_EXCEL_API_VERSION = '1.7';
export const SCREEN_UPDATING_API_VERSION = '1.9';
