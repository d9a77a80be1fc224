import type { Issue, TieOutFinding } from '../../../models';
import { issueAt, type Msg } from '../messages';
import { type Exact, toNumber } from './exact';
import { cellOf, type DataActFile, sheetRow } from './files';

/** The broker's rule labels Throughline runs, in the order the TieOut table lists them. */
export const RULE_LABELS = [
  'A18',
  'A19',
  'A35',
  'A30.1',
  'A30.2',
  'A32',
  'B11.3',
  'B11.4',
  'B12.4',
  'B19.1',
  'B29',
] as const;
export type RuleLabel = (typeof RULE_LABELS)[number];

/** One rule's verdict on one row, before it becomes an issue and a TieOut row. */
export interface Finding {
  rule: RuleLabel;
  file: DataActFile<unknown>;
  /** The grid row the finding lands on. */
  index: number;
  tas: string;
  /** The DATA Act element the finding is about (its cell is where the issue points), or a description. */
  field: string;
  value: Exact | string | null;
  expected: Exact | string | null;
  difference: Exact | null;
  msg: Msg;
}

const cell = (v: Exact | string | null): string | number | null =>
  v === null || typeof v === 'string' ? v : toNumber(v);

export function toIssue(f: Finding): Issue {
  return issueAt(f.msg, cellOf(f.file, f.index, f.field));
}

export function toTieOut(f: Finding): TieOutFinding {
  return {
    rule: f.rule,
    severity: f.msg.severity,
    file: f.file.kind === 'A' ? 'File A' : 'File B',
    row: sheetRow(f.file, f.index),
    tas: f.tas,
    field: f.field,
    value: cell(f.value),
    expected: cell(f.expected),
    difference: f.difference === null ? null : toNumber(f.difference),
    message: f.msg.message,
    loc: cellOf(f.file, f.index, f.field),
  };
}
