import type { LineColumns } from './budgetBuilder';

/**
 * What makes two Budget rows the same line: account, program activity, object class and category compared
 * without regard to case (by the fold ids of `TextIds`), plus the three types.
 */

/** A row's identity as read: text ids (see `TextIds`) and type indexes (funding -1 when not said). */
export interface LineKey {
  account: number;
  programActivity: number;
  objectClass: number;
  category: number;
  amountType: number;
  lineType: number;
  fundingType: number;
}

const EMPTY = -1;

/**
 * The first line of each identity: an open-addressing hash table of line numbers whose keys are the lines'
 * own columns, so a million lines cost one Int32Array and no key text or object per row.
 */
export class LineIndex {
  private slots: Int32Array;
  /** The hash of each slot's line: most probes that miss are settled without reading the line's columns. */
  private hashes: Int32Array;
  private count = 0;

  /** `expected`: about how many lines will be added (the table's row count), so the table rarely regrows. */
  constructor(
    private readonly lines: LineColumns,
    expected: number,
  ) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.hashes = new Int32Array(size);
  }

  /** The first line with this identity, or -1. */
  find(k: LineKey): number {
    const fold = this.lines.texts.fold;
    const h = hashOf(
      fold[k.account] as number,
      fold[k.programActivity] as number,
      fold[k.objectClass] as number,
      fold[k.category] as number,
      packTypes(k.amountType, k.lineType, k.fundingType),
    );
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const line = this.slots[s] as number;
      if (line === EMPTY) return -1;
      if (this.hashes[s] === h && this.sameIdentity(line, k)) return line;
    }
  }

  /** Records `line` (already in the columns) as the first with its identity; the caller has found none. */
  add(line: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    this.count++;
    this.place(line, this.lineHash(line));
  }

  private sameIdentity(line: number, k: LineKey): boolean {
    const l = this.lines;
    const fold = l.texts.fold;
    return (
      fold[l.account[line] as number] === fold[k.account] &&
      fold[l.programActivity[line] as number] === fold[k.programActivity] &&
      fold[l.objectClass[line] as number] === fold[k.objectClass] &&
      fold[l.category[line] as number] === fold[k.category] &&
      l.amountType[line] === k.amountType &&
      l.lineType[line] === k.lineType &&
      l.fundingType[line] === k.fundingType
    );
  }

  private place(line: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== EMPTY) s = (s + 1) & mask;
    this.slots[s] = line;
    this.hashes[s] = h;
  }

  private rehash(size: number): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.hashes = new Int32Array(size);
    for (let s = 0; s < slots.length; s++)
      if (slots[s] !== EMPTY) this.place(slots[s] as number, hashes[s] as number);
  }

  /** The hash of a line's identity, from its columns. */
  private lineHash(line: number): number {
    const l = this.lines;
    const fold = l.texts.fold;
    return hashOf(
      fold[l.account[line] as number] as number,
      fold[l.programActivity[line] as number] as number,
      fold[l.objectClass[line] as number] as number,
      fold[l.category[line] as number] as number,
      packTypes(l.amountType[line] as number, l.lineType[line] as number, l.fundingType[line] as number),
    );
  }
}

/** The three types in one number; each index is small (amount type < 16, line type < 4, funding -1 to 2). */
function packTypes(amountType: number, lineType: number, fundingType: number): number {
  return (amountType << 4) | (lineType << 2) | (fundingType + 1);
}

/** A 32-bit hash of the five key numbers: multiply-add, then MurmurHash3's finaliser to spread the bits. */
function hashOf(a: number, b: number, c: number, d: number, e: number): number {
  let h = a;
  h = (Math.imul(h, 0x9e3779b1) + b) | 0;
  h = (Math.imul(h, 0x9e3779b1) + c) | 0;
  h = (Math.imul(h, 0x9e3779b1) + d) | 0;
  h = (Math.imul(h, 0x9e3779b1) + e) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
