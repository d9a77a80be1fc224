import type { Issue, ProgramPart, WorkbookGrids } from '../../../models';
import { INPUT_TABLES } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import { openTable } from './table';

/** The optional Programs table: which budget lines make up each program of the inventory. */
export function readPrograms(grids: WorkbookGrids, issues: Issue[]): ProgramPart[] {
  const t = openTable(grids, INPUT_TABLES.Programs, issues);
  if (!t || !t.requireColumns()) return [];
  const parts: ProgramPart[] = [];
  for (const row of t.dataRows()) {
    const program = t.text(row, 'Program');
    const account = t.text(row, 'Account');
    if (!program || !account) {
      const column = program ? 'Account' : 'Program';
      issues.push(issueAt(MESSAGES.valueRequired('Programs', column), t.loc(row, column)));
      continue;
    }
    parts.push({ program, account, programActivity: t.text(row, 'Program Activity'), loc: t.loc(row) });
  }
  return parts;
}
