/**
 * One-off: copies the public source rows the GSA example needs into examples/data/, so that the example
 * builder (and CI) never read anything outside the repository. Kept for provenance; rerun it only to refresh
 * the copies from a checkout of the sources described in examples/data/SOURCES.md:
 *
 *   npx tsx examples/extract-gsa-sources.ts <data dir holding omb-pbd-fy2017/ and gsa/>
 *
 * - omb-pbd-fy2017/budauth.csv and outlays.csv: the header record plus every record whose Agency Code is 023
 *   (GSA), written out as the original bytes of each record (quoting and CRLF line endings untouched).
 * - gsa/gsa-fy2018-apr.csv: copied unchanged.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const GSA_AGENCY_CODE = '023';
const OUT_DIR = join(__dirname, 'data');

/** Keeps the header record and the records of one agency, byte for byte. Returns how many records were kept. */
function filterAgency(source: string, target: string): number {
  const bytes = readFileSync(source);
  // With `info: true` each record comes with the byte offset where it ends (csv-parse's typings omit this form).
  const records = parse(bytes, { info: true }) as unknown as { record: string[]; info: { bytes: number } }[];
  const header = records[0]?.record;
  const agencyColumn = header?.indexOf('Agency Code') ?? -1;
  if (!header || agencyColumn < 0) throw new Error(`${source}: no "Agency Code" column in the header`);
  const kept: Buffer[] = [];
  let start = 0;
  let count = 0;
  records.forEach(({ record, info }, i) => {
    const raw = bytes.subarray(start, info.bytes);
    start = info.bytes;
    if (i === 0 || record[agencyColumn] === GSA_AGENCY_CODE) {
      kept.push(raw);
      if (i > 0) count += 1;
    }
  });
  if (start !== bytes.length) throw new Error(`${source}: ${bytes.length - start} trailing bytes not parsed`);
  writeFileSync(target, Buffer.concat(kept));
  return count;
}

function main(): void {
  const dataDir = process.argv[2];
  if (!dataDir) {
    console.error(
      'usage: npx tsx examples/extract-gsa-sources.ts <data dir holding omb-pbd-fy2017/ and gsa/>',
    );
    process.exit(2);
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const file of ['budauth.csv', 'outlays.csv']) {
    const n = filterAgency(join(dataDir, 'omb-pbd-fy2017', file), join(OUT_DIR, `omb-pbd-fy2017-${file}`));
    console.log(`${file}: header + ${n} records for agency ${GSA_AGENCY_CODE}`);
  }
  // Bytes only (not the source's file mode, which may be read-only).
  writeFileSync(
    join(OUT_DIR, 'gsa-fy2018-apr.csv'),
    readFileSync(join(dataDir, 'gsa', 'gsa-fy2018-apr.csv')),
  );
  console.log('gsa-fy2018-apr.csv: copied');
}

main();
