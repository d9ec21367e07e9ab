/**
 * The installed system fonts, indexed once and cached on disk: reading the name tables of hundreds
 * of files takes seconds, so only files whose path, size or mtime changed are read again.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, sep, win32 } from 'node:path';
import type { FaceInfo } from './types.ts';
import { fileStamp, fontFiles, indexFontFile, type FontReader } from './font-index.ts';
import { keepCacheFile } from './cache-dir.ts';

/** Bump when FaceInfo changes shape, so old caches are ignored. */
const CACHE_VERSION = 1;

interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** Empty for files that could not be read (so they are not retried until they change). */
  faces: FaceInfo[];
}

interface CacheFile {
  version: number;
  files: Record<string, CacheEntry>;
}

/** The usual font folders of this platform. */
export function defaultSystemFontDirs(platform = process.platform, env = process.env, home = homedir()): string[] {
  if (platform === 'win32') {
    const dirs = [win32.join(env.WINDIR ?? 'C:\\Windows', 'Fonts')];
    if (env.LOCALAPPDATA) dirs.push(win32.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
    return dirs;
  }
  if (platform === 'darwin') return ['/System/Library/Fonts', '/Library/Fonts', join(home, 'Library/Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(home, '.local/share/fonts'), join(home, '.fonts')];
}

/** Whether a cache entry has the shape this version writes. */
function validEntry(e: unknown): boolean {
  const x = e as { size?: unknown; mtimeMs?: unknown; faces?: unknown } | null;
  return (
    typeof x === 'object' && x !== null && typeof x.size === 'number' && typeof x.mtimeMs === 'number' && Array.isArray(x.faces) &&
    x.faces.every((f) => typeof f === 'object' && f !== null && typeof (f as { file?: unknown }).file === 'string' && typeof (f as { family?: unknown }).family === 'string')
  );
}

function readCache(path: string): CacheFile {
  try {
    const c = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
    if (c && c.version === CACHE_VERSION && c.files && typeof c.files === 'object' && !Array.isArray(c.files)) {
      // Entry by entry: a damaged entry (hand-edited, or written by another version) is dropped and re-indexed, not trusted.
      for (const [file, entry] of Object.entries(c.files)) if (!validEntry(entry)) delete c.files[file];
      return c;
    }
  } catch {
    // Missing or corrupt: start afresh.
  }
  return { version: CACHE_VERSION, files: {} };
}

function writeCache(path: string, cache: CacheFile): void {
  // Whole, so a parallel build never reads half a file; a read-only home only costs the next run the time to re-index.
  keepCacheFile(path, JSON.stringify(cache));
}

/** Index the fonts under `dirs`, re-reading only files changed since the cached index. */
export function systemFontIndex(dirs: string[], cacheDir: string, read?: FontReader): FaceInfo[] {
  const cachePath = join(cacheDir, 'system-fonts.json');
  const cache = readCache(cachePath);
  let changed = false;
  const faces: FaceInfo[] = [];
  const files = [...new Set(dirs.flatMap((d) => fontFiles(d)))];
  // Forget files deleted from the scanned folders, so the cache does not grow forever.
  const present = new Set(files);
  for (const cached of Object.keys(cache.files)) {
    if (!present.has(cached) && dirs.some((d) => cached.startsWith(d.endsWith(sep) ? d : d + sep))) {
      delete cache.files[cached];
      changed = true;
    }
  }
  for (const file of files) {
    const stamp = fileStamp(file);
    if (!stamp) continue;
    let entry = cache.files[file];
    if (!entry || entry.size !== stamp.size || entry.mtimeMs !== stamp.mtimeMs) {
      let found: FaceInfo[] = [];
      try {
        found = indexFontFile(file, 'system', read);
      } catch {
        // Not a font we can read; remembered as empty.
      }
      entry = { ...stamp, faces: found };
      cache.files[file] = entry;
      changed = true;
    }
    faces.push(...entry.faces);
  }
  if (changed) writeCache(cachePath, cache);
  return faces;
}
