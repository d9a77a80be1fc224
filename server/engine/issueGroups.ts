import type { Issue } from '../../models';
import { cellList, issueAt, MESSAGES } from './messages';
import { withFields } from '../objects';

/** A problem repeated on this many cells or more is listed once, with its cells. */
const GROUP_FROM = 3;
/** Past this many issues of one code, the rest are counted in one closing issue instead of listed. */
export const MAX_PER_CODE = 200;

/**
 * Many rows sharing one problem (sixteen receipt lines without a crosswalk row, a column of "TBD") read as one
 * thing to fix: the same message on the same sheet becomes one issue at its first cell that lists the others
 * (the first 20, and how many more). Past `MAX_PER_CODE` issues of one code, the rest are summed up in one
 * issue, so a workbook with a hundred thousand bad lines still gives an Issues sheet a person can read.
 */
export function groupIssues(issues: readonly Issue[]): Issue[] {
  const groups = new Map<string, Issue[]>();
  for (const issue of issues) {
    const key = `${issue.severity}\u0000${issue.code}\u0000${issue.sheet}\u0000${issue.message}`;
    const group = groups.get(key);
    if (group) group.push(issue);
    else groups.set(key, [issue]);
  }
  const grouped: Issue[] = [];
  for (const group of groups.values()) {
    const first = group[0] as Issue;
    if (group.length < GROUP_FROM || !first.sheet) {
      for (const issue of group) grouped.push(issue);
      continue;
    }
    const others = group.slice(1).map((i) => i.cell);
    grouped.push(
      withFields(first, {
        message: `${first.message} The same on ${group.length - 1} more cells: ${cellList(others)}.`,
      }),
    );
  }
  return capPerCode(grouped);
}

function capPerCode(issues: readonly Issue[]): Issue[] {
  const seen = new Map<string, number>();
  const over = new Map<string, { first: Issue; count: number }>();
  const kept: Issue[] = [];
  for (const issue of issues) {
    const n = (seen.get(issue.code) ?? 0) + 1;
    seen.set(issue.code, n);
    if (n <= MAX_PER_CODE) {
      kept.push(issue);
      continue;
    }
    const o = over.get(issue.code);
    if (o) o.count += 1;
    else over.set(issue.code, { first: issue, count: 1 });
  }
  for (const { first, count } of over.values())
    kept.push(
      issueAt(MESSAGES.moreIssues(first.code, count, MAX_PER_CODE), {
        sheet: first.sheet,
        cell: first.cell,
      }),
    );
  return kept;
}
