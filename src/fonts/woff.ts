/**
 * WOFF 1.0 → SFNT, done once at load. fontkit reads WOFF itself but re-inflates the whole glyf table
 * (in JavaScript) for every glyph it decodes: 0.5 s per glyph for LXGW WenKai's 10 MB of outlines,
 * which makes measuring and PDF subsetting unusable. zlib inflates each table once instead.
 */
import { inflateSync } from 'node:zlib';

/** Whether bytes are a WOFF 1.0 file. */
export function isWoff(buf: Uint8Array): boolean {
  return buf.length > 44 && buf[0] === 0x77 && buf[1] === 0x4f && buf[2] === 0x46 && buf[3] === 0x46; // 'wOFF'
}

/** Unpack a WOFF 1.0 file into the SFNT it wraps. Throws `[fonts]` on a malformed file. */
export function woffToSfnt(buf: Uint8Array): Buffer {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const flavor = v.getUint32(4);
  const n = v.getUint16(12);
  const tables: { tag: Uint8Array; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < n; i++) {
    const e = 44 + 20 * i;
    const offset = v.getUint32(e + 4);
    const compLength = v.getUint32(e + 8);
    const origLength = v.getUint32(e + 12);
    if (offset + compLength > buf.length) throw new Error('[fonts] truncated WOFF table');
    const raw = buf.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error('[fonts] WOFF table has the wrong length');
    tables.push({ tag: buf.subarray(e, e + 4), checksum: v.getUint32(e + 16), data });
  }
  let size = 12 + 16 * n;
  for (const t of tables) size += (t.data.length + 3) & ~3;
  // Shared memory, so the lanes of a batch can use one copy (fonts/shared-bytes.ts).
  const out = Buffer.from(new SharedArrayBuffer(size));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(n, 4);
  // searchRange & co. are informational; fontkit ignores them, but keep them correct.
  const pow = 2 ** Math.floor(Math.log2(Math.max(n, 1)));
  out.writeUInt16BE(pow * 16, 6);
  out.writeUInt16BE(Math.log2(pow), 8);
  out.writeUInt16BE(n * 16 - pow * 16, 10);
  let offset = 12 + 16 * n;
  tables.forEach((t, i) => {
    const rec = 12 + 16 * i;
    out.set(t.tag, rec);
    out.writeUInt32BE(t.checksum, rec + 4);
    out.writeUInt32BE(offset, rec + 8);
    out.writeUInt32BE(t.data.length, rec + 12);
    out.set(t.data, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}
