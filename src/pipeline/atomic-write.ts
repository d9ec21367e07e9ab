/**
 * Atomic output: write to a temporary file beside the target, flush it to disk, then rename over
 * the target. A crash or Ctrl-C at any point leaves either the old complete file or the new one,
 * never a truncated file; stray temporaries carry a recognisable name so a later run removes them.
 */
import { rmSync } from 'node:fs';
import { mkdir, open, rename, rm, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Prefix of temporary files; `.` keeps them hidden, the pid tells whose they are. */
export const TEMP_PREFIX = '.speechdoc-tmp-';

/** Temporaries created by this process and not yet renamed, so a signal handler can remove them. */
const pending = new Set<string>();

/** Write `data` to `target` atomically, creating parent folders as needed. */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}-${basename(target)}`);
  pending.add(temp);
  try {
    const fh = await open(temp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  } finally {
    pending.delete(temp);
  }
}

/** Remove this process's unfinished temporaries; synchronous because it runs from a signal handler. */
export function removePendingTemps(): void {
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
