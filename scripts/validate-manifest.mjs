#!/usr/bin/env node
// `npm run validate`: checks the add-in manifest (and the built one, when there is one) against the Office
// add-in manifest XSDs, offline, with xmllint. The online validator (`office-addin-manifest validate`) needs
// a network this project's machines do not have.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = join(root, 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
const given = process.argv.slice(2);
const files =
  given.length > 0 ? given : [join(root, 'manifest.xml'), join(root, 'addin', 'dist', 'manifest.xml')];

let failed = false;
for (const file of files) {
  if (!existsSync(file)) {
    if (given.length > 0) {
      process.stderr.write(`${file}: no such file\n`);
      failed = true;
    }
    continue;
  }
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  if (run.error) {
    process.stderr.write(
      'xmllint is not installed: run `apt-get install libxml2-utils` (bash .ci/run does this).\n',
    );
    process.exit(2);
  }
  const shown = relative(process.cwd(), file) || file;
  if (run.status === 0) process.stdout.write(`${shown}: valid\n`);
  else {
    failed = true;
    process.stderr.write(run.stderr);
  }
}
process.exit(failed ? 1 : 0);
