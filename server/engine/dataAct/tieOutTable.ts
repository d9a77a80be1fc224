import type { OutputTable, TieOutFinding } from '../../../models';
import { issueLocation, OUTPUT_TABLES } from '../../../models';
import { TableBuilder } from '../tables/shape';

/**
 * The TieOut sheet: every finding of the DATA Act tie-out, one row each, linked to its File A or File B cell.
 * Value, Expected and Difference are dollars for the amount rules (A18, A19, A35); the code rules show the code
 * found and what the broker expects.
 */
export function tieOutTable(findings: readonly TieOutFinding[]): OutputTable {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const title =
    findings.length === 0
      ? "DATA Act tie-out (Treasury's broker rules A18, A19, A35, A30, A32, B11, B12, B19, B29): no findings"
      : `DATA Act tie-out: ${findings.length} finding${findings.length === 1 ? '' : 's'}, ${errors} fatal in Treasury's broker. Click a row's cell to go to it.`;
  const t = new TableBuilder('TieOut', title, TableBuilder.columns(OUTPUT_TABLES.TieOut));
  for (const f of findings) {
    t.add(
      [
        f.rule,
        f.severity === 'error' ? 'Error (fatal)' : f.severity === 'warning' ? 'Warning' : 'Note',
        f.file,
        f.row,
        f.tas,
        f.field,
        f.value,
        f.expected,
        f.difference,
        f.message,
      ],
      'detail',
      null,
      issueLocation(f.loc),
    );
  }
  return t.build();
}
