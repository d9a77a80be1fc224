import { UnreadableWorkbookError } from '../errors';

/**
 * The zip's central directory, read from the bytes alone: nothing is inflated, so a zip bomb costs a few
 * kilobytes of parsing. Pure (DataView and TextDecoder, no Buffer), so the pane's preview can use it in a browser.
 */

export interface ZipEntryInfo {
  /** The name as stored (UTF-8). */
  name: string;
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  /** Declared uncompressed size (can lie: see `readEntry`'s cap). */
  size: number;
  /** Offset of the entry's local header. */
  localHeader: number;
}

const LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_HEADER = 0x02014b50;
const ZIP64_EXTRA = 0x0001;
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const U32_MAX = 0xffffffff;
const names = new TextDecoder('utf-8');

export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function damaged(): never {
  throw new UnreadableWorkbookError('damaged');
}

/** Refuses what is not a zip at all (empty, text, an OLE file, ...) with the reason a person needs. */
export function refuseNonZip(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new UnreadableWorkbookError('empty');
  const dv = view(bytes);
  if (bytes.length >= 4 && dv.getUint32(0, true) === LOCAL_HEADER) return;
  if (bytes.length >= 4 && dv.getUint32(0, true) === END_OF_DIRECTORY)
    throw new UnreadableWorkbookError('not-xlsx');
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // Excel stores a password-protected .xlsx inside an OLE container; a legacy .xls is one too.
    throw new UnreadableWorkbookError(includesUtf16(bytes, 'EncryptedPackage') ? 'encrypted' : 'legacy-xls');
  }
  throw new UnreadableWorkbookError(looksLikeText(bytes) ? 'text' : 'not-zip');
}

function includesUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function looksLikeText(bytes: Uint8Array): boolean {
  // Excel's "Unicode Text" and many exports are UTF-16 with a byte-order mark: text, though full of zero bytes.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  // Tabs, line breaks and printable bytes only; UTF-8 multibyte sequences are all >= 0x80.
  return bytes.subarray(0, 512).every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
}

/** Where the central directory starts and how many entries it claims, from the end record (zip64 too). */
export function findDirectory(bytes: Uint8Array): { entries: number; offset: number } {
  const dv = view(bytes);
  // The end record sits in the last 22 bytes unless the archive has a comment (at most 65,535 bytes).
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (dv.getUint32(i, true) === END_OF_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) damaged();
  let entries = dv.getUint16(eocd + 10, true);
  let offset = dv.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (
    (entries === 0xffff || offset === U32_MAX) &&
    locator >= 0 &&
    dv.getUint32(locator, true) === ZIP64_LOCATOR
  ) {
    const record = safeNumber(dv.getBigUint64(locator + 8, true));
    if (record + 56 > bytes.length || dv.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) damaged();
    entries = safeNumber(dv.getBigUint64(record + 32, true));
    offset = safeNumber(dv.getBigUint64(record + 48, true));
  }
  if (offset > bytes.length) damaged();
  return { entries, offset };
}

/**
 * Every central directory entry, in order. Call only after the entry count has been bounded (the guard does):
 * each entry costs a small object.
 */
export function readEntries(
  bytes: Uint8Array,
  directory: { entries: number; offset: number },
): ZipEntryInfo[] {
  const dv = view(bytes);
  const out: ZipEntryInfo[] = [];
  let offset = directory.offset;
  for (let i = 0; i < directory.entries; i++) {
    if (offset + 46 > bytes.length || dv.getUint32(offset, true) !== DIRECTORY_HEADER) damaged();
    const nameLength = dv.getUint16(offset + 28, true);
    const extraLength = dv.getUint16(offset + 30, true);
    const commentLength = dv.getUint16(offset + 32, true);
    const end = offset + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) damaged();
    const nameEnd = offset + 46 + nameLength;
    const sizes = entrySizes(dv, offset, nameEnd, extraLength);
    out.push({
      name: names.decode(bytes.subarray(offset + 46, nameEnd)),
      flags: dv.getUint16(offset + 8, true),
      method: dv.getUint16(offset + 10, true),
      crc32: dv.getUint32(offset + 16, true),
      compressedSize: sizes.compressed,
      size: sizes.uncompressed,
      localHeader: sizes.local,
    });
    offset = end;
  }
  return out;
}

/** The stored (compressed) bytes of an entry, located through its local header. */
export function storedBytes(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const dv = view(bytes);
  const local = entry.localHeader;
  if (local + 30 > bytes.length || dv.getUint32(local, true) !== LOCAL_HEADER) damaged();
  const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
  if (start + entry.compressedSize > bytes.length) damaged();
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Sizes and local header offset, taking the 64-bit values from the zip64 extra field when present. */
function entrySizes(
  dv: DataView,
  header: number,
  extraStart: number,
  extraLength: number,
): { compressed: number; uncompressed: number; local: number } {
  let uncompressed = dv.getUint32(header + 24, true);
  let compressed = dv.getUint32(header + 20, true);
  let local = dv.getUint32(header + 42, true);
  if (compressed !== U32_MAX && uncompressed !== U32_MAX && local !== U32_MAX)
    return { compressed, uncompressed, local };
  for (let p = extraStart; p + 4 <= extraStart + extraLength;) {
    const id = dv.getUint16(p, true);
    const size = dv.getUint16(p + 2, true);
    if (id === ZIP64_EXTRA) {
      // Only the fields that overflowed are present, in this order.
      let field = p + 4;
      const end = p + 4 + size;
      if (uncompressed === U32_MAX && field + 8 <= end) {
        uncompressed = safeNumber(dv.getBigUint64(field, true));
        field += 8;
      }
      if (compressed === U32_MAX && field + 8 <= end) {
        compressed = safeNumber(dv.getBigUint64(field, true));
        field += 8;
      }
      if (local === U32_MAX && field + 8 <= end) local = safeNumber(dv.getBigUint64(field, true));
      break;
    }
    p += 4 + size;
  }
  return { compressed, uncompressed, local };
}

function safeNumber(n: bigint): number {
  // Anything past 2^53 is far beyond every limit, so saturating keeps the comparisons right.
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}
