import { inflateSync } from 'fflate';
import { UnreadableWorkbookError, WorkbookTooLargeError } from '../errors';
import type { Inflate } from './xlsxPackage';

/**
 * Inflating in JavaScript, for the pane in a browser (Safari 15 has no DecompressionStream). The output buffer is
 * one byte longer than the part declares, so a part holding more fills it and is refused, never grown.
 */
export const inflateJs: Inflate = async (data, size, part) => {
  let out: Uint8Array;
  try {
    out = inflateSync(data, { out: new Uint8Array(size + 1) });
  } catch (cause) {
    throw new UnreadableWorkbookError('damaged', { cause });
  }
  if (out.length > size) throw WorkbookTooLargeError.undeclared(part);
  if (out.length < size) throw new UnreadableWorkbookError('damaged');
  return out;
};
