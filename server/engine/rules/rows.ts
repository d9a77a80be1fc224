import type { Issue, WorkbookModel } from '../../../models';
import { MAX_EXPRESSION_LENGTH } from '../expression';
import { issueAt, MESSAGES } from '../messages';
import { type Rule, withRecords } from './registry';

/** The tables whose rows are checked one by one here. */
type Table = 'responses' | 'drivers' | 'scenarios';
type Row<K extends Table> = WorkbookModel[K][number];

/**
 * A rule on each row of one table on its own: the issue a row raises, or null. A row it flags cannot be used
 * (a response model without its Elasticity, a negative driver), so it is left out of what the engine computes
 * on (`usableRows`), and the rule reports it: the row left out is always the row reported. Each rule reports
 * on its own, so a row with two problems shows both.
 */
export interface RowRule<K extends Table = Table> extends Rule {
  table: K;
  problem: (row: Row<K>) => Issue | null;
}

function rowRule<K extends Table>(
  name: string,
  table: K,
  problem: (row: Row<K>) => Issue | null,
): RowRule<K> {
  return {
    name,
    table,
    problem,
    check: ({ read }) => (read[table] as Row<K>[]).flatMap((row) => problem(row) ?? []),
  };
}

/** The Elasticity and Saturating models scale by e: without it there is nothing to project. */
export const elasticityGiven = rowRule('responses have the elasticity their model needs', 'responses', (r) =>
  (r.model === 'Elasticity' || r.model === 'Saturating') && r.elasticity === null
    ? issueAt(
        MESSAGES.valueRequired('Responses', `Elasticity (the ${r.model} model needs it)`),
        r.elasticityLoc,
      )
    : null,
);

/** The Expression model is its formula: a blank one is a row not yet filled in. */
export const expressionGiven = rowRule('expression responses have an expression', 'responses', (r) =>
  r.model === 'Expression' && !r.expression
    ? issueAt(MESSAGES.valueRequired('Responses', 'Expression'), r.expressionLoc)
    : null,
);

/** A formula past the limit is refused whatever the model, before anything parses it. */
export const expressionShort = rowRule('expressions are short', 'responses', (r) =>
  r.expression.length > MAX_EXPRESSION_LENGTH
    ? issueAt(MESSAGES.expressionTooLong(MAX_EXPRESSION_LENGTH), r.expressionLoc)
    : null,
);

/** Low and High are the range of e: both or neither, Low no greater than High. Reported at the one missing or at High. */
export const elasticityRange = rowRule(
  'Low and High make a range',
  'responses',
  ({ low, high, lowLoc, highLoc }) =>
    (low === null) !== (high === null) || (low !== null && high !== null && low > high)
      ? issueAt(MESSAGES.rangeInvalid(), low === null ? lowLoc : highLoc)
      : null,
);

/** A driver shares a pool out in proportion: a negative share of a cost is no share. */
export const driverValueNonNegative = rowRule('driver values are not negative', 'drivers', (d) =>
  d.value < 0 ? issueAt(MESSAGES.numberInvalid('Driver Value', `${d.value} (negative)`), d.valueLoc) : null,
);

/** A change to one goal, objective, account or program activity must say which. */
export const scenarioKeyGiven = rowRule('scenarios name what they change', 'scenarios', (s) =>
  !s.key && s.scope !== 'All' && s.scope !== 'Best Allocation'
    ? issueAt(MESSAGES.valueRequired('Scenarios', `Key (the ${s.scope.toLowerCase()} to change)`), s.keyLoc)
    : null,
);

const BY_TABLE = {
  scenarios: [scenarioKeyGiven],
  responses: [elasticityGiven, expressionGiven, expressionShort, elasticityRange],
  drivers: [driverValueNonNegative],
} satisfies { [K in Table]: RowRule<K>[] };

/** Every row rule, in the order their issues are listed. */
export const ROW_RULES: readonly Rule[] = [...BY_TABLE.scenarios, ...BY_TABLE.responses, ...BY_TABLE.drivers];

/** The rows no rule flags. */
const passing = <T>(rows: readonly T[], rules: readonly { problem: (row: T) => Issue | null }[]): T[] =>
  rows.filter((row) => rules.every((rule) => rule.problem(row) === null));

/** The model without the rows a row rule flags. A workbook with none flagged is returned as it is. */
export function usableRows(model: WorkbookModel): WorkbookModel {
  const usable = {
    scenarios: passing(model.scenarios, BY_TABLE.scenarios),
    responses: passing(model.responses, BY_TABLE.responses),
    drivers: passing(model.drivers, BY_TABLE.drivers),
  };
  const same = (Object.keys(usable) as Table[]).every((t) => usable[t].length === model[t].length);
  return same ? model : withRecords(model, usable);
}
