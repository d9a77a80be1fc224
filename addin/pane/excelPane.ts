import { INPUT_TABLES, type Issue, type Summary } from '../../models';
import type { WorkbookPort } from '../excel';
import { bannerView } from './banner';
import { bannerModel } from './bannerModel';
import { chartsView } from './charts';
import { h, show } from './dom';
import { EngineError } from './engineClient';
import { issuesView } from './issuesView';
import { seconds, type Shell } from './shell';
import { summaryView } from './summaryView';
import { fiscalYear } from './format';
import { STATUS } from './texts';

const WANTED = Object.values(INPUT_TABLES);

/** Inside Excel: check the open workbook, build its crosswalk sheets, or start one from the template. */
export function mountExcelPane(shell: Shell, port: WorkbookPort): void {
  const { progress } = shell;
  const button = (label: string, cls: string, job: () => Promise<void>) =>
    h('button', { class: cls, attrs: { type: 'button' }, on: { click: () => void run(job) } }, label);

  const run = (job: () => Promise<void>) =>
    shell.busy(async () => {
      try {
        await job();
      } catch (e) {
        shell.fail(
          e instanceof EngineError && e.title
            ? { heading: e.title, message: e.message }
            : e instanceof EngineError || (e instanceof Error && e.name === 'OutputNameConflictError')
              ? e.message
              : `Excel stopped with: ${e instanceof Error ? e.message : String(e)}. Sheets written before this point stay as they are; run it again when ready.`,
          e instanceof EngineError && e.moreIssues.length > 0 ? issuesView(e.moreIssues, goTo) : null,
        );
      } finally {
        progress.done();
      }
    });

  const showResult = (summary: Summary, issues: readonly Issue[]) =>
    show(
      shell.results,
      bannerView(bannerModel(summary, issues)),
      summaryView(summary),
      chartsView(summary),
      issuesView(issues, goTo),
    );

  const goTo = async (issue: Issue): Promise<string | null> => {
    try {
      return (await port.selectCell(issue.sheet, issue.cell))
        ? null
        : `The sheet “${issue.sheet}” is no longer in this workbook.`;
    } catch (e) {
      return `Excel could not go to ${issue.sheet}!${issue.cell}: ${e instanceof Error ? e.message : String(e)}`;
    }
  };

  const read = async () => {
    progress.update('Reading the workbook…', 0);
    const grids = await port.readTables(WANTED, (done, total) =>
      progress.update('Reading the workbook…', (0.25 * done) / Math.max(1, total)),
    );
    if (grids.tables.length === 0) {
      shell.fail(
        'This workbook has none of Throughline’s input tables (Budget, Goals, Objectives, Crosswalk…). Choose Insert template to add them, then fill them in.',
      );
      return null;
    }
    return grids;
  };

  const build = async () => {
    const started = performance.now();
    const grids = await read();
    if (!grids) return;
    progress.update('Running the crosswalk…', null);
    const result = await shell.engine().crosswalk(grids);
    const rowsTotal = result.tables.reduce((n, t) => n + t.rows.length, 0);
    progress.update('Writing the output sheets…', 0.3);
    const report = await port.writeOutputs(
      result.tables,
      result.money,
      ({ rowsWritten }) =>
        progress.update(
          `Writing the output sheets… ${rowsWritten.toLocaleString('en-US')} of ${rowsTotal.toLocaleString('en-US')} rows`,
          0.3 + (0.7 * rowsWritten) / Math.max(1, rowsTotal),
        ),
      { agency: result.summary.agency, costLabel: result.summary.costLabel },
    );
    progress.done();
    const first = report.sheets[0];
    const errors = result.summary.issues.error;
    // With errors the line leads with them: it never reads as a success.
    shell.status(
      errors > 0
        ? STATUS.wroteWithErrors(errors, report.sheets.length, seconds(started), first)
        : STATUS.wrote(report.sheets.length, seconds(started), first),
      errors > 0 ? 'error' : 'ok',
    );
    showResult(result.summary, result.issues);
  };

  const validate = async () => {
    const started = performance.now();
    const grids = await read();
    if (!grids) return;
    progress.update('Checking every cell…', null);
    const result = await shell.engine().validate(grids);
    progress.done();
    const errors = result.summary.issues.error;
    shell.status(
      errors > 0
        ? STATUS.checkedWithErrors(errors, grids.tables.length, seconds(started))
        : STATUS.checked(grids.tables.length, seconds(started)),
      errors > 0 ? 'error' : 'ok',
    );
    showResult(result.summary, result.issues);
  };

  const template = async () => {
    progress.update('Adding the input sheets…', null);
    const report = await port.insertTemplate(fiscalYear(new Date()));
    progress.done();
    const added = report.created.length > 0 ? `Added ${report.created.join(', ')}.` : 'Nothing to add.';
    const kept = report.kept.length > 0 ? ` Kept your existing ${report.kept.join(', ')} as they are.` : '';
    shell.status(`${added}${kept}`);
    show(shell.results);
  };

  show(
    shell.controls,
    h(
      'div',
      { class: 'actions' },
      button('Build crosswalk', 'primary', build),
      button('Validate', '', validate),
      button('Insert template', 'quiet', template),
    ),
  );
}
