import type { FileA, FileB } from '../files';
import type { Finding, RuleLabel } from '../findings';

/**
 * A tie-out rule: one of Treasury's broker rules, as one small pure function over the files it reads. `needs`
 * names the fields (or `TAS`) each file must have a column for; without one, the rule is not run and the missing
 * column is the issue the budget officer sees.
 */
export type TieOutRule =
  | { label: RuleLabel; files: 'A'; needs: { A: readonly string[] }; check(a: FileA): Finding[] }
  | { label: RuleLabel; files: 'B'; needs: { B: readonly string[] }; check(b: FileB): Finding[] }
  | {
      label: RuleLabel;
      files: 'AB';
      needs: { A: readonly string[]; B: readonly string[] };
      check(a: FileA, b: FileB): Finding[];
    };
