import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { generateWorkbook } from '../../../bench/generate';
import type { WorkbookGrids } from '../../../models';
import { checkedGrids, gridsOfBody, readGridBody } from '../../../server/http/gridJson';
import { HttpProblem } from '../../../server/http/problems';
import { readWorkbookGrids } from '../../../server/xlsx';

/**
 * The direct reader of a JSON grids body (`gridJson.ts`) either returns exactly what the full path
 * (`parseJson`, the table count, `gridsFromBody`) returns, key order and -0 included, or defers to it; it never
 * accepts a body the full path refuses. The bodies clients send (the bench's agency, the examples) are read
 * without deferring.
 */

const SEED = 20261213;
const RUNS = { numRuns: 3000, seed: SEED } as const;
console.log(`gridJson: fast-check seed ${SEED}, ${RUNS.numRuns} runs`);

/** The full path's answer: the grids, or the problem's slug and detail. */
const fullPath = (bytes: Uint8Array) => outcomeOf(() => checkedGrids(bytes));

function outcomeOf(read: () => WorkbookGrids): WorkbookGrids | { problem: string } {
  try {
    return read();
  } catch (e) {
    if (e instanceof HttpProblem) return { problem: `${e.problem.slug}: ${e.problem.detail ?? ''}` };
    throw e;
  }
}

/** Whether the reader read the body (true) or deferred (false); a result unlike the full path's fails. */
function readsAsFullPath(bytes: Uint8Array): boolean {
  const direct = readGridBody(bytes);
  if (direct === undefined) return false;
  const full = fullPath(bytes);
  expect(full).toEqual(direct); // toEqual tells -0 from 0
  expect(JSON.stringify(direct)).toBe(JSON.stringify(full)); // and this, the order of keys
  return true;
}

const bodyOf = (grids: WorkbookGrids) => Buffer.from(JSON.stringify({ grids }));

/** Every example workbook, and any example grids body. */
const EXAMPLES = readdirSync('examples').filter((f) => f.endsWith('.xlsx') || f.endsWith('.json'));

describe('Given a JSON grids body read straight from its bytes', () => {
  test('When it is the bench agency (5,000 lines) or a small one, Then it is read, not deferred, as the full path reads it', () => {
    for (const lines of [5_000, 10])
      expect(readsAsFullPath(bodyOf(generateWorkbook(lines).grids))).toBe(true);
  });

  test('There are examples to read', () => expect(EXAMPLES.length).toBeGreaterThanOrEqual(2));

  test.each(EXAMPLES)(
    'When it is the example %s as the add-in sends it, Then it is read, not deferred',
    async (file) => {
      const bytes = readFileSync(`examples/${file}`);
      const body = file.endsWith('.json') ? bytes : bodyOf(await readWorkbookGrids(bytes));
      expect(readsAsFullPath(body)).toBe(true);
    },
  );

  test('When a body is laid out with whitespace and its keys in another order, Then it is read as the full path reads it', () => {
    const body =
      '{ "grids" : {\n "tables": [ {"rows": [ [ "a" , -0 , 1.5e3 ] , [ ] ],\t"header":["x", null, true],' +
      ' "topLeft":"B3","sheet":"S","source":"sheet","name":"T"} ] } }\r\n';
    expect(readsAsFullPath(Buffer.from(body))).toBe(true);
    expect(Object.is(readGridBody(Buffer.from(body))?.tables[0]?.rows[0]?.[1], -0)).toBe(true);
  });

  test.each([
    ['a forbidden key', '{"grids":{"tables":[]},"__proto__":{"x":1}}', 'forbidden-key'],
    ['a constructor key', '{"grids":{"tables":[{"constructor":{"prototype":{}}}]}}', 'forbidden-key'],
    ['an object cell', table('[{"date":"2026-01-01"}]'), undefined],
    ['a bad object cell', table('[{"when":"2026-01-01"}]'), 'invalid-body'],
    ['an infinite number', table('[1e400]'), 'invalid-body'],
    ['a leading zero', table('[01]'), 'malformed-json'],
    ['a text over 32,767 characters', table(`["${'x'.repeat(32_768)}"]`), 'invalid-body'],
    ['a malformed UTF-8 byte', withByte(table('["?"]'), '?', 0xff), undefined],
    ['a real U+FFFD', table('["\ufffd"]'), undefined],
    ['a text cut short', '{"grids":{"tables":[{"name":"T","header":["abc', 'malformed-json'],
    ['a bad topLeft', table('[]').replace('"A1"', '"a1"'), 'invalid-body'],
    ['a duplicated key', table('[]').replace('"sheet":"S"', '"sheet":"S","sheet":"T"'), undefined],
    ['an unknown escape', table('["\\x41"]'), 'malformed-json'],
    ['a trailing comma', table('[1,]'), 'malformed-json'],
    ['nothing', '{}', 'invalid-body'],
    ['no tables', '{"grids":{}}', 'invalid-body'],
    ['an empty table', '{"grids":{"tables":[{}]}}', 'invalid-body'],
    ['a table without its rows', table('[]').replace(',"rows":[[]]', ''), 'invalid-body'],
    ['a row cut short where the row above went on', rows('["abcdefgh",1],["abcdefgh",]'), 'malformed-json'],
    ['a row running on where the row above ended', rows('["abcdefgh",1],["abcdefgh",1,]'), 'malformed-json'],
    ['more after the body', `${table('[]')} {}`, 'malformed-json'],
  ])('When it holds %s, Then the reader defers and the full path answers', (_what, body, slug) => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
    expect(readGridBody(bytes)).toBeUndefined();
    const full = fullPath(bytes);
    if (slug) expect('problem' in full ? full.problem.split(':')[0] : full).toBe(slug);
    expect(outcomeOf(() => gridsOfBody(bytes))).toEqual(full);
  });

  test(`When numbers of every shape are read (seed ${SEED}), Then each is the number JSON.parse reads`, () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
    const numberText = fc
      .tuple(
        fc.boolean(),
        fc.oneof(
          fc.constant('0'),
          fc.tuple(fc.integer({ min: 1, max: 9 }), digits(0, 19)).map(([a, b]) => `${a}${b}`),
        ),
        fc.option(digits(1, 20)),
        fc.option(fc.tuple(fc.constantFrom('e', 'E', 'e+', 'e-', 'E-'), fc.integer({ min: 0, max: 400 }))),
      )
      .map(([minus, whole, fraction, exponent]) => {
        const sign = minus ? '-' : '';
        const after = fraction === null ? '' : `.${fraction}`;
        return `${sign}${whole}${after}${exponent === null ? '' : exponent.join('')}`;
      });
    fc.assert(
      fc.property(numberText, (text) => {
        const expected = JSON.parse(text) as number;
        const read = readGridBody(Buffer.from(table(`[${text}]`)))?.tables[0]?.header[0];
        // An infinite number is refused by the models: the reader defers and the full path says so.
        if (!Number.isFinite(expected)) return read === undefined;
        return Object.is(read, expected);
      }),
      { numRuns: 5000, seed: SEED },
    );
    for (const text of ['-0', '1e21', '0.1', '5e-324', '123456789012345678', '1e-400', '0.30000000000000004'])
      expect(
        Object.is(readGridBody(Buffer.from(table(`[${text}]`)))?.tables[0]?.header[0], JSON.parse(text)),
      ).toBe(true);
  });

  test(`When bodies are random, valid or broken (seed ${SEED}), Then each is read as the full path reads it, or deferred`, () => {
    let read = 0;
    let broken = 0;
    fc.assert(
      fc.property(bodyArb, rarely(mutationArb, 3), (text, mutation) => {
        const bytes = mutation ? mutation(Buffer.from(text)) : Buffer.from(text);
        if (mutation) broken++;
        if (readsAsFullPath(bytes)) read++;
      }),
      RUNS,
    );
    // Neither half may pass by doing nothing: most bodies are read, and some are broken.
    expect(read).toBeGreaterThan(RUNS.numRuns / 3);
    expect(broken).toBeGreaterThan(RUNS.numRuns / 10);
  });
});

/** A one-table body with these rows. */
function rows(list: string): string {
  return table('[]').replace('"rows":[[]]', `"rows":[${list}]`);
}

/** The body's bytes with the first `mark` replaced by `byte`. */
function withByte(body: string, mark: string, byte: number): Buffer {
  const bytes = Buffer.from(body);
  bytes[bytes.indexOf(mark)] = byte;
  return bytes;
}

/** A one-table body with this header (and one empty row). */
function table(header: string): string {
  return `{"grids":{"tables":[{"name":"T","source":"table","sheet":"S","topLeft":"A1","header":${header},"rows":[[]]}]}}`;
}

/** Texts that repeat (so cells equal the one above, or are found again by their bytes), with JSON's hard cases. */
const REPEATED = [
  'Budget Authority',
  'Out',
  'Outlays',
  '',
  'a"b',
  'back\\',
  '101-01-000001',
  'é',
  '🧾',
  '\ud800',
];

/**
 * A string as JSON text, each character written as it is or escaped (`\n`, `\u00e9`, `\uD83E\uDDFE`…) at
 * random; a lone surrogate is escaped, but now and then written raw (UTF-8 then holds U+FFFD in its place).
 */
const stringArb = fc
  .tuple(
    fc.oneof(fc.constantFrom(...REPEATED), fc.string({ unit: 'binary', maxLength: 8 })),
    fc.array(fc.nat(12), { minLength: 1, maxLength: 8 }),
  )
  .map(
    ([text, choices]) =>
      `"${Array.from(text, (ch, i) => written(ch, choices[i % choices.length] as number)).join('')}"`,
  );

function written(ch: string, choice: number): string {
  const escapes = (upper: boolean) =>
    ch
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .map((e) => (upper ? e.toUpperCase().replace('\\U', '\\u') : e))
      .join('');
  if (choice === 1 || choice === 2) return escapes(choice === 2);
  if (choice === 3 && ch === '/') return '\\/';
  const code = ch.codePointAt(0) as number;
  const lone = code >= 0xd800 && code <= 0xdfff;
  if ((lone && choice !== 4) || code < 0x20 || ch === '"' || ch === '\\')
    return JSON.stringify(ch).slice(1, -1);
  return ch;
}

const numberArb = fc.oneof(
  fc.constantFrom('-0', '0', '1e21', '0.1', '5e-324', '123456789012345678', '1E+2', '1e400', '-2.50', '7'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
);

const cellArb = fc.oneof(
  { arbitrary: stringArb, weight: 30 },
  { arbitrary: numberArb, weight: 15 },
  { arbitrary: fc.constantFrom('null', 'true', 'false'), weight: 10 },
  {
    arbitrary: fc.constantFrom('{"error":"#REF!"}', '{"date":"2026-01-01"}', '{}', '[]', '{"x":1}'),
    weight: 1,
  },
);

/** JSON whitespace, or none (what clients send), between tokens. */
const spaceArb = fc.constantFrom('', '', '', ' ', '\n  ', '\t', '\r\n');

const listOf = (items: string[], space: string) => `[${space}${items.join(`,${space}`)}${space}]`;

const rowArb = fc.array(cellArb, { maxLength: 5 });

/** Null mostly, now and then a value of `arbitrary` (1 in `odds` + 1). */
function rarely<T>(arbitrary: fc.Arbitrary<T>, odds: number): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: odds }, { arbitrary, weight: 1 });
}

/** One of `valid`, now and then one of `invalid`. */
const mostly = (valid: string[], invalid: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 15 },
    { arbitrary: fc.constantFrom(...invalid), weight: 1 },
  );

const KEY_VALUES = {
  name: mostly(['"Budget"', '"T"', '"Crosswalk \\u00e9"'], ['""', `"${'n'.repeat(256)}"`, '7']),
  source: mostly(['"table"', '"sheet"'], ['"range"']),
  sheet: mostly(['"Budget"', '"S"'], ['""']),
  topLeft: mostly(['"A1"', '"B3"'], ['"a1"', '"A0"']),
};

/**
 * Rows that mostly start as the row above does, as a budget's do: `same` > 0 keeps the row above's cells but
 * its last `same` - 1, then the row's own in their place (0, a row of its own).
 */
function likeTheRowAbove(rows: [string[] | null, number][]): (string[] | null)[] {
  let above: string[] | null = null;
  return rows.map(([own, same]) => {
    const row =
      own && above && same > 0 ? [...above.slice(0, above.length - same + 1), ...own.slice(0, same)] : own;
    above = row;
    return row;
  });
}

const tableArb = fc
  .record({
    ...KEY_VALUES,
    header: rowArb,
    rows: fc.array(
      fc.tuple(
        fc.oneof({ arbitrary: rowArb, weight: 40 }, { arbitrary: fc.constant(null), weight: 1 }),
        fc.nat(3),
      ),
      { maxLength: 6 },
    ),
    extra: rarely(
      fc.constantFrom(
        '"extra":1',
        '"__proto__":{}',
        '"constructor":{}',
        '"name":"again"',
        '"na\\u006de":"T"',
      ),
      12,
    ),
    missing: rarely(fc.constantFrom('name', 'source', 'sheet', 'topLeft', 'header', 'rows'), 15),
    order: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
    space: spaceArb,
  })
  .map((t) => {
    const rows = likeTheRowAbove(t.rows).map((row) => (row === null ? 'null' : listOf(row, t.space)));
    const entries = [
      `"name":${t.name}`,
      `"source":${t.source}`,
      `"sheet":${t.sheet}`,
      `"topLeft":${t.topLeft}`,
      `"header":${listOf(t.header, t.space)}`,
      `"rows":${listOf(rows, t.space)}`,
      ...(t.extra ? [t.extra] : []),
    ].filter((e) => !t.missing || !e.startsWith(`"${t.missing}"`));
    const shuffled = entries
      .map((e, i) => [e, t.order[i] as number] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([e]) => e);
    return `{${t.space}${shuffled.join(`,${t.space}`)}${t.space}}`;
  });

const bodyArb = fc
  .tuple(
    fc.array(tableArb, { maxLength: 3 }),
    spaceArb,
    rarely(fc.constantFrom('"more":1', '"grids":{}'), 15),
    rarely(fc.constantFrom('{}', '{"grids":{}}', '{"grids":{"tables":[]}}'), 30),
  )
  .map(([tables, space, extra, bare]) => {
    const root = [`"grids":{${space}"tables":${listOf(tables, space)}}`, ...(extra ? [extra] : [])];
    return bare ?? `${space}{${root.join(',')}}${space}`;
  });

/** Bytes JSON or UTF-8 may break on: structure, escapes, controls, a stray continuation or lead byte. */
const MUTANT_BYTES = [
  0x22, 0x5c, 0x2c, 0x5b, 0x5d, 0x7b, 0x7d, 0x00, 0x0a, 0xff, 0xc3, 0x80, 0xed, 0xa0, 0x31, 0x2e, 0x65,
];

/** One byte deleted, inserted or replaced somewhere in the body. */
const mutationArb = fc
  .tuple(
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    fc.constantFrom(...MUTANT_BYTES),
    fc.nat(2),
  )
  .map(([where, byte, how]) => (bytes: Buffer): Buffer => {
    const at = Math.floor(where * bytes.length);
    const before = bytes.subarray(0, at);
    if (how === 0) return Buffer.concat([before, bytes.subarray(at + 1)]);
    const after = bytes.subarray(how === 1 ? at : at + 1);
    return Buffer.concat([before, Buffer.from([byte]), after]);
  });
