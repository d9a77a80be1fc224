import type { DataActFile, FileA, FileB } from '../files';
import { type Finding, RULE_LABELS } from '../findings';
import { B11_3, B11_4, B12_4, B29 } from './codes';
import { A30_1, A30_2 } from './presence';
import { A18, A19, A35 } from './sums';
import type { TieOutRule } from './types';
import { A32, B19_1 } from './uniqueness';

/** The broker rules Throughline runs; adding one is adding its function here and its test. */
export const TIE_OUT_RULES: readonly TieOutRule[] = [
  A18,
  A19,
  A35,
  A30_1,
  A30_2,
  A32,
  B11_3,
  B11_4,
  B12_4,
  B19_1,
  B29,
];

function has(file: DataActFile<unknown>, needs: readonly string[]): boolean {
  return needs.every((e) => (e === 'TAS' ? !file.missing.has('TAS') : file.columns.index.has(e)));
}

/**
 * Runs every rule the files allow: within-file rules on each file present, the cross-file ones only with both.
 * Findings come back in rule order, then row order.
 */
export function runTieOut(a: FileA | null, b: FileB | null): Finding[] {
  const out: Finding[] = [];
  // A rule may find one problem on every one of 200,000 rows: appended one by one, never spread as arguments.
  const append = (found: readonly Finding[]) => {
    for (const f of found) out.push(f);
  };
  for (const rule of TIE_OUT_RULES) {
    switch (rule.files) {
      case 'A':
        if (a && has(a, rule.needs.A)) append(rule.check(a));
        break;
      case 'B':
        if (b && has(b, rule.needs.B)) append(rule.check(b));
        break;
      case 'AB':
        if (a && b && has(a, rule.needs.A) && has(b, rule.needs.B)) append(rule.check(a, b));
        break;
    }
  }
  const order = new Map<string, number>(RULE_LABELS.map((label, i) => [label, i]));
  return out.sort((x, y) => (order.get(x.rule) ?? 0) - (order.get(y.rule) ?? 0) || x.index - y.index);
}
