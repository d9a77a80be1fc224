import { newColumn } from './growable';
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

/**
 * The first line of each identity: an open-addressing hash table of line numbers whose keys are the lines'
 * own columns, so a million lines cost one Int32Array and no key text or object per row. Each slot holds a
 * line and its hash side by side: a probe reads one cache line, and most probes that miss are settled
 * without reading the line's columns.
 */
export class LineIndex {
  /** Two numbers per slot: the line plus one (0: empty, so a new table needs no filling) and its hash. */
  private table: Int32Array;
  private count = 0;
  /** Where the last `find` stopped without a match, and the hash it looked for (-1: no miss to add at). */
  private missSlot = -1;
  private missHash = 0;
  /** Any bits of the slots `warm` read (see `repeatedAnywhere`). */
  warmedSlots = 0;

  /** `expected`: about how many lines will be added (the table's row count), so the table rarely regrows. */
  constructor(
    private readonly lines: LineColumns,
    expected: number,
  ) {
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.table = newColumn(Int32Array, slots * 2);
  }

  /**
   * The first line with this identity, or -1 (then `add` may record the line that has it). `h`: the key's
   * `hashOf`, when the caller has it already.
   */
  find(k: LineKey, h = this.hashOf(k)): number {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const line = (table[2 * s] as number) - 1;
      if (line < 0) {
        this.missSlot = s;
        this.missHash = h;
        return -1;
      }
      if (table[2 * s + 1] === h && this.sameIdentity(line, k)) {
        this.missSlot = -1;
        return line;
      }
    }
  }

  /** Records `line` as the first with the identity the last `find` looked for and did not find. */
  add(line: number): void {
    if (this.missSlot < 0) throw new Error('LineIndex.add must follow a find that found nothing');
    this.count++;
    if (this.count * 2 > this.table.length >> 1) {
      this.rehash();
      this.place(line, this.missHash);
    } else {
      this.table[2 * this.missSlot] = line + 1;
      this.table[2 * this.missSlot + 1] = this.missHash;
    }
    this.missSlot = -1;
  }

  /**
   * Reads the slots where searches for these hashes (`hashOf`) start, so that `find`s soon after find them in
   * cache, and returns what it read (of no use but to be kept). A table of a million lines is far larger than the
   * cache, and one `find` after another waits for each slot in turn; read one after another in a tight loop, a
   * block of slots is fetched at once.
   */
  warm(hashes: Int32Array, count: number): number {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let read = 0;
    for (let i = 0; i < count; i++) read |= table[2 * ((hashes[i] as number) & mask)] as number;
    return read;
  }

  /** The hash a key is found by. */
  hashOf(k: LineKey): number {
    const fold = this.lines.texts.fold;
    return hashOf(
      fold[k.account] as number,
      fold[k.programActivity] as number,
      fold[k.objectClass] as number,
      fold[k.category] as number,
      packTypes(k.amountType, k.lineType, k.fundingType),
    );
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
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let s = h & mask;
    while (table[2 * s] !== 0) s = (s + 1) & mask;
    table[2 * s] = line + 1;
    table[2 * s + 1] = h;
  }

  /** Twice the slots, every line placed again by its stored hash. */
  private rehash(): void {
    const old = this.table;
    this.table = newColumn(Int32Array, old.length * 2);
    for (let s = 0; s < old.length; s += 2) {
      const line = (old[s] as number) - 1;
      if (line >= 0) this.place(line, old[s + 1] as number);
    }
  }
}

/**
 * Each line whose identity an earlier line has, as pairs: the line, then the first line with its identity, in
 * line order. For a table whose every row is a line (the wide Budget), checked once all are read. A Budget lists
 * each account's lines together: then each account's run of lines is checked on its own, in a small index that
 * stays in cache (`RunIndex`); otherwise every line goes through one `LineIndex` (see `repeatedAnywhere`).
 */
export function repeatedLines(lines: LineColumns): number[] {
  const longest = longestAccountRun(lines);
  return longest < 0 ? repeatedAnywhere(lines) : repeatedInRuns(lines, longest);
}

/** The most lines in one run of an account's lines (accounts by fold id), or -1 if an account has two runs. */
function longestAccountRun(lines: LineColumns): number {
  const fold = lines.texts.fold;
  const seen = new Uint8Array(lines.texts.foldCount);
  let longest = 0;
  let runStart = 0;
  let account = -1;
  for (let line = 0; line < lines.size; line++) {
    const a = fold[lines.account[line] as number] as number;
    if (a === account) continue;
    if (seen[a]) return -1;
    seen[a] = 1;
    longest = Math.max(longest, line - runStart);
    runStart = line;
    account = a;
  }
  return Math.max(longest, lines.size - runStart);
}

/** `repeatedLines` when every account's lines are one run: each run checked on its own. */
function repeatedInRuns(lines: LineColumns, longest: number): number[] {
  const fold = lines.texts.fold;
  const index = new RunIndex(lines, longest);
  const repeats: number[] = [];
  let account = -1;
  for (let line = 0; line < lines.size; line++) {
    const a = fold[lines.account[line] as number] as number;
    if (a !== account) {
      index.nextRun();
      account = a;
    }
    const first = index.firstOrAdd(line);
    if (first >= 0) repeats.push(line, first);
  }
  return repeats;
}

/**
 * The first line of each identity within one run of an account's lines (so the account is not compared): an
 * open-addressing table like `LineIndex`'s, sized for the longest run, whose slots count only for the run that
 * filled them, so a new run starts without clearing it.
 */
class RunIndex {
  /** Per slot: the line plus one, and the run that put it there. */
  private readonly line: Int32Array;
  private readonly run: Int32Array;
  private current = 0;

  constructor(
    private readonly lines: LineColumns,
    longest: number,
  ) {
    let slots = 16;
    while (slots < longest * 2) slots *= 2;
    this.line = new Int32Array(slots);
    this.run = new Int32Array(slots);
  }

  nextRun(): void {
    this.current++;
  }

  /** The first line of this run with `line`'s identity; -1, recording `line` as that first, when there is none. */
  firstOrAdd(line: number): number {
    const l = this.lines;
    const fold = l.texts.fold;
    const h = hashOf(
      fold[l.programActivity[line] as number] as number,
      fold[l.objectClass[line] as number] as number,
      fold[l.category[line] as number] as number,
      packTypes(l.amountType[line] as number, l.lineType[line] as number, l.fundingType[line] as number),
      0,
    );
    const mask = this.line.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      if (this.run[s] !== this.current) {
        this.run[s] = this.current;
        this.line[s] = line + 1;
        return -1;
      }
      const first = (this.line[s] as number) - 1;
      if (sameInRun(l, first, line)) return first;
    }
  }
}

/** Whether two lines of one account's run have the same identity (see `LineIndex`). */
function sameInRun(l: LineColumns, a: number, b: number): boolean {
  const fold = l.texts.fold;
  return (
    fold[l.programActivity[a] as number] === fold[l.programActivity[b] as number] &&
    fold[l.objectClass[a] as number] === fold[l.objectClass[b] as number] &&
    fold[l.category[a] as number] === fold[l.category[b] as number] &&
    l.amountType[a] === l.amountType[b] &&
    l.lineType[a] === l.lineType[b] &&
    l.fundingType[a] === l.fundingType[b]
  );
}

/** Lines whose slots `repeatedAnywhere` reads ahead at a time (see `LineIndex.warm`). */
const BLOCK = 64;

/** `repeatedLines` for lines in any order: one `LineIndex` for all, checked a block of lines at a time (see `LineIndex.warm`). */
export function repeatedAnywhere(lines: LineColumns): number[] {
  const index = new LineIndex(lines, lines.size);
  const key = lines.keyOf(0);
  const hashes = new Int32Array(BLOCK);
  const repeats: number[] = [];
  let warmed = 0;
  for (let from = 0; from < lines.size; from += BLOCK) {
    const to = Math.min(from + BLOCK, lines.size);
    for (let line = from; line < to; line++) hashes[line - from] = index.hashOf(lines.keyOf(line, key));
    warmed |= index.warm(hashes, to - from);
    for (let line = from; line < to; line++) {
      const first = index.find(lines.keyOf(line, key), hashes[line - from] as number);
      if (first >= 0) repeats.push(line, first);
      else index.add(line);
    }
  }
  // Kept in sight, so the reads that warm the table are never optimised away.
  index.warmedSlots = warmed;
  return repeats;
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
