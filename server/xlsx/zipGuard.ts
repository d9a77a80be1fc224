import { inflateRaw, type InputType, type ZlibOptions } from 'node:zlib';
import { UnreadableWorkbookError, WorkbookTooLargeError } from './errors';

/**
 * Refuses files that are not .xlsx workbooks, or that would unpack to more than we are willing to hold, by
 * reading only the zip's central directory: nothing is inflated, so a zip bomb costs us a few kilobytes of
 * parsing. Declared sizes can lie; this guard stops the honest-but-huge and the classic bombs, and
 * `checkInflatedSizes` then holds every part to the size it declares while inflating it.
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

const LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_HEADER = 0x02014b50;
const ZIP64_EXTRA = 0x0001;
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const U32_MAX = 0xffffffff;

export function checkXlsxZip(input: Buffer | Uint8Array, limits: ZipLimits = {}): ZipSummary {
  const maxBytes = limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED;
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const buf = asBuffer(input);
  refuseNonZip(buf);

  const directory = findDirectory(buf);
  if (directory.entries > maxEntries) throw WorkbookTooLargeError.entries(directory.entries, maxEntries);

  let offset = directory.offset;
  let uncompressedBytes = 0;
  const names = new Set<string>();
  for (let i = 0; i < directory.entries; i++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== DIRECTORY_HEADER) damaged();
    const flags = buf.readUInt16LE(offset + 8);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const end = offset + 46 + nameLength + extraLength + commentLength;
    if (end > buf.length) damaged();
    const name = buf.toString('utf8', offset + 46, offset + 46 + nameLength).replace(/^\//, '');
    const sizes = entrySizes(buf, offset, offset + 46 + nameLength, extraLength);

    if (flags & 1) throw new UnreadableWorkbookError('encrypted');
    if (
      sizes.uncompressed > BOMB_MIN_BYTES &&
      sizes.uncompressed > BOMB_RATIO * Math.max(sizes.compressed, 1)
    ) {
      throw WorkbookTooLargeError.compression(name);
    }
    uncompressedBytes += sizes.uncompressed;
    if (uncompressedBytes > maxBytes) throw WorkbookTooLargeError.bytes(uncompressedBytes, maxBytes);
    names.add(name);
    offset = end;
  }

  if (!names.has('xl/workbook.xml')) {
    throw new UnreadableWorkbookError(names.has('xl/workbook.bin') ? 'xlsb' : 'not-xlsx');
  }
  return { entries: directory.entries, uncompressedBytes };
}

const inflate = (data: InputType, options: ZlibOptions & { maxOutputLength: number }) =>
  new Promise<Buffer>((resolve, reject) =>
    inflateRaw(data, options, (err, out) => (err ? reject(err) : resolve(out))),
  );

const STORED = 0;
const DEFLATED = 8;

/**
 * Declared sizes can lie: a directory may say 1 KB for a part that inflates to gigabytes, which a zip library
 * then inflates whole, into memory, before it notices. So each part is inflated here first (on the thread
 * pool), with the size its directory declares as a hard cap, and a part that holds more than it declares is
 * refused; one that holds less, or cannot be inflated, is damaged. Call after `checkXlsxZip`, which has already
 * bounded the declared sizes.
 */
export async function checkInflatedSizes(input: Buffer | Uint8Array): Promise<void> {
  const buf = asBuffer(input);
  const directory = findDirectory(buf);
  let offset = directory.offset;
  for (let i = 0; i < directory.entries; i++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== DIRECTORY_HEADER) damaged();
    const method = buf.readUInt16LE(offset + 10);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const local = buf.readUInt32LE(offset + 42);
    const name = buf.toString('utf8', offset + 46, offset + 46 + nameLength);
    const sizes = entrySizes(buf, offset, offset + 46 + nameLength, extraLength);
    offset += 46 + nameLength + extraLength + commentLength;

    if (local === U32_MAX || local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL_HEADER) damaged();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + sizes.compressed > buf.length) damaged();
    if (method === STORED) {
      if (sizes.compressed !== sizes.uncompressed) damaged();
      continue;
    }
    if (method !== DEFLATED) damaged();
    let inflated: Buffer;
    try {
      inflated = await inflate(buf.subarray(start, start + sizes.compressed), {
        maxOutputLength: Math.max(1, sizes.uncompressed),
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw WorkbookTooLargeError.undeclared(name);
      damaged();
    }
    // Short of its declared size, the part is cut off; the zip libraries would fail on it later, anywhere.
    if (inflated.length !== sizes.uncompressed) damaged();
  }
}

export function asBuffer(input: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

function refuseNonZip(buf: Buffer): void {
  if (buf.length === 0) throw new UnreadableWorkbookError('empty');
  if (buf.length >= 4 && buf.readUInt32LE(0) === LOCAL_HEADER) return;
  if (buf.length >= 4 && buf.readUInt32LE(0) === END_OF_DIRECTORY)
    throw new UnreadableWorkbookError('not-xlsx');
  if (buf.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    // Excel stores a password-protected .xlsx inside an OLE container; a legacy .xls is one too.
    const encrypted = buf.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new UnreadableWorkbookError(encrypted ? 'encrypted' : 'legacy-xls');
  }
  throw new UnreadableWorkbookError(looksLikeText(buf) ? 'text' : 'not-zip');
}

// Excel's "Unicode Text" and many exports are UTF-16 with a byte-order mark: text, though full of zero bytes.
const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

function looksLikeText(buf: Buffer): boolean {
  if (UTF16_BOMS.some((bom) => buf.subarray(0, 2).equals(bom))) return true;
  const head = buf.subarray(0, 512);
  // Tabs, line breaks and printable bytes only; UTF-8 multibyte sequences are all >= 0x80.
  return head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
}

function findDirectory(buf: Buffer): { entries: number; offset: number } {
  // The end record sits in the last 22 bytes unless the archive has a comment (at most 65,535 bytes).
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= lowest; i--) {
    if (buf.readUInt32LE(i) === END_OF_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) damaged();
  let entries = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);

  const locator = eocd - 20;
  if (
    (entries === 0xffff || offset === U32_MAX) &&
    locator >= 0 &&
    buf.readUInt32LE(locator) === ZIP64_LOCATOR
  ) {
    const record = safeNumber(buf.readBigUInt64LE(locator + 8));
    if (record + 56 > buf.length || buf.readUInt32LE(record) !== ZIP64_END_OF_DIRECTORY) damaged();
    entries = safeNumber(buf.readBigUInt64LE(record + 32));
    offset = safeNumber(buf.readBigUInt64LE(record + 48));
  }
  if (offset > buf.length) damaged();
  return { entries, offset };
}

/** Sizes from a central directory header, taking the 64-bit values from the zip64 extra field when present. */
function entrySizes(
  buf: Buffer,
  header: number,
  extraStart: number,
  extraLength: number,
): { compressed: number; uncompressed: number } {
  let compressed = buf.readUInt32LE(header + 20);
  let uncompressed = buf.readUInt32LE(header + 24);
  if (compressed !== U32_MAX && uncompressed !== U32_MAX) return { compressed, uncompressed };

  for (let p = extraStart; p + 4 <= extraStart + extraLength;) {
    const id = buf.readUInt16LE(p);
    const size = buf.readUInt16LE(p + 2);
    if (id === ZIP64_EXTRA) {
      // Only the fields that overflowed are present, in this order.
      let field = p + 4;
      if (uncompressed === U32_MAX && field + 8 <= p + 4 + size) {
        uncompressed = safeNumber(buf.readBigUInt64LE(field));
        field += 8;
      }
      if (compressed === U32_MAX && field + 8 <= p + 4 + size)
        compressed = safeNumber(buf.readBigUInt64LE(field));
      break;
    }
    p += 4 + size;
  }
  return { compressed, uncompressed };
}

function safeNumber(n: bigint): number {
  // Anything past 2^53 is far beyond every limit, so saturating keeps the comparisons right.
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

function damaged(): never {
  throw new UnreadableWorkbookError('damaged');
}
