/**
 * Read only what the index needs from an SFNT file (table directories, `name`, `OS/2`, `head`):
 * a cold index of a Windows font folder would otherwise read a gigabyte. The tables land at their
 * own offsets in a zero-filled buffer of the file's size, so fontkit parses it as the whole file.
 * WOFF/WOFF2 (compressed) and anything unexpected are read whole.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { checkFontFile } from './shared-bytes.ts';

const WANTED = new Set(['name', 'OS/2', 'head', 'hhea', 'maxp']);

/** Bytes of a font file with everything but the indexed tables left as zeros. */
export function readFontHeaders(file: string): Uint8Array {
  checkFontFile(file);
  if (!/\.(ttf|otf|ttc|otc)$/i.test(file)) return readFileSync(file);
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
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
