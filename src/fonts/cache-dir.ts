/**
 * speechdoc's cache folder: the system font index, unpacked web fonts and the CLI's compiled code
 * (cli/launch.ts) live there, and how a file is kept there. A file of its own, importing only
 * node's built-ins, because the launcher reads it before any of the CLI is loaded. Everything here
 * is best effort: a cache only saves time, so a folder that cannot be written never fails a run.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where speechdoc caches: `$SPEECHDOC_CACHE_DIR`, `$XDG_CACHE_HOME/speechdoc`, `~/.cache/speechdoc`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (env.SPEECHDOC_CACHE_DIR) return env.SPEECHDOC_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'speechdoc');
}

/**
 * Write a cache file whole: aside, then renamed over, so a process reading meanwhile gets the old
 * file or the new one, never half of one. `owner` keeps it the user's alone (folder 0700, file
 * 0600: compiled code). False when it could not be written; nothing is left behind then.
 */
export function keepCacheFile(path: string, data: string | Uint8Array, owner = false): boolean {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, ...(owner ? { mode: 0o700 } : {}) });
    writeFileSync(tmp, data, owner ? { mode: 0o600 } : {});
    renameSync(tmp, path);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Not even a folder to write in (the path runs through a file, say): nothing was left.
    }
    return false;
  }
}

/**
 * Remove from a cache folder the files `matching` that no run has used since `before` (ms since the
 * epoch; their mtime is when they were written or last used), and all but the `keep` used last.
 */
export function pruneCacheFolder(dir: string, matching: (name: string) => boolean, keep: number, before = 0): void {
  try {
    const files = readdirSync(dir)
      .filter(matching)
      .map((name) => ({ path: join(dir, name), used: statSync(join(dir, name)).mtimeMs }))
      .sort((x, y) => y.used - x.used);
    files.forEach((f, i) => (i >= keep || f.used < before) && rmSync(f.path, { force: true }));
  } catch {
    // Another process pruning at the same time: what is left goes at the next write.
  }
}
