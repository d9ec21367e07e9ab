/**
 * Read only what the index needs from an SFNT file (table directories, `name`, `OS/2`, `head`):
 * a cold index of a Windows font folder would otherwise read a gigabyte. WOFF/WOFF2 (compressed)
 * and anything unexpected are read whole.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { checkFontFile } from './shared-bytes.ts';

const WANTED = new Set(['name', 'OS/2', 'head', 'hhea', 'maxp']);

/**
 * Bytes fontkit can index a font file from: for a single SFNT, its directory and the indexed tables
 * packed one after another (the directory's other entries keep their tags, with no bytes), so that
 * no buffer of the file's size is made (zeroing 10-15 MB took longer than reading the tables); for
 * a collection, a buffer of the file's size with the tables at their own offsets and zeros between.
 */
export function readFontHeaders(file: string): Uint8Array {
  checkFontFile(file);
  if (!/\.(ttf|otf|ttc|otc)$/i.test(file)) return readFileSync(file);
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(12, size));
    readSync(fd, head, 0, head.length, 0);
    if (head.length === 12 && head.toString('latin1', 0, 4) !== 'ttcf') return packedHeaders(fd, size, head);
    const out = Buffer.alloc(size);
    const fill = (offset: number, length: number): void => {
      if (offset < 0 || length < 0 || offset + length > size) throw new Error('[fonts] table outside the file');
      readSync(fd, out, offset, length, offset);
    };
    fill(0, Math.min(12, size));
    const faces: number[] = [];
    if (out.toString('latin1', 0, 4) === 'ttcf') {
      const n = out.readUInt32BE(8);
      fill(12, 4 * n);
      for (let i = 0; i < n; i++) faces.push(out.readUInt32BE(12 + 4 * i));
    } else faces.push(0);
    for (const at of faces) {
      fill(at, 12);
      const tables = out.readUInt16BE(at + 4);
      fill(at + 12, 16 * tables);
      for (let t = 0; t < tables; t++) {
        const rec = at + 12 + 16 * t;
        if (WANTED.has(out.toString('latin1', rec, rec + 4))) fill(out.readUInt32BE(rec + 8), out.readUInt32BE(rec + 12));
      }
    }
    return out;
  } catch {
    // Not the SFNT its name says: let the full parse decide.
    return readFileSync(file);
  } finally {
    closeSync(fd);
  }
}

/** A single SFNT's directory and indexed tables, packed (offsets rewritten; other tables empty). */
function packedHeaders(fd: number, size: number, head: Buffer): Buffer {
  const tables = head.readUInt16BE(4);
  const dir = Buffer.alloc(16 * tables);
  if (12 + dir.length > size) throw new Error('[fonts] directory outside the file');
  readSync(fd, dir, 0, dir.length, 12);
  const keep: Array<{ rec: number; offset: number; length: number }> = [];
  let end = 12 + dir.length;
  for (let t = 0; t < tables; t++) {
    const rec = 16 * t;
    const offset = dir.readUInt32BE(rec + 8);
    const length = dir.readUInt32BE(rec + 12);
    if (!WANTED.has(dir.toString('latin1', rec, rec + 4))) continue;
    if (offset + length > size) throw new Error('[fonts] table outside the file');
    keep.push({ rec, offset, length });
    end += (length + 3) & ~3;
  }
  const out = Buffer.alloc(end);
  head.copy(out, 0);
  // Entries of tables not read point at nothing: the index never decodes them.
  for (let t = 0; t < tables; t++) {
    dir.writeUInt32BE(0, 16 * t + 8);
    dir.writeUInt32BE(0, 16 * t + 12);
  }
  let at = 12 + dir.length;
  for (const k of keep) {
    readSync(fd, out, at, k.length, k.offset);
    dir.writeUInt32BE(at, k.rec + 8);
    dir.writeUInt32BE(k.length, k.rec + 12);
    at += (k.length + 3) & ~3;
  }
  dir.copy(out, 12);
  return out;
}
