import type { Issue, WorkbookGrids } from '../../../models';
import { INPUT_TABLES } from '../../../models';
import { issueAt } from '../messages';
import { cellAddress, parseA1 } from '../../../models/a1';
import { cellText, normalizeName } from '../read/cells';
import { findTable } from '../read/table';
import { DATA_ACT_MESSAGES } from './messages';
import { parseSubmissionPeriod, type SubmissionPeriod } from './period';

/**
 * The `Submission Period` setting (`FY2024P06`, `FY2024Q2`): broker-format files do not say which period they
 * are, so Settings may. The Settings reader does not know this setting yet and reports it as unknown; that one
 * warning is withdrawn here, where the setting is read.
 */
export function submissionPeriodSetting(grids: WorkbookGrids, issues: Issue[]): SubmissionPeriod | null {
  const grid = findTable(grids, INPUT_TABLES.Settings);
  if (!grid) return null;
  const names = grid.header.map((h) => normalizeName(cellText(h)));
  const nameAt = names.indexOf('setting');
  const valueAt = names.indexOf('value');
  if (nameAt < 0 || valueAt < 0) return null;
  const origin = parseA1(grid.topLeft);
  for (let i = 0; i < grid.rows.length; i++) {
    const row = grid.rows[i] ?? [];
    if (normalizeName(cellText(row[nameAt] ?? null)) !== 'submissionperiod') continue;
    const nameCell = cellAddress(origin.row + 1 + i, origin.column + nameAt);
    withdraw(issues, grid.sheet, nameCell);
    const text = cellText(row[valueAt] ?? null);
    if (!text) return null;
    const period = parseSubmissionPeriod(text);
    if (!period) {
      const cell = cellAddress(origin.row + 1 + i, origin.column + valueAt);
      issues.push(issueAt(DATA_ACT_MESSAGES.periodInvalid(text), { sheet: grid.sheet, cell }));
    }
    return period;
  }
  return null;
}

function withdraw(issues: Issue[], sheet: string, cell: string): void {
  const at = issues.findIndex((i) => i.code === 'SETTING_UNKNOWN' && i.sheet === sheet && i.cell === cell);
  if (at >= 0) issues.splice(at, 1);
}
