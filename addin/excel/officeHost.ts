import { excelWorkbookPort, type WorkbookPort } from './port';
import { REQUIRED_EXCEL_API_VERSION, SCREEN_UPDATING_API_VERSION } from './requirements';
import type { ExcelRun } from './types';

/**
 * Where the pane is running, asked of Office.js once at start-up. This and the adapter are the only code
 * that touches the `Office` and `Excel` globals (lint enforces it).
 */

export type Host =
  | { kind: 'excel'; port: WorkbookPort; platform: string }
  | { kind: 'unsupported'; message: string }
  | { kind: 'browser' };

/**
 * Excel when Office says so; a plain browser when Office.js is absent or reports no host (the page was
 * opened outside Office), or when Office.js has not answered within `timeoutMs`.
 */
export async function connectToHost(timeoutMs = 8_000): Promise<Host> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { kind: 'browser' };
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  if (!info || !info.host) return { kind: 'browser' };
  if (info.host !== Office.HostType.Excel)
    return { kind: 'unsupported', message: 'Throughline works in Excel. Open it from Excel’s Home tab.' };
  const supports = (version: string) => Office.context.requirements.isSetSupported('ExcelApi', version);
  if (!supports(REQUIRED_EXCEL_API_VERSION))
    return {
      kind: 'unsupported',
      message: `Throughline needs a newer Excel: Microsoft 365, Excel 2019 or later, or Excel on the web (it uses ExcelApi ${REQUIRED_EXCEL_API_VERSION}, which this Excel does not have). You can still run the crosswalk on a saved workbook by opening this page in a browser.`,
    };
  const run: ExcelRun = (batch) => Excel.run((context) => batch(context));
  return {
    kind: 'excel',
    port: excelWorkbookPort(run, {
      suspendScreenUpdating: supports(SCREEN_UPDATING_API_VERSION),
      pageLayout: supports(SCREEN_UPDATING_API_VERSION),
    }),
    platform: String(info.platform ?? ''),
  };
}
