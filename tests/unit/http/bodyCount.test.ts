import fc from 'fast-check';
import * as gridCount from '../../../server/http/gridCount';
import { answerJson } from '../../../server/http/jsonAnswer';
import { checkGridBodySize, MAX_TABLES } from '../../../server/http/limits';
import { HttpProblem } from '../../../server/http/problems';
import { minimal } from '../../corpus/case';

/**
 * A JSON body is counted from its bytes before it is parsed only when it is large enough to hold more rows or
 * cells than the limits allow; a smaller one goes straight to JSON.parse and has its tables counted after.
 * Either way a body over a limit gets its 413 problem.
 */

const SEED = 20261204;
const DEFAULTS = { maxCells: 2_000_000, maxRows: 1_000_000 };

const slugOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof HttpProblem) return e.problem.slug;
    throw e;
  }
  return undefined;
};

afterEach(() => jest.restoreAllMocks());

describe('Given the request body checks', () => {
  test('When a body is too small to break the row and cell limits, Then it is not counted, and it is answered', () => {
    const count = jest.spyOn(gridCount, 'countGridBody');
    const body = Buffer.from(JSON.stringify({ grids: minimal() }));
    const answer = JSON.parse(answerJson('validate', body, undefined, DEFAULTS).toString('utf8')) as {
      ok: boolean;
    };
    expect(count).not.toHaveBeenCalled();
    expect(answer.ok).toBe(true);
  });

  test('When a small body holds more tables than allowed, Then 413 too-many-tables once it is parsed', () => {
    const count = jest.spyOn(gridCount, 'countGridBody');
    const body = Buffer.from(
      JSON.stringify({ grids: { tables: Array.from({ length: MAX_TABLES + 1 }, () => ({})) } }),
    );
    expect(slugOf(() => answerJson('validate', body, undefined, DEFAULTS))).toBe('too-many-tables');
    expect(count).not.toHaveBeenCalled();
  });

  test('When the limits are low enough for the body to break them, Then it is counted and refused from its bytes', () => {
    const count = jest.spyOn(gridCount, 'countGridBody');
    const body = Buffer.from(
      JSON.stringify({
        grids: {
          tables: [
            {
              header: [],
              rows: [
                [0, 0, 0],
                [0, 0, 0],
              ],
            },
          ],
        },
      }),
    );
    expect(slugOf(() => checkGridBodySize(body, { maxCells: 5, maxRows: 100 }))).toBe('too-many-cells');
    expect(slugOf(() => checkGridBodySize(body, { maxCells: 100, maxRows: 1 }))).toBe('too-many-rows');
    expect(count).toHaveBeenCalledTimes(2);
  });

  test('When any well-formed grids body is counted, Then it holds no more than (bytes + 1) / 2 cells and (bytes + 1) / 3 rows, the bound the skip relies on', () => {
    process.stdout.write(`bodyCount: seed ${SEED}\n`);
    // The smallest cells and rows JSON allows, beside ordinary ones.
    const cell = fc.oneof(
      fc.constant(0),
      fc.constant(''),
      fc.integer(),
      fc.string({ maxLength: 3 }),
      fc.constant(null),
    );
    const row = fc.array(cell, { maxLength: 6 });
    const table = fc.record({
      header: fc.array(cell, { maxLength: 4 }),
      rows: fc.array(row, { maxLength: 8 }),
    });
    fc.assert(
      fc.property(fc.array(table, { maxLength: 4 }), fc.boolean(), (tables, spaced) => {
        const body = Buffer.from(JSON.stringify({ grids: { tables } }, null, spaced ? 1 : undefined));
        const { rows, cells } = gridCount.countGridBody(body);
        expect(cells).toBeLessThanOrEqual((body.length + 1) / 2);
        expect(rows).toBeLessThanOrEqual((body.length + 1) / 3);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
