import fc from 'fast-check';
import type { EngineResult, OutputCell } from '../../models';
import { runEngine } from '../../server/engine';
import { crosswalkXlsx } from '../../server/pipeline';
import { readWorkbookGrids, writeCrosswalkWorkbook } from '../../server/xlsx';
import { gridsXlsx } from '../corpus/case';
import { rowsOf } from '../helpers/outputs';
import { shuffleRows, typedInModel, workbookArb, YEARS } from './arbitraries';

/**
 * Properties of the whole run on random valid workbooks: nothing is created or lost (to the cent), the same
 * input gives the same output, row order changes nothing but order, and running on its own output gives the
 * same output. Seeds are fixed, so a failure reproduces; fast-check prints the smallest workbook that fails.
 */

const RUNS = { numRuns: 60, seed: 20181001 } as const;
const XLSX_RUNS = { numRuns: 25, seed: 20181002 } as const;

/** A shown amount back in minor units of the workbook (FTE in tenths). */
const minor = (shown: OutputCell, type: string, decimals: number): bigint =>
  BigInt(Math.round((shown as number) * 10 ** (type === 'FTE' ? 1 : decimals)));

const READ_PROBLEMS = [
  'AMOUNT_INVALID',
  'AMOUNT_OUT_OF_RANGE',
  'AMOUNT_ROUNDED',
  'SHARE_INVALID',
  'CROSSWALK_SHARES_NOT_100',
  'DUPLICATE_ID',
];

const amountTypes = (r: EngineResult) => [...new Set(r.summary.budgetTotals.map((t) => t.amountType))];

describe('Properties of the crosswalk on random valid workbooks', () => {
  test('Conservation: Given any workbook, When crosswalked and pools allocated, Then every dollar typed is in exactly one place, to the cent', () => {
    fc.assert(
      fc.property(workbookArb, (g) => {
        const result = runEngine(g.grids);
        const decimals = result.money.decimals;
        // Valid as typed: every amount and share read (pools may still be unallocatable; their money stays put).
        expect(result.issues.filter((i) => READ_PROBLEMS.includes(i.code))).toEqual([]);
        const resources = rowsOf(result, 'ResourcesByGoal');
        const detail = rowsOf(result, 'CrosswalkDetail');
        for (const type of ['Budget Authority', 'Obligations', 'Gross Outlays', 'FTE']) {
          YEARS.forEach((year, y) => {
            const label = g.labels[y] as string;
            const typed = typedInModel(g, type, year, decimals);
            const rows = resources.filter((r) => r['Amount Type'] === type);
            const sum = (level: (l: string) => boolean) =>
              rows
                .filter((r) => level(r.Level as string))
                .reduce((s, r) => s + minor(r[label] ?? 0, type, decimals), 0n);
            // Where money ends: objectives, goal-level, pools left unallocated, Unmapped, receipts and
            // eliminations. Goal rows are subtotals.
            expect({ type, label, leaves: sum((l) => l !== 'Goal' && l !== 'Total') }).toEqual({
              type,
              label,
              leaves: typed,
            });
            expect({ type, label, total: sum((l) => l === 'Total') }).toEqual({ type, label, total: typed });
            const direct = detail
              .filter((r) => r['Amount Type'] === type)
              .reduce((s, r) => s + minor(r[label] ?? 0, type, decimals), 0n);
            expect({ type, label, direct }).toEqual({ type, label, direct: typed });
            // Receipts and intra-agency amounts are never allocated: not to goals, not to Unmapped.
            const apart = rows
              .filter((r) => r.Level === 'Receipts' || r.Level === 'Eliminations')
              .reduce((s, r) => s + minor(r[label] ?? 0, type, decimals), 0n);
            expect({ type, label, apart }).toEqual({
              type,
              label,
              apart: typedInModel(g, type, year, decimals, 'apart'),
            });
          });
        }
      }),
      RUNS,
    );
  });

  test('Determinism: Given any workbook, When run twice, Then the output tables and the written workbook are the same bytes', async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (g) => {
        const first = runEngine(g.grids);
        const second = runEngine(structuredClone(g.grids));
        expect(JSON.stringify(second.tables)).toBe(JSON.stringify(first.tables));
        const input = await gridsXlsx(g.grids);
        const a = await writeCrosswalkWorkbook(input, first.tables, first.money);
        const b = await writeCrosswalkWorkbook(input, second.tables, second.money);
        expect(b.equals(a)).toBe(true);
      }),
      XLSX_RUNS,
    );
  });

  test('Order independence: Given any workbook, When its Budget, Crosswalk and Results rows are shuffled, Then every total and every detail row is the same, only in another order', () => {
    fc.assert(
      fc.property(workbookArb, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (g, keys) => {
        const before = runEngine(g.grids);
        const after = runEngine(shuffleRows(g.grids, ['Budget', 'Crosswalk', 'Results'], keys));
        expect(totalsByPlace(after)).toEqual(totalsByPlace(before));
        expect(detailRows(after)).toEqual(detailRows(before));
        expect(codes(after)).toEqual(codes(before));
        expect(amountTypes(after).sort()).toEqual(amountTypes(before).sort());
      }),
      RUNS,
    );
  });

  test('Idempotence: Given any workbook, When the pipeline runs on its own output workbook, Then the output tables are the same', async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (g) => {
        const first = await crosswalkXlsx(await gridsXlsx(g.grids));
        const again = await crosswalkXlsx(first.output);
        expect(JSON.stringify(again.result.tables)).toBe(JSON.stringify(first.result.tables));
        // The written sheets read back the same too.
        const names: string[] = first.result.tables.map((t) => t.name);
        const tablesIn = async (bytes: Buffer) =>
          (await readWorkbookGrids(bytes)).tables.filter(
            (t) => t.source === 'table' && names.includes(t.name),
          );
        expect(await tablesIn(again.output)).toEqual(await tablesIn(first.output));
      }),
      XLSX_RUNS,
    );
  });
});

/** ResourcesByGoal as `level|goal|objective|name|type` → its amounts by year. */
function totalsByPlace(result: EngineResult): Record<string, unknown> {
  return Object.fromEntries(
    rowsOf(result, 'ResourcesByGoal').map((r) => [
      [r.Level, r['Goal ID'], r['Objective ID'], r.Name, r['Amount Type']].join('|'),
      YEARS.map((y) => r[`FY${y}`] ?? null),
    ]),
  );
}

/** CrosswalkDetail without the cells it came from (rows move when shuffled), sorted. */
function detailRows(result: EngineResult): string[] {
  return rowsOf(result, 'CrosswalkDetail')
    .map((r) => {
      const { Rule: _rule, Source: _source, ...rest } = r;
      return JSON.stringify(rest);
    })
    .sort();
}

/** Issue codes as a multiset (their cells move with the rows). */
const codes = (result: EngineResult) => result.issues.map((i) => `${i.severity} ${i.code}`).sort();
