import fc from 'fast-check';
import { EngineResult } from '../../models';
import { runEngine } from '../../server/engine';
import { crosswalkXlsx } from '../../server/pipeline';
import { OutputNameConflictError, UnreadableWorkbookError, WorkbookTooLargeError } from '../../server/xlsx';
import { rowsOf } from '../helpers/outputs';
import { exampleBytes, exampleGrids } from '../integration/http/harness';
import { bytesMutation, FUZZ_TIMEOUT, fuzzRun, gridsMutation, mutateGrids, mutateXlsx } from './fuzz';

/** No input crashes or hangs the reader: every file is read or refused in the user's words, every grid computed. */

const REFUSALS = [UnreadableWorkbookError, WorkbookTooLargeError, OutputNameConflictError];

describe('Fuzzing the reader', () => {
  test(
    'Given the GSA example with bytes flipped, cut or its parts edited, When run through the xlsx pipeline, Then it is computed or refused with a known error, never a crash or a hang',
    async () => {
      const gsa = exampleBytes();
      await fc.assert(
        fc.asyncProperty(fc.array(bytesMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
          let bytes = gsa;
          for (const m of mutations) bytes = await mutateXlsx(bytes, m);
          try {
            const { result, output } = await crosswalkXlsx(bytes);
            expect(() => EngineResult.parse(result)).not.toThrow();
            expect(output.length).toBeGreaterThan(0);
          } catch (e) {
            if (!REFUSALS.some((k) => e instanceof k)) throw e;
          }
        }),
        fuzzRun('xlsx reader', 12),
      );
    },
    FUZZ_TIMEOUT,
  );

  test(
    'Given the GSA grids with cells, headers, rows, tables and positions changed at random, When the engine runs, Then it returns a valid result that ties out, never throws',
    async () => {
      const gsa = await exampleGrids();
      fc.assert(
        fc.property(fc.array(gridsMutation, { minLength: 1, maxLength: 12 }), (edits) => {
          const result = runEngine(mutateGrids(gsa, edits));
          expect(() => EngineResult.parse(result)).not.toThrow();
          const totals = rowsOf(result, 'ResourcesByGoal').filter((r) => r.Level === 'Total');
          for (const t of result.summary.budgetTotals) {
            const row = totals.find((r) => r['Amount Type'] === t.amountType);
            expect(row?.[t.series]).toBe(t.amount);
          }
        }),
        fuzzRun('grids engine', 12),
      );
    },
    FUZZ_TIMEOUT,
  );
});
