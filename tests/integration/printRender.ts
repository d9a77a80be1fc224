import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkbookPackage } from '../../server/xlsx/ooxml/workbookPackage';
import { openXlsx } from '../../server/xlsx/package/node';

/**
 * Renders workbooks to PDF with headless LibreOffice and reads the PDF with poppler, for the print tests. Both
 * must be installed (.ci/run installs them): a missing tool fails the test, it never skips it.
 */
export function requireTool(name: string): string {
  try {
    return execFileSync('which', [name], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      `${name} is not installed: the print tests need LibreOffice (soffice) and poppler-utils.`,
    );
  }
}

export interface Pdf {
  /** The temporary folder holding the files: remove it with `cleanup` when done. */
  dir: string;
  pages: number;
  /** Width and height of each page in points. */
  sizes: { width: number; height: number }[];
  /** Each page's text, laid out as printed. */
  text: (page: number) => string;
  /** A page as a PNG at 60 dpi, for a person to look at. */
  png: (page: number, to: string) => void;
}

export function renderPdf(xlsx: Buffer, name = 'book'): Pdf {
  const soffice = requireTool('soffice');
  const pdfinfo = requireTool('pdfinfo');
  const pdftotext = requireTool('pdftotext');
  const dir = mkdtempSync(join(tmpdir(), 'print-'));
  // A profile of its own, so a LibreOffice the user has open (or a parallel test) is not reused.
  const profile = `file://${join(dir, 'profile')}`;
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, xlsx);
  execFileSync(
    soffice,
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const pdf = join(dir, `${name}.pdf`);
  const bytes = readFileSync(pdf); // throws when LibreOffice wrote nothing
  if (bytes.length === 0) throw new Error('LibreOffice wrote an empty PDF');
  const info = execFileSync(pdfinfo, ['-f', '1', '-l', '100000', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  const texts = new Map<number, string>();
  return {
    dir,
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0),
    sizes,
    text: (page) => {
      let t = texts.get(page);
      if (t === undefined) {
        t = execFileSync(pdftotext, ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], {
          encoding: 'utf8',
        });
        texts.set(page, t);
      }
      return t;
    },
    png: (page, to) => {
      const png = execFileSync(requireTool('pdftoppm'), [
        '-png',
        '-r',
        '60',
        '-f',
        `${page}`,
        '-l',
        `${page}`,
        '-singlefile',
        pdf,
      ]);
      writeFileSync(to, png);
    },
  };
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The workbook with only the named sheets left (parts only the others used go with them). */
export async function keepOnlySheets(xlsx: Buffer, keep: readonly string[]): Promise<Buffer> {
  const pkg = await WorkbookPackage.open(await openXlsx(xlsx));
  const drop = pkg
    .sheets()
    .filter((s) => !keep.includes(s.name))
    .map((s) => s.name);
  await pkg.removeSheets(drop, []);
  return pkg.toBuffer();
}
