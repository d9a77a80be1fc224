import fc from 'fast-check';
import JSZip from 'jszip';
import type { CellValue, WorkbookGrids } from '../../models';
import { writeZip } from '../../server/xlsx/ooxml/zipWriter';

/**
 * Shared pieces of the fuzz targets and mutators for workbook bytes and grids.
 *
 * In `npm test` (and CI) each target runs a fixed number of cases (its own, or FUZZ_RUNS) from a fixed seed, so
 * the suite is the same on every machine however loaded: a time box once ran zero cases on a busy machine and
 * failed, and a fresh seed per run could fail a landing at random. To explore, give FUZZ_SECONDS (a time box,
 * with a fresh seed unless FUZZ_SEED is given); every run prints its seed, and FUZZ_SEED replays it.
 */

const EXPLORE_SECONDS = process.env.FUZZ_SECONDS ? Number(process.env.FUZZ_SECONDS) : null;
export const FUZZ_SEED = Number(
  process.env.FUZZ_SEED ?? (EXPLORE_SECONDS === null ? 20_261_203 : Date.now() % 2 ** 31),
);
const FUZZ_RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : null;
export const FUZZ_MS = 1000 * (EXPLORE_SECONDS ?? 0);

/** `runs`: how many cases the target runs in `npm test` (a whole workbook costs more than an amount cell). */
export function fuzzRun(target: string, runs = 40): fc.Parameters<unknown> {
  // Printed so a failing run can be replayed: FUZZ_SEED=<seed> npx jest tests/fuzz -t '<target>'.
  if (EXPLORE_SECONDS === null) {
    const numRuns = FUZZ_RUNS ?? runs;
    process.stdout.write(`fuzz ${target}: seed ${FUZZ_SEED}, ${numRuns} runs\n`);
    return { seed: FUZZ_SEED, numRuns };
  }
  process.stdout.write(`fuzz ${target}: seed ${FUZZ_SEED}, ${EXPLORE_SECONDS} s\n`);
  return {
    seed: FUZZ_SEED,
    numRuns: 10_000_000,
    interruptAfterTimeLimit: FUZZ_MS,
    markInterruptAsFailure: false,
  };
}

/** A jest timeout that leaves room for the runs (or the time box) on a slow machine. */
export const FUZZ_TIMEOUT = FUZZ_MS + 180_000;

/** Cell values of every kind the wire format allows, weighted toward the awkward ones. */
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    ' ',
    '-',
    '—',
    '(1,234)',
    '$1,234.56',
    '40%',
    '1e308',
    '-0',
    'FY2018',
    '2018',
    '=HYPERLINK("x")',
    '\u0000',
    '\uffff',
    '1.1',
    'G1',
    'BA',
    'FTE',
    'Reciprocal',
    'Thousands',
    'Driver',
    'Best Allocation',
    'Expression',
    'funding^1e308',
    '1'.repeat(400),
  ),
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1e-320, 2 ** 53 + 2, Number.MAX_VALUE, 0.1 + 0.2, 2018, 0.5, 100),
  fc.boolean(),
  fc.constantFrom<CellValue>(
    { error: '#REF!' },
    { error: '#DIV/0!' },
    { date: '2018-10-01' },
    { date: 'not a date' },
    { formula: '=SUM(A1:A9)' },
    { formula: '' },
  ),
);

/** One random edit of a workbook's grids: a cell, a header, a row, a table, a name or a position. */
export const gridsMutation = fc.record({
  table: fc.nat(),
  row: fc.nat(),
  column: fc.nat(),
  kind: fc.constantFrom(
    'cell',
    'cell',
    'cell',
    'header',
    'dropRow',
    'copyRow',
    'dropTable',
    'rename',
    'move',
  ),
  value: cellValue,
  name: fc.constantFrom(
    'Budget',
    'Crosswalk',
    'Goals',
    'Objectives',
    'Cost Pools',
    'Drivers',
    'Scenarios',
    'x',
  ),
  topLeft: fc.constantFrom('A1', 'B3', 'Z99', 'XFD1048576', 'AAA1'),
});
export type GridsMutation = typeof gridsMutation extends fc.Arbitrary<infer T> ? T : never;

export function mutateGrids(grids: WorkbookGrids, edits: readonly GridsMutation[]): WorkbookGrids {
  const tables = structuredClone(grids.tables);
  for (const m of edits) {
    const t = tables[m.table % Math.max(1, tables.length)];
    if (!t) continue;
    const r = t.rows.length > 0 ? m.row % t.rows.length : 0;
    switch (m.kind) {
      case 'cell': {
        const row = t.rows[r] ?? [];
        row[m.column % Math.max(1, row.length + 1)] = m.value;
        for (let i = 0; i < row.length; i++) row[i] ??= null;
        t.rows[r] = row;
        break;
      }
      case 'header':
        t.header[m.column % Math.max(1, t.header.length)] = m.value;
        break;
      case 'dropRow':
        t.rows.splice(r, 1);
        break;
      case 'copyRow':
        if (t.rows[r]) t.rows.push([...(t.rows[r] as CellValue[])]);
        break;
      case 'dropTable':
        tables.splice(m.table % tables.length, 1);
        break;
      case 'rename':
        t.name = m.name;
        t.sheet = m.name;
        break;
      case 'move':
        t.topLeft = m.topLeft;
        break;
    }
  }
  return { tables };
}

/** One random edit of an .xlsx: flip bytes, truncate, or edit, drop or duplicate a part and zip it again. */
export const bytesMutation = fc.record({
  kind: fc.constantFrom('flip', 'truncate', 'editPart', 'editPart', 'editPart', 'dropPart', 'swapParts'),
  at: fc.nat(),
  count: fc.integer({ min: 1, max: 16 }),
  other: fc.nat(),
  text: fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      '<',
      '>',
      '"',
      '&',
      '<c r="A1" t="s"><v>999999</v></c>',
      '</row>',
      'r="XFD9999999"',
      '\u0000',
    ),
  ),
});
export type BytesMutation = typeof bytesMutation extends fc.Arbitrary<infer T> ? T : never;

export async function mutateXlsx(bytes: Buffer, m: BytesMutation): Promise<Buffer> {
  switch (m.kind) {
    case 'flip': {
      const out = Buffer.from(bytes);
      for (let i = 0; i < m.count; i++) {
        const at = (m.at + i * 7919 * (m.other + 1)) % out.length;
        out[at] = (out[at] as number) ^ (1 + ((m.other + i) % 255));
      }
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, m.at % bytes.length);
    default:
      // A file an earlier mutation already broke has no parts to edit: it goes on as it is.
      return editParts(bytes, m).catch(() => bytes);
  }
}

async function editParts(bytes: Buffer, m: BytesMutation): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  const name = names[m.at % names.length] as string;
  const parts = new Map<string, Buffer>();
  for (const n of names) parts.set(n, await (zip.file(n) as JSZip.JSZipObject).async('nodebuffer'));
  if (m.kind === 'dropPart') parts.delete(name);
  else if (m.kind === 'swapParts') {
    const other = names[m.other % names.length] as string;
    const a = parts.get(name) as Buffer;
    parts.set(name, parts.get(other) as Buffer);
    parts.set(other, a);
  } else {
    const text = (parts.get(name) as Buffer).toString('utf8');
    const at = m.other % Math.max(1, text.length);
    parts.set(name, Buffer.from(text.slice(0, at) + m.text + text.slice(at + m.count)));
  }
  return writeZip([...parts].map(([n, data]) => ({ name: n, data })));
}
