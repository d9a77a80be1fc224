import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { iconPng } from './icons';
import { manifestFor } from './manifest';

/**
 * `npm run build:addin`: the task pane as static files in addin/dist, which the server serves at `/`.
 * Everything the pane loads comes from there (its script, styles, icons, Office.js itself and the GSA
 * example), so it works offline and under a `'self'`-only content security policy.
 */

const root = join(__dirname, '..', '..');
const addin = join(root, 'addin');
const DIST = join(addin, 'dist');
export const ICON_SIZES = [16, 32, 64, 80] as const;

// Office.js as the npm package ships it, minus the debug builds and the other Office apps' scripts.
const OFFICE_JS = join(root, 'node_modules', '@microsoft', 'office-js', 'dist');
const NOT_FOR_EXCEL = /(\.debug\.js|-vsdoc\.js|\.d\.ts)$|^(access|onenote|outlook|powerpoint|project|word)/;

/** Builds into addin/dist (what the server serves), or into `outDir` (tests build their own copy). */
export async function buildAddin(
  opts: { host?: string; minify?: boolean; outDir?: string } = {},
): Promise<string> {
  const dist = opts.outDir ?? DIST;
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(join(dist, 'assets'), { recursive: true });

  await build({
    entryPoints: [join(addin, 'main.ts')],
    outfile: join(dist, 'taskpane.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Excel on Windows runs add-ins in WebView2 (evergreen Edge), on Mac in the system's WebKit (Safari 15 and
    // later on the macOS versions current Office supports), on the web in the browser.
    target: ['es2020', 'edge100', 'chrome100', 'safari15', 'firefox100'],
    minify: opts.minify ?? true,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
  });
  cpSync(join(addin, 'index.html'), join(dist, 'index.html'));
  const styles = ['base.css', 'results.css'].map((f) => readFileSync(join(addin, 'styles', f), 'utf8'));
  writeFileSync(join(dist, 'taskpane.css'), styles.join('\n'));
  for (const size of ICON_SIZES) writeFileSync(join(dist, 'assets', `icon-${size}.png`), iconPng(size));

  if (!existsSync(OFFICE_JS))
    throw new Error('node_modules/@microsoft/office-js is missing: run npm install.');
  cpSync(OFFICE_JS, join(dist, 'office-js'), {
    recursive: true,
    filter: (source) => !NOT_FOR_EXCEL.test(relative(OFFICE_JS, source).split(/[\\/]/).pop() ?? ''),
  });
  mkdirSync(join(dist, 'examples'), { recursive: true });
  cpSync(join(root, 'examples', 'gsa-fy2018.xlsx'), join(dist, 'examples', 'gsa-fy2018.xlsx'));

  const manifest = manifestFor(readFileSync(join(root, 'manifest.xml'), 'utf8'), opts.host);
  writeFileSync(join(dist, 'manifest.xml'), manifest);
  return dist;
}

if (require.main === module) {
  buildAddin({ host: process.env.TL_ADDIN_HOST }).then(
    (out) => process.stderr.write(`Built the task pane into ${relative(process.cwd(), out)}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
