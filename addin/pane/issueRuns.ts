import type { Issue, Severity } from '../../models';

/** A code repeated this many times or more is shown as one collapsed group (the engine groups from 3 too). */
export const GROUP_FROM = 3;

export type IssueEntry =
  { kind: 'one'; issue: Issue } | { kind: 'group'; severity: Severity; code: string; issues: Issue[] };

/**
 * The issue list as the pane shows it: issues of one severity and code that come three or more times become one
 * entry, at the place of the first, so sixteen look-alike warnings take one line until opened. The engine has
 * already folded identical messages into one issue listing its cells; this folds the near-identical ones
 * (the same problem on different accounts) that the engine words apart.
 */
export function issueEntries(issues: readonly Issue[]): IssueEntry[] {
  const byKind = new Map<string, Issue[]>();
  for (const issue of issues) {
    const key = `${issue.severity}\u0000${issue.code}`;
    const list = byKind.get(key);
    if (list) list.push(issue);
    else byKind.set(key, [issue]);
  }
  const entries: IssueEntry[] = [];
  const placed = new Set<string>();
  for (const issue of issues) {
    const key = `${issue.severity}\u0000${issue.code}`;
    const list = byKind.get(key) ?? [];
    if (list.length < GROUP_FROM) {
      entries.push({ kind: 'one', issue });
      continue;
    }
    if (placed.has(key)) continue;
    placed.add(key);
    entries.push({ kind: 'group', severity: issue.severity, code: issue.code, issues: list });
  }
  return entries;
}
