import { getHeapSpaceStatistics } from 'node:v8';

/** The young generation's room as V8 reports it: bytes in use, and bytes free before it must be collected. */
export interface YoungSpace {
  used: number;
  available: number;
}

/** The young generation ("new space") of the calling thread's heap, or null if V8 stops reporting it by that name. */
export function youngSpace(): YoungSpace | null {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return space ? { used: space.space_used_size, available: space.space_available_size } : null;
}

/**
 * Room kept for the next task: the most a recent task took of the young generation, half again.
 */
export const ROOM_FACTOR = 1.5;
/** How fast a large task's estimate fades once smaller tasks follow it (each task keeps this much of it). */
const ESTIMATE_KEPT = 0.9;

/**
 * An engine worker's young-generation collections, moved between its tasks. A request's objects (the grids, the
 * model, the rows being written) are born young and live until its answer is sent. When the young generation
 * fills in the middle of a request, V8 copies everything of that request still alive; between requests almost
 * nothing is, and the same collection costs a fraction of it. So after each task, if the room left is less than
 * the next task is likely to take (`ROOM_FACTOR` times the most a recent task took), the worker collects it
 * then, once its answer has gone. Measured on one worker thread (192 MB young generation), a 5,000-line agency
 * answered 1,250-2,000 times: a summary answer's p99 9.0-12.8 ms before against 5.7-8.2 after (p50 5.3-8.1
 * either way), an all-tables answer's 19.5-30.7 ms against 15.4-16.1 (p50 14.1-16.1), and no more CPU a
 * request (5.6-8.5 ms against 5.7-5.9; 15.9-21.5 against 14.9-15.6). Collecting after every task cost a
 * summary answer about half a millisecond more: most of them leave room for the next.
 *
 * Needs V8's `gc` function (`--expose-gc`, in the server's Node flags, `http/config.ts`); without it, as under
 * tsx or the tests' own workers, it does nothing and V8 collects when it must.
 */
export class YoungCollector {
  private usedAtStart = 0;
  /** The most a recent task took of the young generation, fading (see ESTIMATE_KEPT). */
  private perTask = 0;

  /**
   * `collect` collects the young generation now (null: it cannot, and the collector does nothing); `space` reports
   * it. Both are given rather than defaulted, so a caller that means "no collection" is never handed V8's `gc`
   * because something else in the process exposed it.
   */
  constructor(
    private readonly collect: (() => void) | null,
    private readonly space: () => YoungSpace | null,
  ) {}

  /** The calling thread's collector: V8's `gc` if exposed, and its heap's young generation. */
  static ofThisThread(): YoungCollector {
    return new YoungCollector(minorCollection(), youngSpace);
  }

  /** Before a task: where the young generation stands. */
  taskStarting(): void {
    if (!this.collect) return;
    this.usedAtStart = this.space()?.used ?? 0;
  }

  /** After a task has replied: collects the young generation if the next task may not fit. Says whether it did. */
  taskDone(): boolean {
    if (!this.collect) return false;
    const space = this.space();
    if (!space) return false;
    // A task that met a collection on its way shows less growth than it made (or none): the estimate keeps the
    // largest growth seen, fading, rather than trusting the last alone.
    this.perTask = Math.max(space.used - this.usedAtStart, this.perTask * ESTIMATE_KEPT);
    if (space.available >= ROOM_FACTOR * this.perTask) return false;
    this.collect();
    return true;
  }
}

/** A young-generation collection now, when V8 exposes `gc`; else null. */
function minorCollection(): (() => void) | null {
  const gc = globalThis.gc;
  return gc ? () => gc({ type: 'minor', execution: 'sync' }) : null;
}
