import type { Issue, OutputTable } from '../../../models';
import { issueLocation, OUTPUT_TABLES } from '../../../models';
import { TableBuilder } from './shape';

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then notes; each row links to its cell. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => RANK[a.issue.severity] - RANK[b.issue.severity] || a.i - b.i)
    .map(({ issue }) => issue);
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function issuesTable(issues: readonly Issue[]): OutputTable {
  const n = (s: Issue['severity']) => issues.filter((i) => i.severity === s).length;
  const t = new TableBuilder(
    'Issues',
    `Issues: ${count(n('error'), 'error')}, ${count(n('warning'), 'warning')}, ${count(n('info'), 'note')}. Click a cell address to go to it.`,
    TableBuilder.columns(OUTPUT_TABLES.Issues),
  ).linkIn('Cell');
  for (const i of issues) {
    const label = i.severity === 'error' ? 'Error' : i.severity === 'warning' ? 'Warning' : 'Note';
    t.add([label, i.code, i.message, i.sheet, i.cell], 'detail', null, i.sheet ? issueLocation(i) : null);
  }
  return t.build();
}
