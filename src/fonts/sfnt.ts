/**
 * The one SFNT (TrueType/OpenType container) reader and writer: the table directory, 4-byte
 * aligned tables, table checksums and head.checkSumAdjustment. WOFF unpacking (fonts/woff.ts) and
 * the renamed DOCX subsets (render/docx/rename-font.ts) both write through it.
 * Reference: OpenType spec, "Organization of an OpenType Font" and 'head'.
 */

/** One table to write. */
export interface SfntTable {
  /** Four-character tag. */
  tag: string;
  /** The table's bytes (unpadded). */
  data: Uint8Array;
  /** Checksum to record; computed from `data` when absent. */
  checksum?: number;
}

/** How to write. */
export interface SfntOptions {
  /** Recompute head.checkSumAdjustment over the whole file (needed after any table changed). */
  adjustHead?: boolean;
}

/** Length rounded up to a multiple of four. */
export function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** OpenType checksum of `length` bytes from `start` (zero-padded to four). */
export function sfntChecksum(bytes: Uint8Array, start: number, length: number): number {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const end = start + pad4(length);
  for (let i = start; i < end; i += 4) sum = (sum + (i + 4 <= bytes.length ? v.getUint32(i) : 0)) >>> 0;
  return sum;
}

/** The tables of an SFNT by tag, in directory order (views into `font`). */
export function readSfntTables(font: Uint8Array): Map<string, Uint8Array> {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const n = v.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < n; i++) {
    const r = 12 + 16 * i;
    const tag = String.fromCharCode(font[r]!, font[r + 1]!, font[r + 2]!, font[r + 3]!);
    const offset = v.getUint32(r + 8);
    tables.set(tag, font.subarray(offset, offset + v.getUint32(r + 12)));
  }
  return tables;
}

/** Write an SFNT with `flavor` (0x00010000 TrueType, 'OTTO' CFF) and the tables in the order given. */
export function writeSfnt(flavor: number, tables: readonly SfntTable[], options: SfntOptions = {}): Uint8Array {
  const n = tables.length;
  const dir = 12 + 16 * n;
  const out = new Uint8Array(tables.reduce((s, t) => s + pad4(t.data.length), dir));
  const w = new DataView(out.buffer);
  w.setUint32(0, flavor);
  w.setUint16(4, n);
  // searchRange & co. are informational (fontkit ignores them) but kept correct.
  const pow = 2 ** Math.floor(Math.log2(Math.max(n, 1)));
  w.setUint16(6, pow * 16);
  w.setUint16(8, Math.log2(pow));
  w.setUint16(10, n * 16 - pow * 16);
  let offset = dir;
  let headAt = -1;
  tables.forEach((t, i) => {
    out.set(t.data, offset);
    if (t.tag === 'head' && options.adjustHead) {
      headAt = offset;
      w.setUint32(offset + 8, 0); // checkSumAdjustment is computed with this field zeroed
    }
    const r = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[r + k] = t.tag.charCodeAt(k);
    w.setUint32(r + 4, t.checksum ?? sfntChecksum(out, offset, t.data.length));
    w.setUint32(r + 8, offset);
    w.setUint32(r + 12, t.data.length);
    offset += pad4(t.data.length);
  });
  if (headAt >= 0) w.setUint32(headAt + 8, (0xb1b0afba - sfntChecksum(out, 0, out.length)) >>> 0);
  return out;
}
