import { OUTPUT_SHEETS, XLSX_MEDIA_TYPE } from '../../models';
import { bannerView } from './banner';
import { bannerModel } from './bannerModel';
import { chartsView } from './charts';
import { h, show } from './dom';
import { decodeBase64, EngineError, type DataActFiles } from './engineClient';
import { fiscalYear } from './format';
import { issuesView } from './issuesView';
import { previewView } from './previewView';
import { seconds, type Failure, type Shell } from './shell';
import { summaryView } from './summaryView';
import { templateXlsx } from './templateXlsx';
import { BANNER, DATA_ACT_FILES, REFUSED, TEMPLATE } from './texts';
import { previewTables } from './xlsxPreview';

const EXAMPLE = { url: 'examples/gsa-fy2018.xlsx', name: 'gsa-fy2018.xlsx' };
const MAX_BYTES = 25 * 1024 * 1024;

/** A workbook to send: its name, and its bytes when the run starts. */
interface Upload {
  name: string;
  bytes: () => Promise<ArrayBuffer>;
}

/**
 * Outside Excel: upload a saved workbook (or the GSA example), see whether its figures can be used, its summary
 * and charts, the output tables and its issues, and download it with the crosswalk sheets added; or download a
 * blank template to start one. DATA Act File A and File B CSVs picked below go with the workbook (or alone).
 * The files go to the engine and nowhere else.
 */
export function mountBrowserPane(shell: Shell): void {
  let download: string | null = null;
  let template: string | null = null;

  const run = async (name: string, upload: Upload | null, csvs: DataActFiles) => {
    const started = performance.now();
    shell.progress.update(`Sending ${name} to the engine…`, null);
    const data = upload ? await upload.bytes() : null;
    if (data && data.byteLength > MAX_BYTES) throw new EngineError(REFUSED.tooLarge(name));
    for (const csv of [csvs.fileA, csvs.fileB])
      if (csv && csv.size > MAX_BYTES) throw new EngineError(REFUSED.tooLarge(csv.name));
    shell.progress.update(`Running the crosswalk on ${name}…`, null);
    const result = await shell.engine().workbook(data, upload?.name ?? '', csvs);
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

  const csvPicker = dataActPicker(() => void guarded(null));
  const guarded = (upload: Upload | null) =>
    shell.busy(async () => {
      const csvs = csvPicker.files();
      const name = DATA_ACT_FILES.runName(
        [upload?.name, csvs.fileA?.name, csvs.fileB?.name].filter((n): n is string => !!n),
      );
      try {
        await run(name, upload, csvs);
      } catch (e) {
        shell.fail(
          failure(name, e),
          e instanceof EngineError && e.moreIssues.length > 0 ? issuesView(e.moreIssues) : null,
        );
      }
    });

  const chooseFile = (file: File | undefined) => {
    if (!file) return;
    void guarded({ name: file.name, bytes: () => file.arrayBuffer() });
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
    guarded({
      name: EXAMPLE.name,
      bytes: async () => {
        const response = await fetch(EXAMPLE.url);
        if (!response.ok)
          throw new EngineError('The GSA example is not on this server (npm run build puts it there).');
        return response.arrayBuffer();
      },
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
    csvPicker.element,
  );
}

/**
 * The two optional CSV pickers. Their files go with the next workbook chosen, or alone from the button, which
 * is offered once a CSV is picked; Clear empties both (a workbook with its own File A/B rows refuses them).
 */
function dataActPicker(alone: () => void): { element: HTMLElement; files: () => DataActFiles } {
  const picker = (id: string, label: string) => {
    const input = h('input', {
      attrs: { type: 'file', id, accept: '.csv,text/csv', 'data-testid': id },
      on: { change: () => update() },
    });
    return { input, field: h('label', { class: 'csv-file', attrs: { for: id } }, label, input) };
  };
  const a = picker('file-a', DATA_ACT_FILES.fileA);
  const b = picker('file-b', DATA_ACT_FILES.fileB);
  const files = (): DataActFiles => {
    const [fileA, fileB] = [a.input.files?.[0], b.input.files?.[0]];
    return { ...(fileA ? { fileA } : {}), ...(fileB ? { fileB } : {}) };
  };
  const aloneButton = h(
    'button',
    { attrs: { type: 'button', 'data-testid': 'csvs-alone' }, on: { click: alone } },
    DATA_ACT_FILES.alone,
  );
  const clear = h(
    'button',
    {
      class: 'quiet',
      attrs: { type: 'button' },
      on: {
        click: () => {
          a.input.value = '';
          b.input.value = '';
          update();
        },
      },
    },
    DATA_ACT_FILES.clear,
  );
  const update = () => {
    const none = !a.input.files?.length && !b.input.files?.length;
    aloneButton.disabled = none;
    clear.disabled = none;
  };
  update();
  const element = h(
    'fieldset',
    { class: 'data-act-files', attrs: { 'data-testid': 'data-act-files' } },
    h('legend', null, DATA_ACT_FILES.legend),
    h('p', { class: 'muted' }, DATA_ACT_FILES.hint),
    a.field,
    b.field,
    h('div', { class: 'actions' }, aloneButton, clear),
  );
  return { element, files };
}

/** A refusal names the file once, in the heading with the engine's few words; its sentence follows as it is. */
function failure(name: string, e: unknown): string | Failure {
  if (e instanceof EngineError)
    return e.title ? { heading: REFUSED.heading(e.title, name), message: e.message } : e.message;
  return `Something went wrong: ${e instanceof Error ? e.message : String(e)}`;
}
