import { OUTPUT_SHEETS } from '../../models';
import { h, show } from './dom';
import { decodeBase64, EngineError } from './engineClient';
import { issuesView } from './issuesView';
import { previewView } from './previewView';
import { seconds, type Shell } from './shell';
import { summaryView } from './summaryView';
import { previewTables } from './xlsxPreview';

const EXAMPLE = { url: 'examples/gsa-fy2018.xlsx', name: 'gsa-fy2018.xlsx' };
const MAX_BYTES = 25 * 1024 * 1024;

/**
 * Outside Excel: upload a saved workbook (or the GSA example), see its summary, issues and output tables,
 * and download it with the crosswalk sheets added. The workbook goes to the engine and nowhere else.
 */
export function mountBrowserPane(shell: Shell): void {
  let download: string | null = null;

  const run = async (name: string, bytes: () => Promise<ArrayBuffer>) => {
    const started = performance.now();
    shell.progress.update(`Sending ${name} to the engine…`, null);
    const data = await bytes();
    if (data.byteLength > MAX_BYTES)
      throw new EngineError(`${name} is larger than 25 MB, more than the engine takes in one workbook.`);
    shell.progress.update(`Running the crosswalk on ${name}…`, null);
    const result = await shell.engine().workbook(data, name);
    const workbook = decodeBase64(result.workbookBase64);
    const tables = await previewTables(workbook, OUTPUT_SHEETS);
    if (download) URL.revokeObjectURL(download);
    download = URL.createObjectURL(new Blob([workbook], { type: result.mediaType }));
    shell.progress.done();
    shell.status(`Ran the crosswalk on ${name} in ${seconds(started)}.`);
    show(
      shell.results,
      h(
        'div',
        { class: 'download' },
        h(
          'a',
          {
            class: 'button primary',
            attrs: { href: download, download: result.filename, 'data-testid': 'download' },
          },
          `Download ${result.filename}`,
        ),
        h('span', { class: 'muted' }, 'Your sheets as they were, with the output sheets after them.'),
      ),
      summaryView(result.summary),
      previewView(tables, result.summary.money),
      issuesView(result.issues),
    );
  };

  const guarded = (name: string, bytes: () => Promise<ArrayBuffer>) =>
    shell.busy(async () => {
      try {
        await run(name, bytes);
      } catch (e) {
        shell.fail(
          e instanceof EngineError
            ? e.message
            : `Something went wrong: ${e instanceof Error ? e.message : String(e)}`,
          e instanceof EngineError && e.issues.length > 0 ? issuesView(e.issues) : null,
        );
      }
    });

  const chooseFile = (file: File | undefined) => {
    if (!file) return;
    void guarded(file.name, () => file.arrayBuffer());
  };

  const input = h('input', {
    class: 'visually-hidden',
    attrs: {
      type: 'file',
      id: 'workbook-file',
      accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'data-testid': 'file',
    },
    on: {
      change: () => {
        chooseFile(input.files?.[0]);
        input.value = '';
      },
    },
  });
  const example = () =>
    guarded(EXAMPLE.name, async () => {
      const response = await fetch(EXAMPLE.url);
      if (!response.ok)
        throw new EngineError('The GSA example is not on this server (npm run build puts it there).');
      return response.arrayBuffer();
    });

  const drop = h(
    'div',
    {
      class: 'drop',
      on: {
        dragover: (event) => {
          event.preventDefault();
          drop.classList.add('over');
        },
        dragleave: () => drop.classList.remove('over'),
        drop: (event) => {
          event.preventDefault();
          drop.classList.remove('over');
          chooseFile(event.dataTransfer?.files[0]);
        },
      },
    },
    input,
    h('label', { class: 'button primary', attrs: { for: 'workbook-file' } }, 'Choose a workbook…'),
    h(
      'button',
      { attrs: { type: 'button', 'data-testid': 'example' }, on: { click: () => void example() } },
      'Try the GSA example',
    ),
    h('p', { class: 'muted' }, 'or drop an .xlsx file here'),
  );
  show(shell.controls, drop);
}
