/**
 * The Excel JavaScript API set the add-in needs, declared in manifest.xml and checked at run time: 1.7 for
 * `freezePanes`, `Range.hyperlink` and `ChartSeries.setXAxisValues`; the rest is older
 * (suspendApiCalculationUntilNextSync 1.6, getItemOrNullObject and getUsedRangeOrNullObject 1.4, columnWidth
 * 1.2; charts.add, Chart.setPosition, Range.clear and Table.delete 1.1). Screen updating is suspended, and the
 * output sheets' page setup (PageLayout) written, only where 1.9 is there.
 */
export const REQUIRED_EXCEL_API_VERSION = '1.7';
export const SCREEN_UPDATING_API_VERSION = '1.9';
