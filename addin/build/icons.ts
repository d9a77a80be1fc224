import { deflateSync } from 'node:zlib';

/**
 * The add-in's icons, drawn here rather than kept as binaries: a blue tile with three rising budget bars
 * and the line that runs through them. Plain PNG (RGBA, 4×4 supersampled), written with node's zlib only.
 */

type Shape = (x: number, y: number) => boolean;

const BLUE: readonly [number, number, number] = [0x0f, 0x6c, 0xbd];
const WHITE: readonly [number, number, number] = [0xff, 0xff, 0xff];

function roundedSquare(r: number): Shape {
  return (x, y) => {
    const dx = Math.max(r - x, 0, x - (1 - r));
    const dy = Math.max(r - y, 0, y - (1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** Distance from (x, y) to the segment a–b, for drawing a thick line. */
function segment(ax: number, ay: number, bx: number, by: number, width: number): Shape {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= width / 2;
  };
}

/** Three rising budget bars (white) and the line through their tops: results following the money. */
const bars: Shape[] = [rect(0.19, 0.56, 0.33, 0.8), rect(0.43, 0.44, 0.57, 0.8), rect(0.67, 0.32, 0.81, 0.8)];
const line = segment(0.16, 0.46, 0.84, 0.2, 0.07);
const lineGap = segment(0.16, 0.46, 0.84, 0.2, 0.15);

function pixel(x: number, y: number): [number, number, number, number] {
  if (!roundedSquare(0.18)(x, y)) return [0, 0, 0, 0];
  if (line(x, y)) return [...WHITE, 255];
  if (lineGap(x, y)) return [...BLUE, 255];
  if (bars.some((bar) => bar(x, y))) return [...WHITE, 220];
  return [...BLUE, 255];
}

export function iconPng(size: number): Buffer {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let coverage = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const [r, g, b, a] = pixel((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          red += r * a;
          green += g * a;
          blue += b * a;
          coverage += a;
        }
      const alpha = coverage / (samples * samples);
      const at = py * (size * 4 + 1) + 1 + px * 4;
      raw[at] = coverage === 0 ? 0 : Math.round(red / coverage);
      raw[at + 1] = coverage === 0 ? 0 : Math.round(green / coverage);
      raw[at + 2] = coverage === 0 ? 0 : Math.round(blue / coverage);
      raw[at + 3] = Math.round(alpha);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
