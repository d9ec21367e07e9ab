/**
 * Atomic output: write to a temporary file beside the target, flush it to disk, then rename over
 * the target. A crash or Ctrl-C at any point leaves either the old complete file or the new one,
 * never a truncated file; stray temporaries carry a recognisable name so a later run removes them.
 */
import { renameSync, rmSync } from 'node:fs';
import { copyFile, link, mkdir, open, rename, rm, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Prefix of temporary files; `.` keeps them hidden, the pid tells whose they are. */
export const TEMP_PREFIX = '.speechdoc-tmp-';

/** Temporaries created by this process and not yet renamed, so a signal handler can remove them. */
const pending = new Set<string>();

/** One file of a group written together. */
export interface AtomicFile {
  /** Where it goes. */
  target: string;
  /** Its bytes. */
  data: Uint8Array;
}

/** A group's renames in progress: what to undo if the process is interrupted half-way. */
interface Swap {
  /** Targets already replaced, with the hard link that keeps their old content (undefined: there was none). */
  done: Array<{ target: string; backup: string | undefined }>;
}
const swaps = new Set<Swap>();

/**
 * A temporary name beside `target`: short whatever the target's length (a legal name of ~80 Chinese
 * characters plus a long prefix would pass the file system's 255-byte limit), hidden, and carrying
 * the pid so a later run can tell a live writer's file from a stale one.
 */
function tempBeside(target: string): string {
  return join(dirname(target), `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
}

/** Write `data` to `target` atomically, creating parent folders as needed. */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  await writeFilesAtomic([{ target, data }]);
}

/**
 * Replace a group of files together or not at all: every file is written and flushed to a
 * temporary first; only when all are on disk are they renamed into place, each old file kept as a
 * hard link until the last rename succeeds, so a failure at any step leaves the old group whole.
 */
export async function writeFilesAtomic(files: AtomicFile[]): Promise<void> {
  const temps: string[] = [];
  const backups: string[] = [];
  const swap: Swap = { done: [] };
  try {
    for (const f of files) {
      await mkdir(dirname(f.target), { recursive: true });
      const temp = tempBeside(f.target);
      pending.add(temp);
      temps.push(temp);
      const fh = await open(temp, 'wx');
      try {
        await fh.writeFile(f.data);
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
    swaps.add(swap);
    for (const [i, f] of files.entries()) {
      const backup = await keepOld(f.target);
      if (backup) backups.push(backup);
      swap.done.push({ target: f.target, backup });
      await rename(temps[i]!, f.target);
    }
    swaps.delete(swap);
  } catch (e) {
    swaps.delete(swap);
    // The last entry may not have been renamed yet; restoring it from its backup is still right.
    rollBack(swap);
    throw e;
  } finally {
    for (const t of [...temps, ...backups]) {
      await rm(t, { force: true });
      pending.delete(t);
    }
  }
}

/** A hard link to the current `target` (its old content), or undefined when there is none. */
async function keepOld(target: string): Promise<string | undefined> {
  const backup = tempBeside(target);
  pending.add(backup);
  try {
    await link(target, backup);
    return backup;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      pending.delete(backup);
      return undefined;
    }
    // File systems without hard links (FAT, some network shares): a copy keeps the old content too.
    await copyFile(target, backup);
    return backup;
  }
}

/** Put back the old files of a half-done group (synchronous: a signal handler calls it too). */
function rollBack(swap: Swap): void {
  for (const { target, backup } of swap.done.reverse()) {
    try {
      if (backup) renameSync(backup, target);
      else rmSync(target, { force: true });
    } catch {
      // Nothing better to do: the next file still gets its turn.
    }
  }
  swap.done = [];
}

/** Remove this process's unfinished temporaries, undoing a half-done group first; synchronous because it runs from a signal handler. */
export function removePendingTemps(): void {
  for (const s of swaps) rollBack(s);
  swaps.clear();
  for (const t of pending) rmSync(t, { force: true });
  pending.clear();
}

/** Remove temporaries left by runs that were killed outright (SIGKILL, power loss) in `dir`, recursively. */
export async function sweepStaleTemps(dir: string): Promise<number> {
  let removed = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (!e.isFile() || !e.name.startsWith(TEMP_PREFIX)) continue;
    const pid = Number(e.name.slice(TEMP_PREFIX.length).split('-')[0]);
    if (pid && isAlive(pid)) continue; // another build is writing it right now
    await rm(join(e.parentPath, e.name), { force: true });
    removed++;
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
