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
import { copyRecordsWhere } from './sourceRecords';

const GSA_AGENCY_CODE = '023';
const OUT_DIR = join(__dirname, 'data');

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
    const n = copyRecordsWhere(
      join(dataDir, 'omb-pbd-fy2017', file),
      join(OUT_DIR, `omb-pbd-fy2017-${file}`),
      'Agency Code',
      GSA_AGENCY_CODE,
    );
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
