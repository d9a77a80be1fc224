import type { CrosswalkTarget, Issue } from '../../../models';
import { SHARE_SCALE } from '../../../models';
import { columnLetters } from '../../../models/a1';
import { amountCount, amountTypeOf, lineLoc, text } from '../budget';
import { isUnmapped } from '../crosswalkQueries';
import { describeLine, issueAt, MESSAGES, WHO } from '../messages';
import type { Rule } from './registry';

const TOLERANCE = SHARE_SCALE / 10_000; // 0.01%, as the contract allows

/** Each set of Crosswalk rows must share out 100%; `40` typed for `40%` is caught and said plainly. */
export const sharesSumTo100: Rule = {
  name: 'shares sum to 100%',
  check: ({ crosswalk }) => {
    const issues: Issue[] = [];
    for (const set of crosswalk.sets) {
      const first = set.rules[0];
      if (!first) continue;
      if (set.wholeNumbers) issues.push(issueAt(MESSAGES.sharesWholeNumbers(set.where), first.shareLoc));
      if (Math.abs(set.sum - SHARE_SCALE) > TOLERANCE)
        issues.push(issueAt(MESSAGES.sharesNot100(set.where, set.sum), first.shareLoc));
    }
    return issues;
  },
};

/** The same objective twice in one set is usually a copy-paste slip. */
export const duplicateTargets: Rule = {
  name: 'duplicate targets in a set',
  check: ({ crosswalk }) => {
    const issues: Issue[] = [];
    const keyOf = targetKeys();
    for (const set of crosswalk.sets) {
      // One row cannot repeat a target (most sets at a million lines have one or two rows).
      if (set.rules.length < 2) continue;
      const seen = new Set<string>();
      for (const rule of set.rules) {
        const t = rule.target;
        if (t.kind === 'pool' && !t.name) continue;
        const key = keyOf(t);
        if (seen.has(key))
          issues.push(issueAt(MESSAGES.duplicateTarget(set.where, targetLabel(t)), rule.loc));
        seen.add(key);
      }
    }
    return issues;
  },
};

/** A target as messages name it: `Objective 1.1`, `Goal G1`, `Cost pool IT`. */
function targetLabel(t: CrosswalkTarget): string {
  return t.kind === 'pool' ? WHO.pool(t.name) : WHO.record(t.kind === 'goal' ? 'Goal' : 'Objective', t.id);
}

/**
 * What makes two targets the same (their labels, ignoring case), worked out once per distinct target: a
 * Crosswalk names a few dozen targets over many thousand rows.
 */
function targetKeys(): (t: CrosswalkTarget) => string {
  const known = {
    objective: new Map<string, string>(),
    goal: new Map<string, string>(),
    pool: new Map<string, string>(),
  };
  return (t) => {
    const byName = known[t.kind];
    const name = t.kind === 'pool' ? t.name : t.id;
    let key = byName.get(name);
    if (key === undefined) {
      key = targetLabel(t).toUpperCase();
      byName.set(name, key);
    }
    return key;
  };
}

/**
 * Budget lines no Crosswalk row matches are shown as Unmapped, and said so once per account: an account with
 * forty program activities and no Crosswalk row is one thing to fix, not forty. Receipts and intra-agency lines
 * are never allocated, so they are never unmapped.
 */
export const unmappedLines: Rule = {
  name: 'budget lines left unmapped',
  check: ({ model, crosswalk }) => {
    const b = model.budgetColumns;
    const byAccount = new Map<string, { first: number; cells: string[]; types: Set<string> }>();
    // Each line's cell is its Account cell (`lineLoc`): the column's letters are made once, not per line.
    const letters = columnLetters(b.originColumn + b.accountColumn);
    /** Each account text's key (trimmed, any case), by its place in `b.strings`: made once per text. */
    const keys = new Array<string | undefined>(b.strings.length);
    for (let line = 0; line < b.size; line++) {
      if (!isUnmapped(crosswalk, line) || amountCount(b, line) === 0) continue;
      const account = b.account[line] as number;
      const key = (keys[account] ??= text(b, b.account, line).trim().toUpperCase());
      const group = byAccount.get(key) ?? { first: line, cells: [], types: new Set<string>() };
      group.cells.push(`${letters}${b.originRow + 1 + (b.row[line] as number)}`);
      group.types.add(amountTypeOf(b, line));
      byAccount.set(key, group);
    }
    const issues: Issue[] = [];
    for (const { first, cells, types } of byAccount.values()) {
      const account = text(b, b.account, first);
      const what =
        cells.length === 1
          ? `${describeLine(account, text(b, b.programActivity, first), text(b, b.objectClass, first))} (${amountTypeOf(b, first)})`
          : WHO.accountLines(account, cells.length, [...types]);
      issues.push(issueAt(MESSAGES.lineUnmapped(what, cells), lineLoc(b, first)));
    }
    return issues;
  },
};

/**
 * A Crosswalk set that no budget line uses maps money that is not there: a typo in an account, or a program
 * activity or object class that every line of the account lacks (or that a more specific set always takes).
 */
export const unusedRules: Rule = {
  name: 'crosswalk rows that match nothing',
  check: ({ crosswalk }) =>
    crosswalk.sets
      .filter((set) => set.linesMatched === 0)
      .flatMap((set) => (set.rules[0] ? [issueAt(MESSAGES.ruleUnused(set.where), set.rules[0].loc)] : [])),
};
