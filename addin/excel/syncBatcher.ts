import { SUSPEND_BYTES } from './planWrites';
import type { XlContext } from './types';

/**
 * Packs queued actions into as few syncs as possible, each under the payload budget, and suspends Excel's
 * recalculation (and, where supported, screen updating) for each sync: both last only "until next sync".
 */
export class SyncBatcher {
  private pendingBytes = 0;
  private pendingRows = 0;
  private flushedRows = 0;
  syncs = 0;
  /** The largest estimated payload sent in one sync (tests compare it with the fake's measurement). */
  largest = 0;

  constructor(
    private readonly context: XlContext,
    private readonly budget: number,
    private readonly suspendScreen: boolean,
    private readonly onSync?: (rowsWritten: number) => void,
  ) {}

  /** Queues `actions` (estimated at `bytes`), syncing first if they would not fit in the current request. */
  async queue(bytes: number, actions: () => void, rows = 0): Promise<void> {
    if (this.pendingBytes > 0 && this.pendingBytes + bytes > this.budget) await this.flush();
    if (this.pendingBytes === 0) {
      // Counted in every block's plan (planWrites), so a block that fits its plan fits here.
      const { application } = this.context.workbook;
      application.suspendApiCalculationUntilNextSync();
      if (this.suspendScreen) application.suspendScreenUpdatingUntilNextSync();
      this.pendingBytes = SUSPEND_BYTES;
    }
    actions();
    this.pendingBytes += bytes;
    this.pendingRows += rows;
  }

  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    await this.context.sync();
    this.syncs++;
    this.largest = Math.max(this.largest, this.pendingBytes);
    this.pendingBytes = 0;
    this.flushedRows += this.pendingRows;
    this.pendingRows = 0;
    this.onSync?.(this.flushedRows);
  }
}
