/**
 * WOFF 1.0 → SFNT, done once at load. fontkit reads WOFF itself but re-inflates the whole glyf table
 * (in JavaScript) for every glyph it decodes: 0.5 s per glyph for LXGW WenKai's 10 MB of outlines,
 * which makes measuring and PDF subsetting unusable. zlib inflates each table once instead.
 */
import { inflateSync } from 'node:zlib';
import { writeSfnt, type SfntTable } from './sfnt.ts';

/** Whether bytes are a WOFF 1.0 file. */
export function isWoff(buf: Uint8Array): boolean {
  return buf.length > 44 && buf[0] === 0x77 && buf[1] === 0x4f && buf[2] === 0x46 && buf[3] === 0x46; // 'wOFF'
}

/** Unpack a WOFF 1.0 file into the SFNT it wraps. Throws `[fonts]` on a malformed file. */
export function woffToSfnt(buf: Uint8Array): Buffer {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const flavor = v.getUint32(4);
  const n = v.getUint16(12);
  const tables: SfntTable[] = [];
  for (let i = 0; i < n; i++) {
    const e = 44 + 20 * i;
    const offset = v.getUint32(e + 4);
    const compLength = v.getUint32(e + 8);
    const origLength = v.getUint32(e + 12);
    if (offset + compLength > buf.length) throw new Error('[fonts] truncated WOFF table');
    const raw = buf.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error('[fonts] WOFF table has the wrong length');
    tables.push({ tag: String.fromCharCode(buf[e]!, buf[e + 1]!, buf[e + 2]!, buf[e + 3]!), checksum: v.getUint32(e + 16), data });
  }
  const out = writeSfnt(flavor, tables);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
