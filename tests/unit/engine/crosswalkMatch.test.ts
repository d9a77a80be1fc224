import fc from 'fast-check';
import type { WorkbookModel } from '../../../models';
import { readWorkbook } from '../../../server/engine';
import { buildRuleSets, knownTargets, type RuleSet } from '../../../server/engine/crosswalk';
import {
  activityKey,
  findSet,
  type LineKeys,
  LineMatcher,
  lineAccountKeys,
  SetIndex,
} from '../../../server/engine/crosswalkMatch';
import { text } from '../../../server/engine/budget';
import { objectClassKey } from '../../../server/engine/read/crosswalk';
import { grid, MINIMAL, workbook } from '../../helpers/workbook';

/**
 * The crosswalk matches lines to rule sets by numbers (crosswalkMatch.ts). These tests hold it to the rule it
 * replaced, written here from its definition with text keys: for each of the line's account keys, its program
 * activity code then title, each with the object class then without, then the object class alone, then the
 * account alone; the first set found wins.
 */

const SEED = 20261313;
console.log(`crosswalk match: fast-check seed ${SEED}`);

/** The set a line uses, by text keys (`RuleSet.key` is `year, account, activity, object class`). */
function referenceSet(model: WorkbookModel, sets: readonly RuleSet[], line: number): RuleSet | null {
  const b = model.budgetColumns;
  const byKey = new Map(sets.map((s) => [s.key, s]));
  const get = (account: string, pa: string, oc: string) =>
    byKey.get(`\u0000${account}\u0000${activityKey(pa)}\u0000${objectClassKey(oc)}`);
  const oc = text(b, b.objectClass, line);
  const activities = [text(b, b.programActivity, line), text(b, b.programActivityTitle, line)].filter(
    Boolean,
  );
  for (const account of lineAccountKeys(text(b, b.account, line))) {
    for (const pa of activities) {
      const found = (oc ? get(account, pa, oc) : undefined) ?? get(account, pa, '');
      if (found) return found;
    }
    const found = (oc ? get(account, '', oc) : undefined) ?? get(account, '', '');
    if (found) return found;
  }
  return null;
}

/** A workbook with these Budget lines and Crosswalk rows (all to Objective 1.1), read into a model. */
function modelOf(lines: readonly string[][], rules: readonly string[][]): WorkbookModel {
  const tables = { ...MINIMAL };
  return readWorkbook(
    workbook(
      ...Object.entries(tables)
        .filter(([name]) => name !== 'Budget' && name !== 'Crosswalk')
        .map(([name, rows]) => grid(name, rows)),
      grid('Budget', [
        ['Account', 'Program Activity', 'Program Activity Title', 'Object Class', 'Amount Type', 'FY2018'],
        ...lines.map((l) => [...l, 'BA', 100]),
      ]),
      grid('Crosswalk', [
        ['Account', 'Program Activity', 'Object Class', 'Objective ID', 'Share'],
        ...rules.map((r) => [...r, '1.1', 1]),
      ]),
    ),
  ).model;
}

function matcherOf(model: WorkbookModel) {
  const { sets, index, kinds } = buildRuleSets(model, knownTargets(model));
  return { sets, matcher: new LineMatcher(model.budgetColumns, index, kinds) };
}

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const ACCOUNTS = ['023-05-0110', '47-X-4542-0', '047-X-4542-000', '047-4542', 'acct a'];
const lineArb = fc.tuple(
  pick(...ACCOUNTS, ' ACCT A'),
  pick('', '1', '0001', '0002', 'ops'),
  pick('', 'Operations', 'OPS', '0002'),
  pick('', '25.2', '252', '31.0'),
);
const ruleArb = fc.tuple(
  pick('023-05-0110', '047-X-4542-000', '47-4542', 'ACCT A'),
  pick('', '1', '0002', 'Ops'),
  pick('', '25.2', '31.0'),
);

describe('matching budget lines to rule sets by numbers', () => {
  test('Given any lines and Crosswalk rows, when matched, then each line gets the set the text-key rule picks', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 12 }),
        fc.array(ruleArb, { maxLength: 10 }),
        (lines, rules) => {
          const model = modelOf(lines, rules);
          const { sets, matcher } = matcherOf(model);
          for (let line = 0; line < model.budgetColumns.size; line++)
            expect({ line, set: matcher.undatedSet(line)?.key }).toEqual({
              line,
              set: referenceSet(model, sets, line)?.key,
            });
        },
      ),
      { numRuns: 300, seed: SEED },
    );
  });

  test('Given two neighbouring lines alike but for their program activity title, when matched, then each gets its own title set', () => {
    const model = modelOf(
      [
        ['023-05-0110', '0009', 'Operations', '25.2'],
        ['023-05-0110', '0009', 'Research', '25.2'],
      ],
      [
        ['023-05-0110', 'Operations', ''],
        ['023-05-0110', 'Research', ''],
      ],
    );
    const { matcher } = matcherOf(model);
    expect(matcher.undatedSet(0)?.where).toBe('account 023-05-0110, program activity Operations');
    expect(matcher.undatedSet(1)?.where).toBe('account 023-05-0110, program activity Research');
  });
});

describe('findSet', () => {
  const set = (name: string) => ({ where: name }) as RuleSet;
  const place = (account: string, activity: string, objectClass: string) => ({
    year: null,
    account,
    activity,
    objectClass,
  });
  const index = new SetIndex([
    { place: place('A', '', ''), set: set('account') },
    { place: place('A', '', '252'), set: set('account+class') },
    { place: place('A', '0001', ''), set: set('account+activity') },
    { place: place('A', '0001', '252'), set: set('account+activity+class') },
    { place: place('B', '', ''), set: set('federal account') },
  ]);
  const keys = (activity: string, objectClass: string, title = ''): LineKeys => ({
    activity: index.activities.find(activity),
    hasActivity: activity !== '',
    title: index.activities.find(title),
    hasTitle: title !== '',
    objectClass: index.objectClasses.find(objectClass),
    hasObjectClass: objectClass !== '',
  });
  const found = (accounts: string[], k: LineKeys) =>
    findSet(index.tablesOf(accounts, null), k, index.stride)?.where;

  test('Given sets at every level, when a line is looked up, then the most specific set it fits wins', () => {
    expect(found(['A'], keys('0001', '252'))).toBe('account+activity+class');
    expect(found(['A'], keys('0001', '310'))).toBe('account+activity');
    expect(found(['A'], keys('0002', '252'))).toBe('account+class');
    expect(found(['A'], keys('0002', ''))).toBe('account');
    expect(found(['A'], keys('0002', '', '0001'))).toBe('account+activity');
  });

  test('Given an account with no sets, when its federal account has some, then those are used; with neither, none', () => {
    expect(found(['X', 'B'], keys('0001', '252'))).toBe('federal account');
    expect(found(['X', 'Y'], keys('0001', '252'))).toBeUndefined();
  });
});
