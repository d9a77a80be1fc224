import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addinOrigin, DEV_ORIGIN, manifestFor } from '../../../addin/build/manifest';
import { iconPng } from '../../../addin/build/icons';
import { REQUIRED_EXCEL_API_VERSION } from '../../../addin/excel/requirements';

const root = join(__dirname, '..', '..', '..');
const schema = join(root, 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');

/**
 * Validates against the XSDs offline with xmllint. Missing xmllint is a failure, not a skip: CI installs
 * libxml2-utils (.ci/run), and a manifest that Office refuses is a broken product. (These XSDs predate some
 * newer manifest elements; an element they reject that Microsoft's current docs allow would be a schema gap.)
 */
function xmllint(file: string): { status: number | null; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  if (run.error)
    throw new Error(
      `xmllint is not installed, so the manifest cannot be checked: install libxml2-utils (apt-get install libxml2-utils; .ci/run does it). ${run.error.message}`,
    );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('manifest.xml', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tl-manifest-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is valid against the Office add-in manifest schemas', () => {
    const { status, output } = xmllint(join(root, 'manifest.xml'));
    expect(output).toContain('validates');
    expect(status).toBe(0);
  });

  it('is an Excel task pane with a Home-tab button, ReadWriteDocument, and the ExcelApi set the pane checks for', () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${REQUIRED_EXCEL_API_VERSION}"/>`);
    for (const size of [16, 32, 64, 80]) expect(manifest).toContain(`${DEV_ORIGIN}/assets/icon-${size}.png`);
  });

  it('Given TL_ADDIN_HOST, when built for it, then every URL points there and the manifest is still valid', () => {
    const built = manifestFor(manifest, 'https://throughline.example.gov');
    expect(built).not.toContain('localhost');
    expect(built).toContain('<SourceLocation DefaultValue="https://throughline.example.gov/index.html"/>');
    const file = join(dir, 'manifest.xml');
    writeFileSync(file, built);
    expect(xmllint(file).status).toBe(0);
  });

  it('refuses a host Office would not load', () => {
    expect(addinOrigin(undefined)).toBe(DEV_ORIGIN);
    expect(addinOrigin('https://host.example.gov:8443')).toBe('https://host.example.gov:8443');
    expect(() => addinOrigin('http://host.example.gov')).toThrow(/https/);
    expect(() => addinOrigin('https://host.example.gov/pane')).toThrow(/no path/);
  });

  it('has icons at every size it names, as real PNGs', () => {
    for (const size of [16, 32, 64, 80]) {
      const png = iconPng(size);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });
});
