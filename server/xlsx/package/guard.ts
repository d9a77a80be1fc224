import { UnreadableWorkbookError, WorkbookTooLargeError } from '../errors';
import { damaged, findDirectory, readEntries, refuseNonZip, type ZipEntryInfo } from './zipDirectory';

/**
 * Refuses files that are not .xlsx workbooks, that would unpack to more than we are willing to hold, or whose
 * part names are unsafe, by reading only the zip's central directory. Declared sizes can lie; this guard stops
 * the honest-but-huge and the classic bombs, and every part read later is held to the size it declares.
 */

export interface ZipLimits {
  /** Sum of the declared uncompressed sizes of all parts. */
  maxUncompressedBytes?: number;
  maxEntries?: number;
}

export interface ZipSummary {
  entries: number;
  uncompressedBytes: number;
}

const MiB = 1024 * 1024;
const DEFAULT_MAX_UNCOMPRESSED = 200 * MiB;
const DEFAULT_MAX_ENTRIES = 10_000;
// A sheet of formatted blank rows compresses very well, so only large parts with an extreme ratio are bombs.
const BOMB_RATIO = 200;
const BOMB_MIN_BYTES = 10 * MiB;

/** The directory checked: its entries (folders left out) and what it declares. */
export interface CheckedDirectory {
  summary: ZipSummary;
  entries: ZipEntryInfo[];
}

export function checkXlsxZip(input: Uint8Array, limits: ZipLimits = {}): ZipSummary {
  return checkDirectory(input, limits).summary;
}

export function checkDirectory(bytes: Uint8Array, limits: ZipLimits = {}): CheckedDirectory {
  refuseNonZip(bytes);
  const directory = findDirectory(bytes);
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (directory.entries > maxEntries) throw WorkbookTooLargeError.entries(directory.entries, maxEntries);

  const all = readEntries(bytes, directory);
  const seen = new Set<string>();
  let uncompressedBytes = 0;
  let macro = false;
  for (const entry of all) {
    if (entry.flags & 1) throw new UnreadableWorkbookError('encrypted');
    if (unsafePartName(entry.name)) throw UnreadableWorkbookError.refused('unsafe-path');
    // Part names are case-insensitive (OPC): two entries for one name let two readers see two different files.
    const key = entry.name.toLowerCase();
    if (seen.has(key)) damaged();
    seen.add(key);
    if (entry.size > BOMB_MIN_BYTES && entry.size > BOMB_RATIO * Math.max(entry.compressedSize, 1))
      throw WorkbookTooLargeError.compression(entry.name);
    uncompressedBytes += entry.size;
    if (uncompressedBytes > enforcedBytes(limits))
      throw WorkbookTooLargeError.bytes(uncompressedBytes, enforcedBytes(limits));
    macro ||= isMacroPart(entry.name);
  }
  if (!seen.has('xl/workbook.xml'))
    throw new UnreadableWorkbookError(seen.has('xl/workbook.bin') ? 'xlsb' : 'not-xlsx');
  if (macro) throw UnreadableWorkbookError.refused('macro-enabled');
  return {
    summary: { entries: directory.entries, uncompressedBytes },
    entries: all.filter((e) => !e.name.endsWith('/')),
  };
}

const enforcedBytes = (limits: ZipLimits) => limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED;

/** A directory already checked, held to other limits (a cached package opened again by another caller). */
export function enforceLimits(summary: ZipSummary, limits: ZipLimits): void {
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (summary.entries > maxEntries) throw WorkbookTooLargeError.entries(summary.entries, maxEntries);
  if (summary.uncompressedBytes > enforcedBytes(limits))
    throw WorkbookTooLargeError.bytes(summary.uncompressedBytes, enforcedBytes(limits));
}

/**
 * A part name a zip tool could write outside its folder, or that names a part two ways: absolute (`/x`, `C:x`),
 * with `..` or `.` segments, empty segments, backslashes (a separator on Windows) or control characters. Office
 * never writes one; a crafted file does ("zip slip").
 */
export function unsafePartName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\')) return true;
  for (let i = 0; i < name.length; i++)
    if (name.charCodeAt(i) < 0x20 || name.charCodeAt(i) === 0x7f) return true;
  const segments = name.split('/');
  if (segments[0]?.includes(':')) return true;
  return segments.some(
    (segment, i) => segment === '..' || segment === '.' || (segment === '' && i !== segments.length - 1),
  );
}

/** A VBA project (and its signature) is the macro code of an .xlsm; in a file named .xlsx it is a disguise. */
function isMacroPart(name: string): boolean {
  const file = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  return file === 'vbaproject.bin' || file === 'vbaprojectsignature.bin';
}
