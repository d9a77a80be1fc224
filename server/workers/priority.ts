import { setPriority } from 'node:os';

/**
 * An engine worker computes a large task (`pool.ts`, BACKGROUND_TASK_BYTES) at a lower priority than the
 * server's own thread and the other workers, so that when the cores are busy the thread that accepts
 * connections, reads bodies and answers `/health` is run first, and the department-size workbook computes with
 * what is left. When nothing else wants the cores it computes as fast as before: priority decides only who
 * waits when both cores are taken.
 *
 * On Linux a thread's nice value is its own: `setPriority` with no process id sets the calling thread's only
 * (libuv passes 0 to setpriority(2), which Linux reads as "this thread"). Elsewhere the same call would lower
 * the whole process, server thread included, so it is made on Linux alone. Raising a nice value needs no
 * privilege; if it is refused all the same, the worker runs at normal priority, as before.
 */
export const ENGINE_THREAD_NICE = 10;

/** Lowers the calling thread's priority to ENGINE_THREAD_NICE (Linux only); says whether it did. */
export function lowerThisThreadsPriority(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    setPriority(ENGINE_THREAD_NICE);
    return true;
  } catch {
    return false;
  }
}
