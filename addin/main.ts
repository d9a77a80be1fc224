import { connectToHost } from './excel/officeHost';
import { h, show } from './pane/dom';
import { mountBrowserPane } from './pane/browserPane';
import { mountExcelPane } from './pane/excelPane';
import { mountShell } from './pane/shell';

/**
 * The bootstrap: ask Office where we are, then mount the pane for Excel or for a plain browser. The one
 * place (with addin/excel) allowed to know Office.js exists.
 */
async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  })();
  const host = await connectToHost();
  document.body.dataset.mode = host.kind;
  switch (host.kind) {
    case 'excel':
      mountExcelPane(
        mountShell(
          root,
          'Check this workbook’s budget, plan and crosswalk tables, then write the crosswalk sheets after them. Your own sheets are never changed.',
          storage,
        ),
        host.port,
      );
      return;
    case 'browser':
      mountBrowserPane(
        mountShell(
          root,
          'Run the crosswalk on a saved workbook: see what it finds, preview the output tables and download the workbook with them added. Inside Excel, open this pane from the Home tab instead.',
          storage,
        ),
      );
      return;
    case 'unsupported':
      show(root, h('div', { class: 'error-box', attrs: { role: 'alert' } }, host.message));
      return;
  }
}

void start();
