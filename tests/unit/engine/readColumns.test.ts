import fc from 'fast-check';
import { readWorkbook } from '../../../server/engine';
import { LineColumns, blankLineFields, type LineFields } from '../../../server/engine/read/budgetBuilder';
import { cellText, isPlainText } from '../../../server/engine/read/cells';
import { fitted, grown, newColumn, SHARED_FROM_BYTES } from '../../../server/engine/read/growable';
import { LineIndex, repeatedAnywhere, repeatedLines } from '../../../server/engine/read/lineIndex';
import { TextIds } from '../../../server/engine/read/textIds';
import { issuesWith, placesOf } from '../../helpers/outputs';
import { grid, minimalWorkbook } from '../../helpers/workbook';

/** The reader's typed columns: growth, text ids, the identity index, and the clean-text scan. */

const RUNS = { numRuns: 500, seed: 20260312 } as const;

describe('growable columns', () => {
  test('Given a full column, when grown, then it doubles, keeps its type and every value', () => {
    const a = Int32Array.from([5, -7, 9]);
    const b = grown(a, 4);
    expect(b).toBeInstanceOf(Int32Array);
    expect(b.length).toBe(16);
    expect(Array.from(b.subarray(0, 3))).toEqual([5, -7, 9]);
    const c = grown(new Float64Array(40).fill(0.5), 41);
    expect(c.length).toBe(80);
    expect(c[39]).toBe(0.5);
    expect(grown(new Int8Array(20), 100).length).toBe(100);
  });

  test('Given columns with a little or a lot of spare room, when fitted, then a view or a copy of the first entries', () => {
    const tight = Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const view = fitted(tight, 7);
    expect(Array.from(view)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(view.buffer).toBe(tight.buffer);
    const roomy = new Float64Array(100).fill(2);
    const copy = fitted(roomy, 10);
    expect(copy.length).toBe(10);
    expect(copy.buffer).not.toBe(roomy.buffer);
    expect(fitted(tight, 8)).toBe(tight);
  });

  test('Given columns of a megabyte or more, new, grown or copied, then zero-filled, of their type, on memory V8 does not count as external', () => {
    const big = SHARED_FROM_BYTES / 8;
    const fresh = newColumn(Float64Array, big);
    expect(fresh).toBeInstanceOf(Float64Array);
    expect(fresh.length).toBe(big);
    expect(fresh.every((v) => v === 0)).toBe(true);
    const bigger = grown(Int32Array.from([1, 2]), SHARED_FROM_BYTES / 4);
    const copy = fitted(new Int8Array(SHARED_FROM_BYTES * 2).fill(3), SHARED_FROM_BYTES);
    // Shared memory is what keeps a large read from starting a full collection (see `newColumn`).
    for (const column of [fresh, bigger, copy]) expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(bigger.subarray(0, 3))).toEqual([1, 2, 0]);
    expect(copy.length).toBe(SHARED_FROM_BYTES);
    expect(copy.every((v) => v === 3)).toBe(true);
  });

  test('Given columns under a megabyte, then ordinary memory, zero-filled', () => {
    const small = newColumn(Int32Array, SHARED_FROM_BYTES / 4 - 1);
    expect(small.buffer).toBeInstanceOf(ArrayBuffer);
    expect(small.every((v) => v === 0)).toBe(true);
    expect(grown(new Uint8Array(4), 5).buffer).toBeInstanceOf(ArrayBuffer);
  });

  test('Given more lines than the columns were sized for, when added, then every line reads back', () => {
    const lines = new LineColumns(1);
    const f: LineFields = blankLineFields();
    for (let i = 0; i < 100; i++) {
      f.account = lines.texts.idOf(`A${i % 7}`);
      f.row = i;
      f.amountType = i % 3;
      expect(lines.add(f)).toBe(i);
    }
    expect(lines.size).toBe(100);
    expect(lines.row[99]).toBe(99);
    expect(lines.amountType[98]).toBe(2);
    const strings = lines.internTexts();
    expect(strings).toEqual(['', 'A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
    expect(strings[lines.account[99] as number]).toBe('A1');
  });
});

describe('TextIds', () => {
  test('Given texts that differ only in white space or case, when read, then one id per text and one fold id per case', () => {
    const t = new TextIds();
    const a = t.idOf(' 023-05  x ');
    expect(t.idOf('023-05 x')).toBe(a);
    expect(t.text[a]).toBe('023-05 x');
    const upper = t.idOf('023-05 X');
    expect(upper).not.toBe(a);
    expect(t.fold[upper]).toBe(t.fold[a]);
    expect(t.idOf('')).toBe(0);
    expect(t.idOf('   ')).toBe(0);
    expect(t.idAt(3, 'Outlays')).toBe(t.idAt(3, 'Outlays'));
    expect(t.idAt(3, 'BA')).toBe(t.idOf('BA'));
  });

  test('Given thousands of texts, when read, then ids and fold ids grow past their first size', () => {
    const t = new TextIds();
    for (let i = 0; i < 5000; i++) t.idOf(`text ${i}`);
    expect(t.text.length).toBe(5001);
    expect(t.fold[t.idOf('TEXT 4999')]).toBe(t.fold[t.idOf('text 4999')]);
  });
});

describe('LineIndex', () => {
  test('Given 5,000 lines, when indexed, then each is found by its identity in any case, and a near miss is not', () => {
    const lines = new LineColumns(4);
    const index = new LineIndex(lines, 4);
    const f = blankLineFields();
    let foundBeforeAdded = 0;
    for (let i = 0; i < 5000; i++) {
      f.account = lines.texts.idOf(`acct-${i % 50}`);
      f.programActivity = lines.texts.idOf(`pa ${Math.floor(i / 50)}`);
      f.amountType = i % 2;
      if (index.find(f) !== -1) foundBeforeAdded++;
      index.add(lines.add(f));
    }
    expect(foundBeforeAdded).toBe(0);
    const probe = blankLineFields();
    probe.account = lines.texts.idOf('ACCT-7');
    probe.programActivity = lines.texts.idOf('PA 3');
    probe.amountType = 7 % 2;
    expect(index.find(probe)).toBe(157);
    probe.fundingType = 0;
    expect(index.find(probe)).toBe(-1);
    index.add(lines.add(probe));
    expect(index.find(probe)).toBe(5000);
    expect(() => index.add(5000)).toThrow('must follow a find that found nothing');
  });
});

describe('repeated lines', () => {
  /** Lines from small draws: account, program activity (either in any case), category and amount type. */
  const lineDraws = fc.array(
    fc.tuple(fc.nat(5), fc.nat(3), fc.boolean(), fc.nat(1), fc.nat(2), fc.boolean()),
    {
      maxLength: 60,
    },
  );
  const spell = (text: string, upper: boolean) => (upper ? text.toUpperCase() : text);

  function linesOf(
    draws: [number, number, boolean, number, number, boolean][],
    grouped: boolean,
  ): LineColumns {
    const sorted = grouped ? [...draws].sort((a, b) => a[0] - b[0]) : draws;
    const lines = new LineColumns(4);
    const f = blankLineFields();
    for (const [account, pa, upper, category, type, upperAccount] of sorted) {
      f.account = lines.texts.idOf(spell(`acct-${account}`, upperAccount));
      f.programActivity = lines.texts.idOf(spell(`pa ${pa}`, upper));
      f.category = lines.texts.idOf(['Discretionary', 'Mandatory'][category] as string);
      f.amountType = type;
      lines.add(f);
    }
    return lines;
  }

  /** What `repeatedLines` must say, worked out plainly: each line and the first with its identity, in order. */
  function expected(lines: LineColumns): number[] {
    const fold = lines.texts.fold;
    const firstOf = new Map<string, number>();
    const out: number[] = [];
    for (let line = 0; line < lines.size; line++) {
      const k = lines.keyOf(line);
      const key = [k.account, k.programActivity, k.objectClass, k.category].map((id) => fold[id]).join(' ');
      const id = `${key} ${k.amountType} ${k.lineType} ${k.fundingType}`;
      const first = firstOf.get(id);
      if (first === undefined) firstOf.set(id, line);
      else out.push(line, first);
    }
    return out;
  }

  test(`Given lines with each account's together or scattered, then each repeat and its first line, in order (seed ${RUNS.seed})`, () => {
    fc.assert(
      fc.property(lineDraws, fc.boolean(), (draws, grouped) => {
        const lines = linesOf(draws, grouped);
        expect(repeatedLines(lines)).toEqual(expected(lines));
        expect(repeatedAnywhere(lines)).toEqual(expected(lines));
      }),
      RUNS,
    );
  });

  test('Given an account whose lines are together, in another case, with a repeat in its run, then the repeat is found', () => {
    const lines = linesOf(
      [
        [1, 0, false, 0, 0, false],
        [1, 1, false, 0, 0, true],
        [1, 0, true, 0, 0, true],
        [2, 0, false, 0, 0, false],
        [2, 0, false, 0, 1, false],
      ],
      true,
    );
    expect(repeatedLines(lines)).toEqual([2, 0]);
  });
});

describe('clean text', () => {
  /** cellText as it was before the character scan: the RegExp alone. */
  const WHITESPACE_RUN = /^\s|\s$|\s\s|[\t\n\r\f\v\u00a0\u2000-\u200b\u2028\u2029\u3000\ufeff]/;
  const byRegExp = (s: string) => (WHITESPACE_RUN.test(s) ? s.replace(/\s+/g, ' ').trim() : s);
  const chars = fc.constantFrom(...'aZ09 .-\t\n\u00a0\u1680\u2003\u200b\u202f\u3000\ufeffé'.split(''));

  test(`Given any text of spaces, letters and other white space, when read, then exactly as the RegExp reads it (seed ${RUNS.seed})`, () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (cs) => {
        const s = cs.join('');
        expect(cellText(s)).toBe(byRegExp(s));
        if (isPlainText(s)) expect(byRegExp(s)).toBe(s);
      }),
      RUNS,
    );
  });

  test('Given printable ASCII with single spaces, then it is plain; other white space or an edge space is not', () => {
    expect(isPlainText('023-05-0110 Salaries & Expenses')).toBe(true);
    expect(isPlainText('')).toBe(true);
    expect(isPlainText(' a')).toBe(false);
    expect(isPlainText('a  b')).toBe(false);
    expect(isPlainText('a\u00a0b')).toBe(false);
    expect(isPlainText('Café')).toBe(false);
  });
});

describe('reading a Budget into columns', () => {
  test('Given the same line in other case and spacing, when read, then DUPLICATE_BUDGET_LINE points to the first', () => {
    const { model, issues } = readWorkbook(
      minimalWorkbook({
        Budget: grid('Budget', [
          ['Account', 'Program Activity', 'Category', 'FY2018'],
          ['023-05-0110', 'Ops', 'Discretionary', 10],
          ['023-05-0110', ' OPS ', 'discretionary', 5],
          ['023-05-0110', 'Ops', 'Mandatory', 7],
        ]),
      }),
    );
    expect(placesOf(issues, 'DUPLICATE_BUDGET_LINE')).toEqual(['Budget!A3']);
    expect(issuesWith(issues, 'DUPLICATE_BUDGET_LINE')[0]?.message).toContain('Budget!A2');
    expect(model.budget.map((l) => l.programActivity)).toEqual(['Ops', 'OPS', 'Ops']);
  });

  test('Given a Budget of 45,000 lines, then its columns of a megabyte or more are on shared memory (see `newColumn`)', () => {
    const rows = Array.from({ length: 45_000 }, (_, i) => [
      '023-05-0110',
      `PA ${i}`,
      'Discretionary',
      i + 1,
      i + 2,
      i + 3,
    ]);
    const header = ['Account', 'Program Activity', 'Category', 'FY2018', 'FY2019', 'FY2020'];
    const { model } = readWorkbook(minimalWorkbook({ Budget: grid('Budget', [header, ...rows]) }));
    const b = model.budgetColumns;
    expect(b.size).toBe(45_000);
    expect(b.amountValue[3 * 44_999 + 2]).toBe(4_500_200); // $45,002 in cents
    // 135,000 amounts: their values take over a megabyte, each line column under one.
    expect(b.amountValue.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(b.account.buffer).toBeInstanceOf(ArrayBuffer);
  });
});
