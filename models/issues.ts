import { z } from 'zod';
import { quoteSheet } from './a1';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/**
 * A problem found in the workbook: data with a place, never an exception. `code` is stable (tests and users
 * filter on it); `message` is written for a budget officer; `sheet` and `cell` locate it (`Budget!F17`).
 * Workbook-level problems (a missing table) have an empty cell.
 */
export const Issue = z
  .object({
    severity: Severity,
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    message: z.string(),
    sheet: z.string(),
    cell: z.string(),
  })
  .strict();
export type Issue = z.infer<typeof Issue>;

/** `Budget!F17`, or just `Budget` for a sheet-level problem; sheet names are quoted where Excel needs it. */
export function issueLocation(issue: Pick<Issue, 'sheet' | 'cell'>): string {
  if (!issue.sheet) return '';
  const sheet = quoteSheet(issue.sheet);
  return issue.cell ? `${sheet}!${issue.cell}` : sheet;
}
