import { issueLocation, type Issue, type Summary } from '../../models';
import type { Computation } from './compute';
import { destinationOf } from './crosswalk';
import type { Target } from './ledger';

/**
 * Budget amounts the reader could not use ("TBD", #REF!, a date, a formula never calculated): each is left out
 * of every total, so a goal can show less (or 0) than it should. This says how many there are and which goals'
 * totals are short by one, so the pane can mark those totals instead of showing them as if complete.
 */
const UNREAD_CODES: ReadonlySet<string> = new Set([
  'AMOUNT_INVALID',
  'CELL_ERROR_VALUE',
  'AMOUNT_IS_DATE',
  'FORMULA_NOT_CALCULATED',
  'AMOUNT_OUT_OF_RANGE',
]);
const CELLS_LISTED = 20;

/** IDs compared as the engine compares them: trimmed, spaces folded, in capitals. */
const idKey = (id: string): string => id.replace(/\s+/g, ' ').trim().toUpperCase();

const rowOf = (cell: string): number => {
  let digits = '';
  for (const ch of cell) if (ch >= '0' && ch <= '9') digits += ch;
  return digits ? Number(digits) : 0;
};

/** `issues` before grouping: one per cell, so every unread amount is found, not only each group's first. */
export function unreadAmounts(c: Computation, issues: readonly Issue[]): Summary['unreadAmounts'] {
  const sheet = c.model.found.Budget?.sheet;
  const rows = new Set<number>();
  const cells: string[] = [];
  let count = 0;
  for (const issue of issues) {
    if (!sheet || issue.sheet !== sheet || !UNREAD_CODES.has(issue.code) || !issue.cell) continue;
    count += 1;
    rows.add(rowOf(issue.cell));
    if (cells.length < CELLS_LISTED) cells.push(issueLocation(issue));
  }
  if (count === 0) return { count: 0, cells: [], goals: [], viaPools: false };

  const goalOfObjective = new Map(c.model.objectives.map((o) => [idKey(o.id), o.goalId]));
  const goalIds = new Map(c.model.goals.map((g) => [idKey(g.id), g.id]));
  const short = new Set<string>();
  let viaPools = false;
  const b = c.model.budgetColumns;
  for (let line = 0; line < b.size; line++) {
    if (b.sheet !== sheet || !rows.has(b.originRow + 1 + (b.row[line] as number))) continue;
    for (const t of targetsOfLine(c, line)) {
      const goal =
        t.kind === 'objective' ? goalOfObjective.get(idKey(t.id)) : t.kind === 'goal' ? t.id : null;
      if (goal) short.add(idKey(goal));
      if (t.kind === 'pool') viaPools = true;
    }
  }
  const goals: string[] = [];
  for (const [key, id] of goalIds) if (short.has(key)) goals.push(id);
  return { count, cells, goals, viaPools };
}

/** Everywhere a line's amounts can go: its destination and the targets of every set that splits them. */
function targetsOfLine(c: Computation, line: number): Target[] {
  const positions = c.crosswalk.recast.get(line) ?? [c.crosswalk.lineSet[line] as number];
  const out = [destinationOf(c.crosswalk, line)];
  for (const p of positions) for (const t of c.crosswalk.sets[p]?.targets ?? []) out.push(t);
  return out;
}
