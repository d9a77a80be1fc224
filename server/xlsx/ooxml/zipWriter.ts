import { once } from 'node:events';
import { promisify } from 'node:util';
import { createGzip, crc32, deflateRaw, deflateRawSync, type ZlibOptions } from 'node:zlib';

/**
 * Writes a zip with Node's native deflate, in zlib's thread pool: a big sheet is compressed a megabyte at a
 * time while the next megabyte is written (see deflatePart), and the small parts are compressed side by side.
 * Parts copied from the input keep their stored bytes (no inflate, no deflate: a user's sheet goes out exactly
 * as it came in). Entries carry a fixed 1980-01-01 timestamp, so the same parts give the same bytes. No zip64:
 * a workbook or a part past 4 GB is refused (the engine's limits stop a workbook long before that).
 */
export type ZipEntry =
  | { name: string; data: Buffer }
  /** A part already compressed: copied from the input as stored, or deflated by deflatePart. */
  | { name: string; stored: StoredPart };

/** A part's bytes as the zip holds them, with the method, CRC and size its directory entries give. */
export interface StoredPart {
  data: Uint8Array | readonly Uint8Array[];
  method: number;
  crc32: number;
  size: number;
}

const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const FIXED_DOS_TIME = 0;
const ZIP32_MAX = 0xffffffff;
const DEFLATE = 8;
/** Big parts favour speed; small ones (most of an input workbook) favour size. Both are ordinary DEFLATE. */
const FAST_LEVEL = 1;
const SMALL_LEVEL = 6;
const BIG_PART = 4 * 2 ** 20;
/** A gzip member is a 10-byte header, raw DEFLATE, then the CRC-32 and the size (4 bytes each). */
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

const deflateRawAsync = promisify(deflateRaw) as (data: Buffer, options: ZlibOptions) => Promise<Buffer>;

/**
 * Compresses a part given in chunks, as they are made. One chunk is compressed in one call; more go through a
 * gzip stream at the fast level, fed a chunk at a time: zlib works on one chunk in its thread pool while the
 * caller's generator makes the next, and gzip computes the CRC there too (its trailer holds it; the raw
 * DEFLATE between header and trailer is exactly what a zip entry stores).
 */
export async function deflatePart(chunks: Iterable<Buffer>): Promise<StoredPart> {
  const it = chunks[Symbol.iterator]();
  const first = it.next();
  const second = first.done ? first : it.next();
  if (second.done) {
    const data = first.done ? Buffer.alloc(0) : first.value;
    return storedOf(data, await deflateRawAsync(data, { level: levelFor(data.length) }));
  }
  // A chunk or two may wait while zlib works on another; more than that and the writer waits for zlib.
  const gzip = createGzip({
    level: FAST_LEVEL,
    chunkSize: 1 << 20,
    writableHighWaterMark: 4 << 20,
  } as ZlibOptions);
  const out: Buffer[] = [];
  gzip.on('data', (b: Buffer) => out.push(b));
  const ended = once(gzip, 'end');
  let size = 0;
  const feed = async (chunk: Buffer) => {
    size += chunk.length;
    if (!gzip.write(chunk)) await once(gzip, 'drain');
    // Lets zlib's finished work come back (and the next chunk start) before the next chunk is made.
    else await new Promise((resolve) => setImmediate(resolve));
  };
  await feed(first.value as Buffer);
  await feed(second.value);
  for (let next = it.next(); !next.done; next = it.next()) await feed(next.value);
  gzip.end();
  await ended;
  return fromGzip(out, size);
}

/** The raw DEFLATE and CRC-32 inside a gzip member given in pieces (its trailer may straddle two). */
function fromGzip(pieces: Buffer[], size: number): StoredPart {
  let total = 0;
  for (const p of pieces) total += p.length;
  const trailer = Buffer.concat(tail(pieces, GZIP_TRAILER));
  const data: Buffer[] = [];
  let at = 0;
  for (const p of pieces) {
    const from = Math.max(0, GZIP_HEADER - at);
    const to = Math.min(p.length, total - GZIP_TRAILER - at);
    if (to > from) data.push(p.subarray(from, to));
    at += p.length;
  }
  // The trailer's size is modulo 2^32, so the size counted here is the one kept (assembleZip refuses past 4 GB).
  return { data, method: DEFLATE, crc32: trailer.readUInt32LE(0), size };
}

/** The last `n` bytes of a list of pieces, as pieces. */
function tail(pieces: Buffer[], n: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = pieces.length - 1; i >= 0 && n > 0; i--) {
    const p = pieces[i] as Buffer;
    out.unshift(p.subarray(Math.max(0, p.length - n)));
    n -= p.length;
  }
  return out;
}

const levelFor = (size: number) => (size > BIG_PART ? FAST_LEVEL : SMALL_LEVEL);

function storedOf(data: Buffer, compressed: Buffer): StoredPart {
  return { data: compressed, method: DEFLATE, crc32: crc32(data), size: data.length };
}

const piecesOf = (data: StoredPart['data']): readonly Uint8Array[] =>
  data instanceof Uint8Array ? [data] : data;

/** The zip, with every part that still needs compressing sent to the thread pool at once. */
export async function writeZipAsync(entries: readonly ZipEntry[]): Promise<Buffer> {
  const parts = await Promise.all(
    entries.map(async (e) =>
      'stored' in e
        ? e.stored
        : storedOf(e.data, await deflateRawAsync(e.data, { level: levelFor(e.data.length) })),
    ),
  );
  return assembleZip(entries, parts);
}

/** The same zip, compressed on the calling thread (test fixtures build small workbooks with it). */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const parts = entries.map((e) =>
    'stored' in e ? e.stored : storedOf(e.data, deflateRawSync(e.data, { level: levelFor(e.data.length) })),
  );
  return assembleZip(entries, parts);
}

function assembleZip(entries: readonly ZipEntry[], parts: readonly StoredPart[]): Buffer {
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  entries.forEach((entry, i) => {
    const part = parts[i] as StoredPart;
    const nameBytes = Buffer.from(entry.name, 'utf8');
    const pieces = piecesOf(part.data);
    let compressedSize = 0;
    for (const p of pieces) compressedSize += p.length;
    if (part.size > ZIP32_MAX || compressedSize > ZIP32_MAX)
      throw new Error(`The part ${entry.name} would be larger than a zip without zip64 can hold (4 GB).`);
    const fields = { method: part.method, crc: part.crc32, compressedSize, size: part.size, nameBytes };
    central.push(centralHeader(fields, offset), nameBytes);
    chunks.push(localHeader(fields), nameBytes);
    for (const p of pieces) chunks.push(p);
    offset += 30 + nameBytes.length + compressedSize;
    if (offset > ZIP32_MAX)
      throw new Error('The workbook would be larger than a zip without zip64 can hold (4 GB).');
  });
  let centralSize = 0;
  for (const b of central) centralSize += b.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  // concat takes the list as one argument: no spread of a long array into a call.
  return Buffer.concat(chunks.concat(central, [end]));
}

interface EntryFields {
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameBytes: Buffer;
}

function localHeader(f: EntryFields): Buffer {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(0x0800, 6); // UTF-8 names
  writeSharedFields(local, 8, f);
  local.writeUInt16LE(0, 28);
  return local;
}

/** The fields a local and a central header share, in the same order: method, time, date, CRC, sizes, name length. */
function writeSharedFields(b: Buffer, at: number, f: EntryFields): void {
  b.writeUInt16LE(f.method, at);
  b.writeUInt16LE(FIXED_DOS_TIME, at + 2);
  b.writeUInt16LE(FIXED_DOS_DATE, at + 4);
  b.writeUInt32LE(f.crc, at + 6);
  b.writeUInt32LE(f.compressedSize, at + 10);
  b.writeUInt32LE(f.size, at + 14);
  b.writeUInt16LE(f.nameBytes.length, at + 18);
}

function centralHeader(f: EntryFields, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4); // made by
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(0x0800, 8);
  writeSharedFields(header, 10, f);
  header.writeUInt32LE(offset, 42);
  return header;
}
