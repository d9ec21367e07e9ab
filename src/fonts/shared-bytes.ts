/**
 * Font file bytes in shared memory. A batch's lanes (the main thread and its worker threads) each
 * parse the faces with fontkit, but the SFNT bytes under those parses — 70 MB for the bundled
 * faces, a WOFF unpacked among them — are read and unpacked once, in the main thread, into
 * SharedArrayBuffers; a worker adopts them (pipeline/worker.ts) instead of reading and inflating
 * its own copy, so a lane starts sooner and the process holds one copy, not one per lane.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
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

/** The SFNT bytes of a font file: shared ones adopted or read before, else read now (WOFF unpacked). */
export function fontFileBytes(file: string): Buffer {
  const known = files.get(file);
  if (known) return known.bytes;
  const read = readShared(file);
  const bytes = isWoff(read.bytes) ? woffToSfnt(read.bytes) : read.bytes;
  files.set(file, { file, size: read.size, mtimeMs: read.mtimeMs, bytes });
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
