import type { Issue, Loc, WorkbookModel } from '../../../models';
import { idKey, issueLocation } from '../../../models';
import { issueAt, MESSAGES, type Msg } from '../messages';
import { type Rule, withRecords } from './registry';
import { usableRows } from './rows';

/** A record that repeats an earlier one's key, and the cell of that earlier one. */
interface Repeat<T> {
  record: T;
  first: Loc;
}

/**
 * The first record of each key kept, every later one paired with the first's cell. The one place that decides
 * what "the same" means for a table: `distinctRecords` keeps `kept`, the rules report `repeats`, so the record
 * left out is always the record reported.
 */
export function firstOfEach<T extends { loc: Loc }>(
  records: readonly T[],
  keyOf: (record: T) => string,
): { kept: T[]; repeats: Repeat<T>[] } {
  const seen = new Map<string, Loc>();
  const kept: T[] = [];
  const repeats: Repeat<T>[] = [];
  for (const record of records) {
    const key = keyOf(record);
    const first = seen.get(key);
    if (first) repeats.push({ record, first });
    else {
      seen.set(key, record.loc);
      kept.push(record);
    }
  }
  return { kept, repeats };
}

/** What makes two records the same, table by table: IDs compare by `idKey`, as every lookup does. */
const KEYS = {
  goals: (g: WorkbookModel['goals'][number]) => idKey(g.id),
  objectives: (o: WorkbookModel['objectives'][number]) => idKey(o.id),
  measures: (m: WorkbookModel['measures'][number]) => idKey(m.id),
  pools: (p: WorkbookModel['pools'][number]) => idKey(p.name),
  responses: (r: WorkbookModel['responses'][number]) => idKey(r.measureId),
  results: (r: WorkbookModel['results'][number]) => `${idKey(r.measureId)}\u0000${r.year}`,
};

/**
 * The workbook's records with every repeat left out (the first row of each ID, and of each measure and year,
 * counts). The engine computes on this; the rules below say what was left out. A workbook with no repeat (the
 * usual case) is returned as it is.
 */
export function distinctRecords(model: WorkbookModel): WorkbookModel {
  const distinct = {
    goals: firstOfEach(model.goals, KEYS.goals).kept,
    objectives: firstOfEach(model.objectives, KEYS.objectives).kept,
    measures: firstOfEach(model.measures, KEYS.measures).kept,
    pools: firstOfEach(model.pools, KEYS.pools).kept,
    responses: firstOfEach(model.responses, KEYS.responses).kept,
    results: firstOfEach(model.results, KEYS.results).kept,
  };
  const same = (Object.keys(distinct) as (keyof typeof distinct)[]).every(
    (table) => distinct[table].length === model[table].length,
  );
  return same ? model : withRecords(model, distinct);
}

/** The issues for one table's repeats, each at the repeating record's cell and naming the first's. */
function repeatsOf<T extends { loc: Loc }>(
  records: readonly T[],
  keyOf: (record: T) => string,
  message: (record: T, first: string) => Msg,
): Issue[] {
  return firstOfEach(records, keyOf).repeats.map(({ record, first }) =>
    issueAt(message(record, issueLocation(first)), record.loc),
  );
}

/** An ID used twice is an error: which row was meant cannot be known, so the second is left out. */
export const uniqueIds: Rule = {
  name: 'IDs are unique',
  check: ({ read }) => [
    ...repeatsOf(read.goals, KEYS.goals, (g, first) => MESSAGES.duplicateId('Goal', g.id, first)),
    ...repeatsOf(read.objectives, KEYS.objectives, (o, first) =>
      MESSAGES.duplicateId('Objective', o.id, first),
    ),
    ...repeatsOf(read.measures, KEYS.measures, (m, first) => MESSAGES.duplicateId('Measure', m.id, first)),
    ...repeatsOf(read.pools, KEYS.pools, (p, first) => MESSAGES.duplicateId('Cost Pool', p.name, first)),
    // A Responses row that cannot be used (rules/rows.ts) does not claim its measure: a later row may.
    ...repeatsOf(usableRows(read).responses, KEYS.responses, (r, first) =>
      MESSAGES.duplicateId('Responses', r.measureId, first),
    ),
  ],
};

/** A measure's second row for one year is a warning: the first is used, as a reader of the table would. */
export const oneResultPerYear: Rule = {
  name: 'one result per measure and year',
  check: ({ read }) =>
    repeatsOf(read.results, KEYS.results, (r, first) => MESSAGES.duplicateResult(r.measureId, r.year, first)),
};

/** The records the engine computes on: the rows no row rule flags, then the first of each ID. */
export function usableRecords(read: WorkbookModel): WorkbookModel {
  return distinctRecords(usableRows(read));
}
