/** A small seeded generator (mulberry32) with the draws the synthetic budgets need. Same seed, same workbook. */
export class Random {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }

  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Whole-number percents that sum to exactly 100. */
  shares(n: number): number[] {
    const cuts = Array.from({ length: n - 1 }, () => this.int(1, 99)).sort((x, y) => x - y);
    const out: number[] = [];
    let prev = 0;
    for (const c of [...cuts, 100]) {
      out.push(c - prev);
      prev = c;
    }
    return out.some((s) => s === 0) ? this.shares(n) : out;
  }
}
