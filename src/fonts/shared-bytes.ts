/**
 * Font file bytes in shared memory, and WOFF faces unpacked once per machine. A batch's lanes (the main thread and its worker threads) each
 * parse the faces with fontkit, but the SFNT bytes under those parses — 70 MB for the bundled
 * faces, a WOFF unpacked among them — are read and unpacked once, in the main thread, into
 * SharedArrayBuffers; a worker adopts them (pipeline/worker.ts) instead of reading and inflating
 * its own copy, so a lane starts sooner and the process holds one copy, not one per lane.
 * A WOFF face (LXGW WenKai from npm: 10 MB, inflating to 24 MB takes ~80 ms, a tenth of a cold
 * build) is unpacked once and the SFNT kept in the cache folder (SPEECHDOC_CACHE_DIR, else
 * ~/.cache/speechdoc), named after the WOFF's size, header and table directory (which holds every
 * table's checksum), not its path: every clone, install or npx run of the same font shares one
 * (named after the path, they had filled a developer's cache with 345 copies, 2 GB, in a day).
 * Later processes read that.
 * The cache is best effort: a folder that cannot be written only means unpacking each time.
 * A build's faces can also be read ahead, all at once on the thread pool (prefetchFontFiles), while
 * the main thread compiles the renderers: ~55 MB read synchronously took ~70 ms of a 0.6 s cold build.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { defaultCacheDir, keepCacheFile, pruneCacheFolder } from './cache-dir.ts';
import { isWoff, woffToSfnt } from './woff.ts';

/** The SFNT bytes of one font file, and what identified the file when they were read. */
export interface SharedFontFile {
  /** Absolute path. */
  file: string;
  /** File size in bytes when read (a changed file is read again). */
  size: number;
  /** Modification time in ms when read. */
  mtimeMs: number;
  /** The SFNT (WOFF unpacked): a Buffer, as fontkit got from readFileSync, over a SharedArrayBuffer. */
  bytes: Buffer;
}

/** Largest font file read: the biggest CJK collections are ~60 MB; /dev/zero would otherwise be read until memory runs out. */
export const MAX_FONT_BYTES = 128 * 1024 * 1024;

/**
 * Check a font path before opening it: only a regular file of at most MAX_FONT_BYTES is read (a
 * FIFO would block for ever, a device never ends). Throws an error whose message names the file.
 */
export function checkFontFile(file: string): void {
  const st = statSync(file);
  if (!st.isFile()) throw new Error(`${file}：不是普通文件（可能是管道或设备），不能作为字体读取`);
  if (st.size > MAX_FONT_BYTES) throw new Error(`${file}：字体文件大小 ${Math.round(st.size / 1024 / 1024)} MB，超过上限 ${MAX_FONT_BYTES / 1024 / 1024} MB`);
}

const files = new Map<string, SharedFontFile>();
/** Files read ahead and not yet asked for: fontFileBytes moves them into `files`. */
const ahead = new Map<string, SharedFontFile>();

/** Read a whole file straight into a SharedArrayBuffer (no second copy). */
function readShared(file: string): { bytes: Buffer; size: number; mtimeMs: number } {
  const fd = openSync(file, 'r');
  try {
    const st = fstatSync(fd);
    const bytes = Buffer.from(new SharedArrayBuffer(st.size));
    for (let at = 0; at < st.size; ) {
      const n = readSync(fd, bytes, at, st.size - at, at);
      if (n === 0) throw new Error(`[fonts] ${file} shrank while being read`);
      at += n;
    }
    return { bytes, size: st.size, mtimeMs: st.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/** Bytes of a WOFF read to name its unpacked SFNT: the 44-byte header and 20 bytes per table (a face has ~20). */
const WOFF_IDENTITY_BYTES = 4096;

/** Where the unpacked SFNT of a WOFF file of this size is cached: named after its content (header, table checksums). */
function unpackedPath(file: string, size: number): string {
  const head = Buffer.alloc(Math.min(size, WOFF_IDENTITY_BYTES));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const key = createHash('sha256').update(`woff\0${size}\0`).update(head).digest('hex').slice(0, 32);
  return join(defaultCacheDir(), UNPACKED_DIR, `${key}.sfnt`);
}

/** The cache folder's subfolder of unpacked WOFF faces. */
const UNPACKED_DIR = 'unpacked-fonts';
/** Unpacked faces kept: the most recently written; older ones (fonts no longer installed, say) go when a new one is kept. */
const UNPACKED_KEPT = 16;

/** Whether bytes start like an SFNT (what woffToSfnt writes: TrueType or CFF flavour). */
function looksSfnt(b: Uint8Array): boolean {
  const tag = b.length >= 12 ? ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0 : 0;
  return tag === 0x00010000 || tag === 0x4f54544f || tag === 0x74727565;
}

/** The cached SFNT of a WOFF, if there is a sound one. */
function cachedUnpacked(path: string): Buffer | undefined {
  try {
    const read = readShared(path);
    return looksSfnt(read.bytes) ? read.bytes : undefined;
  } catch {
    return undefined;
  }
}

/** Keep an unpacked SFNT for later processes (keepCacheFile); the oldest beyond UNPACKED_KEPT go. */
function keepUnpacked(path: string, bytes: Uint8Array): void {
  if (keepCacheFile(path, bytes)) pruneCacheFolder(dirname(path), (name) => name.endsWith('.sfnt'), UNPACKED_KEPT);
}

/** The SFNT bytes of a font file: shared ones adopted or read before, else read now (WOFF unpacked). */
export function fontFileBytes(file: string): Buffer {
  const known = files.get(file);
  if (known) return known.bytes;
  const st = statSync(file);
  const early = ahead.get(file);
  ahead.delete(file);
  if (early && early.size === st.size && early.mtimeMs === st.mtimeMs) {
    files.set(file, early);
    return early.bytes;
  }
  const cache = /\.woff$/i.test(file) ? unpackedPath(file, st.size) : undefined;
  const cached = cache ? cachedUnpacked(cache) : undefined;
  let bytes: Buffer;
  if (cached) bytes = cached;
  else {
    const read = readShared(file);
    bytes = read.bytes;
    if (isWoff(bytes)) {
      const sfnt = woffToSfnt(bytes);
      bytes = Buffer.from(new SharedArrayBuffer(sfnt.byteLength));
      bytes.set(sfnt);
      if (cache) keepUnpacked(cache, bytes);
    }
  }
  files.set(file, { file, size: st.size, mtimeMs: st.mtimeMs, bytes });
  return bytes;
}

/** Read a whole file into a SharedArrayBuffer on the thread pool; undefined when it is not a regular font-sized file. */
async function readSharedAhead(file: string): Promise<SharedFontFile | undefined> {
  // Checked before opening: opening a FIFO would block a pool thread, and the build with it.
  const st = await stat(file);
  if (!st.isFile() || st.size > MAX_FONT_BYTES) return undefined;
  const handle = await open(file, 'r');
  try {
    const bytes = Buffer.from(new SharedArrayBuffer(st.size));
    for (let at = 0; at < st.size; ) {
      const { bytesRead } = await handle.read(bytes, at, st.size - at, at);
      if (bytesRead === 0) return undefined;
      at += bytesRead;
    }
    return { file, size: st.size, mtimeMs: st.mtimeMs, bytes };
  } finally {
    await handle.close();
  }
}

/**
 * Read these font files ahead, all at once on the thread pool, so that fontFileBytes finds their
 * bytes ready. A WOFF is read ahead only when its unpacked SFNT is cached. Whatever cannot be
 * read here is left to fontFileBytes, which reads it again and reports the error then.
 */
export async function prefetchFontFiles(list: readonly string[]): Promise<void> {
  const wanted = [...new Set(list)].filter((f) => !files.has(f) && !ahead.has(f));
  await Promise.all(
    wanted.map(async (file) => {
      try {
        if (/\.woff$/i.test(file)) {
          const st = await stat(file);
          const sfnt = await readSharedAhead(unpackedPath(file, st.size));
          if (sfnt && looksSfnt(sfnt.bytes)) ahead.set(file, { file, size: st.size, mtimeMs: st.mtimeMs, bytes: sfnt.bytes });
          return;
        }
        const read = await readSharedAhead(file);
        if (read && !isWoff(read.bytes)) ahead.set(file, read);
      } catch {
        // Left to fontFileBytes.
      }
    }),
  );
}

/** Drop what was read ahead but not asked for (a face the set passed over after all). */
export function dropUnusedAhead(): void {
  ahead.clear();
}

/** Every font file read so far (what the main thread hands its workers). */
export function sharedFontFiles(): SharedFontFile[] {
  return [...files.values()];
}

/** Take font bytes another thread read; files that changed on disk since are skipped (read anew). */
export function adoptFontFiles(list: readonly SharedFontFile[]): void {
  for (const sent of list) {
    // Structured cloning turns the Buffer into a plain Uint8Array over the same shared memory.
    const f = { ...sent, bytes: Buffer.from(sent.bytes.buffer, sent.bytes.byteOffset, sent.bytes.byteLength) };
    if (files.has(f.file)) continue;
    try {
      const st = statSync(f.file);
      if (st.size === f.size && st.mtimeMs === f.mtimeMs) files.set(f.file, f);
    } catch {
      /* gone: whoever opens it gets the error */
    }
  }
}

/** Forget every file (tests that rewrite a font under the same path). */
export function clearFontBytes(): void {
  files.clear();
  ahead.clear();
}
