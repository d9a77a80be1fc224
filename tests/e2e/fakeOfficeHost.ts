import type { WorkbookGrids } from '../../models';
import { FakeExcel } from '../unit/addin/fake';

/**
 * Bundled for the browser and served in place of office.js: an Excel host made of the in-memory fake the
 * adapter's unit tests use. The test puts the workbook's grids in `__tlGrids` (an init script) before the
 * pane loads, and reads the fake back through `__tlExcel` afterwards.
 */
interface HostGlobals {
  __tlGrids?: WorkbookGrids;
  __tlExcel?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
}

const host = globalThis as unknown as HostGlobals;
const excel = new FakeExcel();
if (host.__tlGrids) excel.addGrids(host.__tlGrids);
else excel.state.addSheet('Sheet1');
host.__tlExcel = excel;

/** `1.7` ≤ `1.9` < `1.10`, as Office compares requirement-set versions. */
const atMost = (version: string, max: string): boolean => {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = max.split('.').map(Number);
  return a < c || (a === c && b <= d);
};

host.Office = {
  HostType: { Excel: 'Excel' },
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
  context: {
    requirements: {
      isSetSupported: (name: string, version: string) => name === 'ExcelApi' && atMost(version, '1.9'),
    },
  },
};
host.Excel = { run: excel.run };
