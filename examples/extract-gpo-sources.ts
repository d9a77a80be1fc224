/**
 * One-off: copies the Government Publishing Office's schedule lines from the FY2027 Budget Appendix transcription
 * into examples/data/, so that the GPO example builder (and CI) never read anything outside the repository.
 * Kept for provenance; rerun it only to refresh the copy from the source described in examples/data/SOURCES.md:
 *
 *   npx tsx examples/extract-gpo-sources.ts <data dir holding appendix-fy2027/>
 *
 * - appendix-fy2027/pf-schedules.csv: the header record plus every record whose agency is the Government
 *   Publishing Office, written out as the original bytes of each record (quoting and line endings untouched).
 * - appendix-fy2027/LICENSE-crossfoot: copied unchanged; the transcription's MIT notice travels with the copy.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyRecordsWhere } from './sourceRecords';

const AGENCY = 'Government Publishing Office';
const OUT_DIR = join(__dirname, 'data');

function main(): void {
  const dataDir = process.argv[2];
  if (!dataDir) {
    console.error('usage: npx tsx examples/extract-gpo-sources.ts <data dir holding appendix-fy2027/>');
    process.exit(2);
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const n = copyRecordsWhere(
    join(dataDir, 'appendix-fy2027', 'pf-schedules.csv'),
    join(OUT_DIR, 'appendix-fy2027-gpo.csv'),
    'agency',
    AGENCY,
  );
  console.log(`pf-schedules.csv: header + ${n} records for ${AGENCY}`);
  // Bytes only (not the source's file mode, which may be read-only).
  writeFileSync(
    join(OUT_DIR, 'LICENSE-crossfoot'),
    readFileSync(join(dataDir, 'appendix-fy2027', 'LICENSE-crossfoot')),
  );
  console.log('LICENSE-crossfoot: copied');
}

main();
