import type {
  GridTable,
  InputTableSpec,
  Issue,
  Settings,
  TieOutFinding,
  WorkbookGrids,
} from '../../../models';
import { INPUT_TABLES } from '../../../models';
import { issueAt } from '../messages';
import { normalizeName } from '../read/cells';
import { findTable } from '../read/table';
import { deriveBudget } from './budget';
import { type FileA, type FileB, readFileA, readFileB } from './files';
import { toIssue, toTieOut } from './findings';
import { DATA_ACT_MESSAGES as M } from './messages';
import { comparePeriods, periodName, type SubmissionPeriod } from './period';
import { runTieOut } from './rules';
import { submissionPeriodSetting } from './setting';

export { accountMatches, programActivityMatches } from './accounts';

/**
 * The DATA Act intake: File A and File B in, tie-out findings and (when the workbook has no Budget) a Budget
 * derived from File B out. Runs inside the reader, before the Budget is read, so the derived Budget goes through
 * the same Budget reader as a typed one. Pure: grids in, grids and findings out, problems as issues.
 */
export interface DataActRead {
  /** The workbook's grids, with the derived Budget in place of a missing or empty one. */
  grids: WorkbookGrids;
  /** Undefined when the workbook has no File A or File B rows. */
  tieOut: TieOutFinding[] | undefined;
}

const hasRows = (grid: GridTable | null): grid is GridTable =>
  grid !== null &&
  grid.rows.some((r) => r.some((v) => v !== null && !(typeof v === 'string' && v.trim() === '')));

export function readDataAct(grids: WorkbookGrids, settings: Settings, issues: Issue[]): DataActRead {
  const setting = submissionPeriodSetting(grids, issues);
  const gridA = findTable(grids, INPUT_TABLES.FileA);
  const gridB = findTable(grids, INPUT_TABLES.FileB);
  if (!hasRows(gridA) && !hasRows(gridB)) return { grids, tieOut: undefined };

  const a = hasRows(gridA) ? readFileA(gridA, issues) : null;
  const b = hasRows(gridB) ? readFileB(gridB, issues) : null;
  const fromFiles = onePeriod(a, b, setting, issues);
  if (a && !b)
    issues.push(issueAt(M.crossFileSkipped('File A', 'File B'), { sheet: a.grid.sheet, cell: '' }));
  if (b && !a)
    issues.push(issueAt(M.crossFileSkipped('File B', 'File A'), { sheet: b.grid.sheet, cell: '' }));

  const findings = runTieOut(a, b);
  const tieOut: TieOutFinding[] = new Array<TieOutFinding>(findings.length);
  findings.forEach((f, i) => {
    issues.push(toIssue(f));
    tieOut[i] = toTieOut(f);
  });

  const budget = findTable(grids, INPUT_TABLES.Budget);
  if (!b || hasRows(budget)) return { grids, tieOut };
  let period = setting ?? fromFiles;
  if (!period && settings.budgetYear !== null) {
    period = { year: settings.budgetYear, period: 12, quarter: false };
    issues.push(issueAt(M.periodAssumed(periodName(period)), { sheet: b.grid.sheet, cell: '' }));
  }
  if (!period) {
    issues.push(issueAt(M.periodUnknown(), { sheet: b.grid.sheet, cell: '' }));
    return { grids, tieOut };
  }
  const derived = deriveBudget(b, period, settings.units);
  issues.push(
    issueAt(M.budgetDerived(derived.lines, String(derived.grid.header.at(-1)), derived.rows), {
      sheet: b.grid.sheet,
      cell: '',
    }),
  );
  // An empty Budget table (the template's) gives way to the derived one.
  const spec: InputTableSpec = INPUT_TABLES.Budget;
  const budgetNames = new Set([spec.name, ...(spec.aliases ?? [])].map(normalizeName));
  const others = grids.tables.filter((t) => !budgetNames.has(normalizeName(t.name)));
  return { grids: { tables: [...others, derived.grid] }, tieOut };
}

/**
 * The period the files are for. USAspending's downloads say it on every row; a download can span periods, and
 * since amounts are cumulative within a year, rows of one period only are kept: the setting's when it names one
 * of them, else the latest (the others are reported and left out).
 */
function onePeriod(
  a: FileA | null,
  b: FileB | null,
  setting: SubmissionPeriod | null,
  issues: Issue[],
): SubmissionPeriod | null {
  const seen = new Map<string, SubmissionPeriod>();
  for (const file of [a, b])
    for (const row of file?.rows ?? []) if (row.period) seen.set(periodName(row.period), row.period);
  if (seen.size === 0) return null;
  let latest: SubmissionPeriod | null = null;
  for (const p of seen.values()) if (!latest || comparePeriods(p, latest) > 0) latest = p;
  const keep = setting && seen.has(periodName(setting)) ? setting : (latest as SubmissionPeriod);
  if (seen.size > 1) {
    const name = periodName(keep);
    let dropped = 0;
    const sameOrNone = (p: SubmissionPeriod | null) => p === null || periodName(p) === name;
    if (a) {
      const kept = a.rows.filter((r) => sameOrNone(r.period));
      dropped += a.rows.length - kept.length;
      a.rows = kept;
    }
    if (b) {
      const kept = b.rows.filter((r) => sameOrNone(r.period));
      dropped += b.rows.length - kept.length;
      b.rows = kept;
    }
    const others = [...seen.keys()].filter((n) => n !== name);
    const where = (a ?? b) as FileA | FileB;
    issues.push(issueAt(M.periodsMixed(name, others, dropped), { sheet: where.grid.sheet, cell: '' }));
  }
  return keep;
}
