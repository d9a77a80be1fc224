import fc from 'fast-check';
import { CellValue } from '../../../models';
import { isCellValue } from '../../../server/http/gridCheck';
import { countGridBody } from '../../../server/http/gridCount';

/**
 * The two quick checks that stand in for zod on big bodies, held to what they stand in for: the byte count
 * agrees with counting the parsed grids, and the cell test agrees with the `CellValue` model. Fixed seeds.
 */
const SEED = 20181010;

/** Text that looks like JSON structure from inside a string: brackets, quotes, escapes, commas. */
const trickyText = fc.oneof(
  fc.string(),
  fc.constantFrom('[', ']', '{', '}', '"', '\\', '\\"', '\\\\', ',', '[[{}]]', 'é', '预算', '\u2028', ''),
);
const cell = fc.oneof(
  fc.constant(null),
  trickyText,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.record({ error: fc.constantFrom('#REF!', '#N/A') }),
  fc.record({ date: fc.constant('2018-10-01') }),
  fc.record({ formula: trickyText }),
);
const table = fc.record({
  name: trickyText,
  source: fc.constantFrom('table', 'sheet'),
  sheet: trickyText,
  topLeft: fc.constant('B3'),
  header: fc.array(cell, { maxLength: 6 }),
  rows: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }),
});

describe('Given the byte count of a grids body', () => {
  test('When any grids are written as JSON (compact or indented), Then it counts their tables, rows and cells exactly', () => {
    process.stdout.write(`gridCount: seed ${SEED}\n`);
    fc.assert(
      fc.property(
        fc.array(table, { maxLength: 4 }),
        fc.constantFrom(undefined, 2, '\t'),
        (tables, indent) => {
          const json = JSON.stringify({ grids: { tables } }, null, indent);
          let rows = 0;
          let cells = 0;
          for (const t of tables) {
            rows += t.rows.length;
            cells += t.header.length;
            for (const r of t.rows) cells += r.length;
          }
          expect(countGridBody(Buffer.from(json))).toEqual({ tables: tables.length, rows, cells });
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  test('When values sit deeper or elsewhere than cells, Then they are not counted', () => {
    const json =
      '{"grids":{"tables":[{"rows":[[{"formula":"[1,2,3]"},[4,5,[6]]]],"x":[[7,8]]}]},"y":[[[9]]]}';
    // Two cells in the one row (the object and the list); `x` sits where rows do, so it counts as rows too.
    expect(countGridBody(Buffer.from(json))).toEqual({ tables: 1, rows: 2, cells: 4 });
  });
});

describe('Given the quick cell test', () => {
  test('When given any JSON value, Then it accepts exactly what the CellValue model accepts', () => {
    process.stdout.write(`isCellValue: seed ${SEED + 1}\n`);
    const value = fc.oneof(
      cell,
      fc.jsonValue(),
      fc.string({ minLength: 32_760, maxLength: 32_775 }),
      fc.constantFrom(Infinity, -Infinity, NaN, -0, {}, [], { error: 1 }, { date: 'x', formula: 'y' }),
      fc.record({ error: fc.string({ maxLength: 70 }) }),
      fc.record({ formula: fc.string({ minLength: 8190, maxLength: 8200 }) }),
      fc.dictionary(fc.constantFrom('error', 'date', 'formula', 'other'), fc.anything(), { maxKeys: 3 }),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(isCellValue(v)).toBe(CellValue.safeParse(v).success);
      }),
      { seed: SEED + 1, numRuns: 1_000 },
    );
  });
});
