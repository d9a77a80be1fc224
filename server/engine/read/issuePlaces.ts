import type { Issue } from '../../../models';

/**
 * Where issues found late belong among those said row by row. A reader notes, after each item it reads (a Budget
 * line), how many issues have been said; an issue about an item, found only once the whole table is read, then
 * goes back in right after the issues said up to that item, so the list reads as if it had been said then.
 */
export class IssuePlaces {
  /** Items after which the count of issues said had changed, and that count (only changes are kept). */
  private readonly items: number[] = [];
  private readonly counts: number[] = [];

  constructor(private readonly issues: Issue[]) {
    this.note(-1);
  }

  /** After item `item`: remembers how many issues have been said so far. */
  note(item: number): void {
    const said = this.issues.length;
    if (this.counts[this.counts.length - 1] === said) return;
    this.items.push(item);
    this.counts.push(said);
  }

  /** Puts in each late issue right after the issues said up to its item; `late` in item order. */
  insert(late: readonly { item: number; issue: Issue }[]): void {
    if (late.length === 0) return;
    const from = this.counts[0] as number;
    const said = this.issues.splice(from);
    let mark = 0;
    let next = 0;
    for (const { item, issue } of late) {
      while (mark + 1 < this.items.length && (this.items[mark + 1] as number) <= item) mark++;
      const upTo = (this.counts[mark] as number) - from;
      while (next < upTo) this.issues.push(said[next++] as Issue);
      this.issues.push(issue);
    }
    while (next < said.length) this.issues.push(said[next++] as Issue);
  }
}
