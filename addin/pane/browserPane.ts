import { OUTPUT_SHEETS, XLSX_MEDIA_TYPE } from '../../models';
import { bannerView } from './banner';
import { bannerModel } from './bannerModel';
import { chartsView } from './charts';
import { h, show } from './dom';
import { decodeBase64, EngineError } from './engineClient';
import { fiscalYear } from './format';
import { issuesView } from './issuesView';
import { previewView } from './previewView';
import { seconds, type Failure, type Shell } from './shell';
import { summaryView } from './summaryView';
import { templateXlsx } from './templateXlsx';
import { BANNER, REFUSED, TEMPLATE } from './texts';
import { previewTables } from './xlsxPreview';

const EXAMPLE = { url: 'examples/gsa-fy2018.xlsx', name: 'gsa-fy2018.xlsx' };
const MAX_BYTES = 25 * 1024 * 1024;

/**
 * Outside Excel: upload a saved workbook (or the GSA example), see whether its figures can be used, its summary
 * and charts, the output tables and its issues, and download it with the crosswalk sheets added; or download a
 * blank template to start one. The workbook goes to the engine and nowhere else.
 */
export function mountBrowserPane(shell: Shell): void {
  let download: string | null = null;
  let template: string | null = null;

  const run = async (name: string, bytes: () => Promise<ArrayBuffer>) => {
    const started = performance.now();
    shell.progress.update(`Sending ${name} to the engine…`, null);
    const data = await bytes();
    if (data.byteLength > MAX_BYTES) throw new EngineError(REFUSED.tooLarge(name));
    shell.progress.update(`Running the crosswalk on ${name}…`, null);
    const result = await shell.engine().workbook(data, name);
    const workbook = decodeBase64(result.workbookBase64);
    // The pane draws the Summary itself (figures and charts above); the preview starts with the exhibits.
    const tables = await previewTables(
      workbook,
      OUTPUT_SHEETS.filter((name) => name !== 'Summary'),
    );
    if (download) URL.revokeObjectURL(download);
    download = URL.createObjectURL(new Blob([workbook], { type: result.mediaType }));
    shell.progress.done();
    const errors = result.summary.issues.error;
    if (errors > 0) shell.status(BANNER.ranWithErrors(name, errors, seconds(started)), 'error');
    else shell.status(BANNER.ran(name, seconds(started)));
    show(
      shell.results,
      bannerView(bannerModel(result.summary, result.issues)),
      h(
        'div',
        { class: 'download' },
        h(
          'a',
          {
            // With errors the download is offered, not urged: the figures in it are incomplete.
            class: errors > 0 ? 'button' : 'button primary',
            attrs: { href: download, download: result.filename, 'data-testid': 'download' },
          },
          errors > 0 ? BANNER.downloadWithErrors(result.filename, errors) : BANNER.download(result.filename),
        ),
        h('span', { class: 'muted' }, 'Your sheets as they were, with the output sheets after them.'),
      ),
      summaryView(result.summary),
      chartsView(result.summary),
      issuesView(result.issues),
      previewView(tables, result.summary),
    );
  };

  const guarded = (name: string, bytes: () => Promise<ArrayBuffer>) =>
    shell.busy(async () => {
      try {
        await run(name, bytes);
      } catch (e) {
        shell.fail(
          failure(name, e),
          e instanceof EngineError && e.moreIssues.length > 0 ? issuesView(e.moreIssues) : null,
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

  // Built when asked for, in the browser: nothing is sent anywhere.
  const templateLink = h(
    'a',
    {
      class: 'button quiet',
      attrs: { href: '#', 'data-testid': 'template' },
      on: {
        click: () => {
          const year = fiscalYear(new Date());
          if (template) URL.revokeObjectURL(template);
          template = URL.createObjectURL(
            new Blob([templateXlsx(year) as Uint8Array<ArrayBuffer>], { type: XLSX_MEDIA_TYPE }),
          );
          templateLink.href = template;
          templateLink.download = TEMPLATE.filename(year);
        },
      },
    },
    TEMPLATE.button,
  );

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
  show(
    shell.controls,
    drop,
    h('p', { class: 'template' }, templateLink, h('span', { class: 'muted' }, TEMPLATE.hint)),
  );
}

/** A refusal names the file once, in the heading with the engine's few words; its sentence follows as it is. */
function failure(name: string, e: unknown): string | Failure {
  if (e instanceof EngineError)
    return e.title ? { heading: REFUSED.heading(e.title, name), message: e.message } : e.message;
  return `Something went wrong: ${e instanceof Error ? e.message : String(e)}`;
}
