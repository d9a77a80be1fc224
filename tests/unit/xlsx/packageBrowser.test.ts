import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * The pane's preview reads workbooks through the same package module as the server, in a browser. Bundled the
 * way addin/build bundles the pane, it must need nothing from Node (no zlib, no Buffer, no fs).
 */
describe('The package module in the browser', () => {
  test('Given the pane’s preview, When bundled for the browser, Then it bundles without Node built-ins', async () => {
    const result = await build({
      entryPoints: [join(__dirname, '..', '..', '..', 'addin', 'pane', 'xlsxPreview.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      target: ['es2020', 'safari15'],
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).toContain('vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(code).not.toMatch(/require\(["'](node:)?(zlib|fs|buffer)["']\)/);
    expect(code).not.toMatch(/\bBuffer\.(from|alloc|concat|isBuffer)\b/);
  });
});
