/**
 * Font file bytes in shared memory, and WOFF faces unpacked once per machine. A batch's lanes (the main thread and its worker threads) each
 * parse the faces with fontkit, but the SFNT bytes under those parses — 70 MB for the bundled
 * faces, a WOFF unpacked among them — are read and unpacked once, in the main thread, into
 * SharedArrayBuffers; a worker adopts them (pipeline/worker.ts) instead of reading and inflating
 * its own copy, so a lane starts sooner and the process holds one copy, not one per lane.
 * A WOFF face (LXGW WenKai from npm: 10 MB, inflating to 24 MB takes ~80 ms, a tenth of a cold
 * build) is unpacked once and the SFNT kept in the cache folder (SPEECHDOC_CACHE_DIR, else
 * ~/.cache/speechdoc), named after the WOFF's path, size and mtime; later processes read that.
 * The cache is best effort: a folder that cannot be written only means unpacking each time.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCacheDir } from './system-index.ts';
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

const files = new Map<string, SharedFontFile>();

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

/** Where the unpacked SFNT of a WOFF file with this identity is cached. */
function unpackedPath(file: string, size: number, mtimeMs: number): string {
  const key = createHash('sha256').update(`${file}\0${size}\0${mtimeMs}`).digest('hex').slice(0, 32);
  return join(defaultCacheDir(), 'unpacked-fonts', `${key}.sfnt`);
}

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

/** Keep an unpacked SFNT for later processes (written aside, then renamed: never half a file). */
function keepUnpacked(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/** The SFNT bytes of a font file: shared ones adopted or read before, else read now (WOFF unpacked). */
export function fontFileBytes(file: string): Buffer {
  const known = files.get(file);
  if (known) return known.bytes;
  const st = statSync(file);
  const cache = /\.woff$/i.test(file) ? unpackedPath(file, st.size, st.mtimeMs) : undefined;
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
}
