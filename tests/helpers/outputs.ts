import type { EngineResult, Issue, OutputCell, OutputTable } from '../../models';
import { issueLocation } from '../../models';

/** Reading engine results the way a person reads the output sheets: by table name and column name. */

export type Record_ = Readonly<Record<string, OutputCell>>;

export function outputTable(result: EngineResult, name: string): OutputTable {
  const table = result.tables.find((t) => t.name === name);
  if (!table) throw new Error(`no output table ${name}; have ${result.tables.map((t) => t.name).join(', ')}`);
  return table;
}

/** Each row as `{ column name: value }`. */
export function records(table: OutputTable): Record_[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.name, row[i] ?? null])));
}

export function rowsOf(result: EngineResult, name: string): Record_[] {
  return records(outputTable(result, name));
}

export function issuesWith(issues: readonly Issue[], code: string): Issue[] {
  return issues.filter((i) => i.code === code);
}

/** Where the issues with this code are, as Excel writes it: `Budget!F17`, `'Cost Pools'!A2`, or a sheet alone. */
export function placesOf(issues: readonly Issue[], code: string): string[] {
  return issuesWith(issues, code).map(issueLocation);
}

export function codes(issues: readonly Issue[]): string[] {
  return [...new Set(issues.map((i) => i.code))].sort();
}

/**
 * The cells issues cover, counting grouped ones: one problem on many cells is one issue at its first cell whose
 * message ends "The same on N more cells: rows A5, A9 and K more." `cells` are those named; `count` all of them.
 */
export function coveredCells(issues: readonly Issue[]): { cells: string[]; count: number } {
  const cells: string[] = [];
  let count = 0;
  for (const i of issues) {
    cells.push(i.cell);
    count += 1;
    const m = /The same on (\d+) more cells: rows ([^.]*?)(?: and \d+ more)?\.$/.exec(i.message);
    if (!m) continue;
    count += Number(m[1]);
    for (const c of (m[2] as string).split(', ')) cells.push(c);
  }
  return { cells, count };
}
