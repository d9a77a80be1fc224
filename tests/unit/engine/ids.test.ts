import fc from 'fast-check';
import { idKey } from '../../../models';
import { readWorkbook, runEngine } from '../../../server/engine';
import { placesOf, rowsOf } from '../../helpers/outputs';
import { minimalWorkbook } from '../../helpers/workbook';
import { BASE, responses, scenarios } from '../scenarios/fixtures';

describe('idKey: the one way IDs compare', () => {
  test.each<[string | number, string | number]>([
    [4542, '4542'],
    [' 4542 ', '4542'],
    ['m1', 'M1'],
    ['g 1', 'G  1'],
    ['1.1', 1.1],
    ['Mission\u00a0Support', 'MISSION SUPPORT'],
  ])('Given %p and %p, then they are the same ID', (a, b) => {
    expect(idKey(a)).toBe(idKey(b));
  });

  test.each<[string | number, string | number]>([
    ['1.1', '1.10'],
    ['M1', 'M-1'],
    ['G1', 'G1.'],
  ])('Given %p and %p, then they are different IDs', (a, b) => {
    expect(idKey(a)).not.toBe(idKey(b));
  });

  test('Given a blank, null or undefined ID, then its key is empty', () => {
    expect([idKey(''), idKey(null), idKey(undefined), idKey('   ')]).toEqual(['', '', '', '']);
  });

  test('Given any text, then its key is the text folded, trimmed and in capitals (the fast path changes nothing)', () => {
    const seed = 20261203;
    console.log(`idKey: fast-check seed ${seed}`);
    const pieces = fc.constantFrom(
      'G',
      '1',
      '.',
      '-',
      'm',
      'é',
      'ß',
      ' ',
      '\t',
      '\u00a0',
      '\u2003',
      '~',
      '\u007f',
      'Z',
    );
    const texts = fc.oneof(
      fc.string({ unit: pieces, maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        expect(idKey(text)).toBe(text.replace(/\s+/g, ' ').trim().toUpperCase());
      }),
      { numRuns: 3000, seed },
    );
  });
});

describe('every reference compares by idKey', () => {
  test('Regression: given a Responses row for m1 and Measures holding M1, then the reference check knows it and the scenario projects it', () => {
    const result = runEngine(
      minimalWorkbook({
        ...BASE,
        Responses: responses(['m1', 'Proportional', null, null, null, null]),
        Scenarios: scenarios(['Cut', 'Objective', '1.1', '-10%']),
      }),
    );
    expect(placesOf(result.issues, 'UNKNOWN_MEASURE')).toEqual([]);
    const m1 = rowsOf(result, 'ScenarioResults').find((r) => r['Measure ID'] === 'M1');
    // 100 closed at $1,000.00; 10% less funding under the Proportional model closes 90.
    expect(m1).toMatchObject({ 'Projected Value': 90, 'Meets Target': 'Not Met' });
  });

  test('Given a Responses row for a measure that does not exist, then it is reported and nothing is projected for it', () => {
    const result = runEngine(
      minimalWorkbook({ ...BASE, Responses: responses(['M9', 'Proportional', null, null, null, null]) }),
    );
    expect(placesOf(result.issues, 'UNKNOWN_MEASURE')).toEqual(['Responses!A2']);
  });

  test('Given Crosswalk rows naming the same objectives again and again in several spellings, then each row is respelt as the Objectives table spells it, and an unknown one is left as written', () => {
    // Each distinct reference is worked out once and remembered; every row must still get its own answer.
    const { model } = readWorkbook(
      minimalWorkbook({
        Objectives: [
          ['Objective ID', 'Goal ID', 'Objective'],
          ['1.1', 'G1', 'One'],
          ['Ob-2', 'G1', 'Two'],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ['A', ' 1.1 ', '50%'],
          ['A', 'ob-2', '50%'],
          ['B', '1.1', '50%'],
          ['B', 'OB-2', '50%'],
          ['C', ' 1.1 ', '50%'],
          ['C', 'x9', '50%'],
          ['D', 'x9', '100%'],
        ],
      }),
    );
    expect(model.crosswalk.map((r) => (r.target.kind === 'objective' ? r.target.id : null))).toEqual([
      '1.1',
      'Ob-2',
      '1.1',
      'Ob-2',
      '1.1',
      'x9',
      'x9',
    ]);
  });

  test('Given IDs typed in other cases, with spaces, or as numbers in the referring tables, then every reference resolves and costs flow', () => {
    const result = runEngine(
      minimalWorkbook({
        Goals: [
          ['Goal ID', 'Goal'],
          ['G1', 'Real Estate'],
        ],
        Objectives: [
          ['Objective ID', 'Goal ID', 'Objective'],
          [4542, 'g1', 'Reduce the cost of Federal inventory'],
        ],
        Measures: [
          ['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction'],
          ['M1', ' 4542 ', 'Leases awarded', 'Count', 'Increase'],
        ],
        Results: [
          ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
          ['m1', 2018, 100, 125],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ['023-05-0110', '4542', '100%'],
        ],
        'Allocation Limits': [
          ['Objective ID', 'Floor', 'Ceiling', 'Weight'],
          [4542, '-5%', '5%', 1],
        ],
      }),
    );
    expect(result.issues.filter((i) => i.code.startsWith('UNKNOWN_'))).toEqual([]);
    expect(rowsOf(result, 'CostPerOutcome')[0]).toMatchObject({
      'Measure ID': 'M1',
      'Objective ID': '4542',
      'Goal ID': 'G1',
      'Full Cost': 1000,
      Status: 'Met',
    });
  });

  test('Given an Allocation Limits row for an objective that does not exist, then it is reported at its row', () => {
    const result = runEngine(
      minimalWorkbook({
        'Allocation Limits': [
          ['Objective ID', 'Floor', 'Ceiling', 'Weight'],
          ['9.9', '-5%', '5%', 1],
        ],
      }),
    );
    expect(placesOf(result.issues, 'UNKNOWN_OBJECTIVE')).toEqual(["'Allocation Limits'!A2"]);
  });

  test('Given a Goal scenario keyed g1 for goal G1, then it changes that goal rather than reporting an unknown key', () => {
    const result = runEngine(
      minimalWorkbook({
        ...BASE,
        Responses: responses(['M1', 'Proportional', null, null, null, null]),
        Scenarios: scenarios(['Cut', 'Goal', 'g1', '-10%']),
      }),
    );
    expect(result.issues.filter((i) => i.code === 'SCENARIO_NO_MATCH')).toEqual([]);
    expect(result.summary.scenarios[0]?.fundingChange).toBe(-400);
  });

  test('Given Measures M1 and m1, then the second is a duplicate ID', () => {
    const result = runEngine(
      minimalWorkbook({
        Measures: [
          ['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction'],
          ['M1', '1.1', 'Leases awarded', 'Count', 'Increase'],
          ['m1', '1.1', 'Leases renewed', 'Count', 'Increase'],
        ],
      }),
    );
    expect(placesOf(result.issues, 'DUPLICATE_ID')).toEqual(['Measures!A3']);
  });
});
