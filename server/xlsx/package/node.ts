import { inflateRaw } from 'node:zlib';
import { UnreadableWorkbookError, WorkbookTooLargeError } from '../errors';
import { enforceLimits, type ZipLimits } from './guard';
import { XlsxPackage, type Inflate } from './xlsxPackage';

/**
 * The package module on Node: native zlib on the thread pool, every part's size verified when opened, and one
 * package per input buffer. The pipeline hands the same bytes to the reader (guard, exceljs, blank formulas) and
 * then to the writer, so the zip is opened and checked once per request. Bytes are taken as immutable.
 */

/**
 * Inflates on the thread pool with the declared size as a hard cap: a part holding more is never held whole.
 * One output chunk a byte longer than the declared size takes the whole part, so zlib neither calls back per
 * 16 KiB nor copies the chunks into one buffer at the end, and a part holding more overflows the first chunk.
 */
export const inflateNode: Inflate = (data, size, part) =>
  new Promise((resolve, reject) =>
    inflateRaw(
      data,
      { maxOutputLength: Math.max(1, size), chunkSize: Math.max(64, size + 1) },
      (err, out) => {
        if (err) {
          const tooLarge = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
          reject(tooLarge ? WorkbookTooLargeError.undeclared(part) : new UnreadableWorkbookError('damaged'));
        } else if (out.length !== size) {
          // Short of its declared size, the part is cut off; the zip libraries would fail on it later, anywhere.
          reject(new UnreadableWorkbookError('damaged'));
        } else resolve(out);
      },
    ),
  );

const opened = new WeakMap<object, Promise<XlsxPackage>>();

/**
 * The package for these bytes, opened (and checked) on first use. A later caller that passes limits has them
 * applied to what the first one found; one that passes none takes the package as the first caller accepted it.
 */
export async function openXlsx(input: Buffer | Uint8Array, limits?: ZipLimits): Promise<XlsxPackage> {
  let pkg = opened.get(input);
  if (!pkg) {
    pkg = XlsxPackage.open(input, { inflate: inflateNode, limits, verifySizes: true });
    opened.set(input, pkg);
    return pkg;
  }
  const known = await pkg;
  if (limits) enforceLimits(known.summary, limits);
  return known;
}

export function asBuffer(input: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}
