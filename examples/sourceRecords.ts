import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/**
 * Copies the header record and the records whose `column` holds `value` from one CSV to another, each as the
 * original bytes (quoting and line endings untouched), so an example's copy of public data is the source's own
 * text. Returns how many records were kept.
 */
export function copyRecordsWhere(source: string, target: string, column: string, value: string): number {
  const bytes = readFileSync(source);
  // With `info: true` each record comes with the byte offset where it ends (csv-parse's typings omit this form).
  const records = parse(bytes, { info: true }) as unknown as { record: string[]; info: { bytes: number } }[];
  const header = records[0]?.record;
  const at = header?.indexOf(column) ?? -1;
  if (!header || at < 0) throw new Error(`${source}: no "${column}" column in the header`);
  const kept: Buffer[] = [];
  let start = 0;
  let count = 0;
  records.forEach(({ record, info }, i) => {
    const raw = bytes.subarray(start, info.bytes);
    start = info.bytes;
    if (i === 0 || record[at] === value) {
      kept.push(raw);
      if (i > 0) count += 1;
    }
  });
  if (start !== bytes.length) throw new Error(`${source}: ${bytes.length - start} trailing bytes not parsed`);
  writeFileSync(target, Buffer.concat(kept));
  return count;
}
