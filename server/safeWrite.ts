import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writing the CLI's output without ever losing a good file. The output is written to a temporary file in the
 * destination's own folder (so the final rename stays on one file system and is atomic), flushed to disk,
 * then renamed over the destination: until that rename, the old output is untouched; after it, the new one
 * is complete. A crash, a kill or a full disk in between leaves the old file as it was.
 */

/** The points of the write phase, in order; tests pause or fail the write at each to prove the above. */
export const WRITE_STEPS = ['created', 'partial', 'written', 'synced', 'renamed'] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

/** Called at each step; it may pause (a test kills the process there) or throw (a test simulates a failure). */
export type OnWriteStep = (step: WriteStep) => void | Promise<void>;

/** Bytes per write call. Small enough that any real workbook takes more than one, so `partial` is reached. */
const CHUNK = 16 * 1024;

/** The output names the input itself: writing it would replace the user's workbook. */
export class OutputIsInputError extends Error {
  override readonly name = 'OutputIsInputError';
  constructor(
    readonly output: string,
    readonly input: string,
    how: string,
  ) {
    super(
      `The output ${output} is the input workbook itself (${how}); Throughline never writes over its input. Choose another name with -o, or leave -o out to write ${basename(input).replace(/\.xlsx$/i, '')}-crosswalk.xlsx next to it.`,
    );
  }
}

/**
 * Throws OutputIsInputError when `output` is the same file as `input`: the same path once links and `..` are
 * resolved, or another name for the same file (a hard link, a symbolic link, a case-insensitive spelling),
 * which the same device and inode reveal. An output that does not exist yet cannot be the input.
 */
export async function refuseOutputOverInput(input: string, output: string): Promise<void> {
  const [inReal, outReal] = await Promise.all([realpath(input), realpath(output).catch(() => null)]);
  if (outReal === null) return;
  if (outReal === inReal) throw new OutputIsInputError(output, input, 'the same file');
  const [inStat, outStat] = await Promise.all([stat(input), stat(output)]);
  if (inStat.dev === outStat.dev && inStat.ino === outStat.ino)
    throw new OutputIsInputError(output, input, 'another name for the same file');
}

/**
 * Writes `data` to `destination` atomically (see above). A destination that is a symbolic link keeps its
 * link: the file it points to is the one replaced. The temporary file is removed when the write fails; only
 * a process killed mid-write leaves one behind (`.<name>.<pid>.<random>.tmp`, never mistaken for an output).
 * `data` may come in chunks made as they are written (a CSV of a million rows is never whole in memory).
 */
export async function writeFileAtomically(
  destination: string,
  data: Uint8Array | Iterable<Uint8Array>,
  onStep: OnWriteStep = () => undefined,
): Promise<void> {
  const target = await realpath(destination).catch(() => destination);
  const existing = await stat(target).catch(() => null);
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  let renamed = false;
  try {
    // `wx`: never follow or reuse a file someone else put at the temporary name.
    handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    // The new output keeps the old one's permissions, so replacing it does not widen who can read it.
    if (existing?.isFile()) await handle.chmod(existing.mode & 0o777);
    await onStep('created');
    await writeSlices(handle, data instanceof Uint8Array ? [data] : data, onStep);
    await onStep('written');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await onStep('synced');
    await rename(temp, target);
    renamed = true;
    await onStep('renamed');
    await syncFolder(folder);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    if (!renamed) await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** Writes the chunks in slices of at most CHUNK bytes; `partial` once the first slice is down and more follow. */
async function writeSlices(
  handle: FileHandle,
  chunks: Iterable<Uint8Array>,
  onStep: OnWriteStep,
): Promise<void> {
  let offset = 0;
  let slices = 0;
  for (const chunk of chunks) {
    for (let at = 0; at < chunk.length; slices++) {
      if (slices === 1) await onStep('partial');
      const { bytesWritten } = await handle.write(chunk, at, Math.min(CHUNK, chunk.length - at), offset);
      at += bytesWritten;
      offset += bytesWritten;
    }
  }
}

/** Makes the rename itself durable. Some platforms cannot open a folder to flush it; the rename still happened. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Best effort: see above.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
