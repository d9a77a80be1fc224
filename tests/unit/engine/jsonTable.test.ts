import type { OutputColumn, OutputTable } from '../../../models';
import { JsonTableWriter } from '../../../server/engine/tables/jsonTable';
import { JsonWriter } from '../../../server/engine/tables/jsonWriter';
import { type CellRun, TableBuilder, type TableSink } from '../../../server/engine/tables/shape';

/**
 * A table written a cell at a time must come out the same as rows (`TableBuilder`) and as JSON bytes
 * (`JsonTableWriter`): the bytes are `JSON.stringify` of the rows' table, marks and all.
 */

const COLUMNS: OutputColumn[] = [
  { name: 'Account', format: 'text' },
  { name: 'Target', format: 'text' },
  { name: 'Title', format: 'text' },
  { name: 'Share', format: 'share' },
  { name: 'FY2024', format: 'money' },
  { name: 'FY2025', format: 'money' },
  { name: 'Cell', format: 'text' },
];
const STRINGS = ['', '101-01', 'Salaries "and" Expenses', 'Résumé – ’quoted’'];
const TARGET = ['G1', 'Objective 1.1'];

/** Writes the run kept under `key`, or writes it with `write` and keeps it (an empty one as well). */
function run<T>(t: TableSink<T>, kept: Map<string, CellRun>, key: string, write: () => void): void {
  const known = kept.get(key);
  if (known) return t.again(known);
  t.startRun();
  write();
  kept.set(key, t.endRun());
}

/** The same rows, whatever they are made into; runs open rows, sit within them and are given again. */
function writeRows<T>(t: TableSink<T>, links: boolean): T {
  const figures = Float64Array.from([123456, 0, NaN, -5, 20]);
  const kept = new Map<string, CellRun>();
  for (let r = 0; r < 4; r++) {
    run(t, kept, `lead ${r % 2}`, () => t.interned(STRINGS, 1 + (r % 2)));
    run(t, kept, 'none', () => {});
    run(t, kept, `target ${r % 3}`, () => {
      t.text(TARGET[r % 2] as string);
      t.cell(r / 3);
    });
    t.cell(r === 3 ? null : r / 3);
    t.amounts(figures, r, r + 2, { type: r === 2 ? 'FTE' : 'Budget Authority', decimals: 2 });
    t.text(r === 1 ? 'tab\there' : `Budget!A${r + 2}`);
    t.endRow(
      r === 3 ? 'total' : 'detail',
      r === 2 ? 'fte' : null,
      links && r % 2 === 0 ? `Budget!A${r + 2}` : null,
    );
  }
  for (const text of TARGET) t.text(text);
  t.cell(true);
  t.amounts(figures, 0, 2, { type: 'Outlays', decimals: 0 });
  t.cell('');
  t.text('end');
  t.endRow();
  return t.build();
}

describe.each([
  ['plain rows', false, undefined],
  ['rows with links', true, undefined],
  ['rows with links in a column', true, 'Cell'],
])('Given %s', (_, links, linkColumn) => {
  const open = <T>(t: TableSink<T>) => (linkColumn ? t.linkIn(linkColumn) : t);

  test('When written as JSON, Then the bytes are JSON.stringify of the table made as rows', () => {
    const rows: OutputTable = writeRows(open(new TableBuilder('Issues', 'A "title" – here', COLUMNS)), links);
    const out = new JsonWriter(16);
    out.byte(0x5b);
    const bytes = writeRows(open(new JsonTableWriter(out, 'Issues', 'A "title" – here', COLUMNS)), links);
    expect(Buffer.from(bytes).toString('utf8')).toBe(JSON.stringify(rows));
    expect(rows.rowKinds).toContain('total');
    expect(rows.links !== undefined).toBe(links);
  });
});

test('Given a row short of a cell, When it ends, Then both forms refuse it', () => {
  for (const t of [
    new TableBuilder('Issues', 't', COLUMNS),
    new JsonTableWriter(new JsonWriter(), 'Issues', 't', COLUMNS),
  ]) {
    for (const text of ['a', 'b', 'c', 'd', 'e']) t.text(text);
    expect(() => t.endRow()).toThrow('row has 5 cells, table has 7 columns');
  }
});
