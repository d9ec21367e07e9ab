/**
 * Give an embedded subset a family name of its own.
 * Why: Word and LibreOffice keep embedded fonts per process by family name, so the second of two
 * open documents that embed different subsets of "Noto Serif SC" is drawn with the first one's
 * glyphs and shows blanks for the rest (measured in LibreOffice 7.4). A name derived from the
 * subset's content makes every distinct subset a distinct font, and the same text the same name.
 * Reference: OpenType 'name' table (format 0), 'head' checkSumAdjustment; ECMA-376 §17.8.3.
 */
import { readSfntTables, writeSfnt } from '../../fonts/sfnt.ts';

/** Name ids replaced: family, unique id, full name, PostScript name, typographic family/subfamily, WWS. */
const REPLACED = new Set([1, 3, 4, 6, 16, 17, 21, 22]);
const WINDOWS = 3;
const UNICODE_BMP = 1;
const EN_US = 0x409;

/** A copy of `font` whose name table calls it `family` (PostScript name: `family` without spaces). */
export function renameFamily(font: Uint8Array, family: string): Uint8Array {
  const tables = readSfntTables(font);
  const name = tables.get('name');
  if (!name) throw new Error('[render-docx] font has no name table');
  tables.set('name', rewriteName(name, family));
  const flavor = new DataView(font.buffer, font.byteOffset, font.byteLength).getUint32(0);
  // Tables in tag order with fresh checksums and head.checkSumAdjustment.
  const sorted = [...tables.keys()].sort().map((tag) => ({ tag, data: tables.get(tag)! }));
  return writeSfnt(flavor, sorted, { adjustHead: true });
}

/** Keep the records not replaced, add Windows English records for the new names. */
function rewriteName(table: Uint8Array, family: string): Uint8Array {
  const v = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const count = v.getUint16(2);
  const storage = v.getUint16(4);
  const subfamily = 'Regular';
  const records: Array<{ platform: number; encoding: number; language: number; id: number; bytes: Uint8Array }> = [];
  for (let i = 0; i < count; i++) {
    const r = 6 + 12 * i;
    const id = v.getUint16(r + 6);
    const language = v.getUint16(r + 4);
    // Localized family names (霞鹜文楷 under zh-CN) would give the font a second name to be found by.
    if (REPLACED.has(id) || (id === 2 && language !== EN_US)) continue;
    const start = storage + v.getUint16(r + 10);
    records.push({ platform: v.getUint16(r), encoding: v.getUint16(r + 2), language, id, bytes: table.subarray(start, start + v.getUint16(r + 8)) });
  }
  const postscript = family.replace(/[^A-Za-z0-9-]/g, '');
  for (const [id, text] of [[1, family], [3, postscript], [4, family], [6, postscript]] as const) {
    records.push({ platform: WINDOWS, encoding: UNICODE_BMP, language: EN_US, id, bytes: utf16be(text) });
  }
  if (!records.some((r) => r.id === 2)) records.push({ platform: WINDOWS, encoding: UNICODE_BMP, language: EN_US, id: 2, bytes: utf16be(subfamily) });
  records.sort((a, b) => a.platform - b.platform || a.encoding - b.encoding || a.language - b.language || a.id - b.id);
  const header = 6 + 12 * records.length;
  const size = header + records.reduce((n, r) => n + r.bytes.length, 0);
  const out = new Uint8Array(size);
  const w = new DataView(out.buffer);
  w.setUint16(0, 0);
  w.setUint16(2, records.length);
  w.setUint16(4, header);
  let offset = 0;
  records.forEach((r, i) => {
    const at = 6 + 12 * i;
    w.setUint16(at, r.platform);
    w.setUint16(at + 2, r.encoding);
    w.setUint16(at + 4, r.language);
    w.setUint16(at + 6, r.id);
    w.setUint16(at + 8, r.bytes.length);
    w.setUint16(at + 10, offset);
    out.set(r.bytes, header + offset);
    offset += r.bytes.length;
  });
  return out;
}

function utf16be(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) >> 8;
    out[2 * i + 1] = s.charCodeAt(i) & 0xff;
  }
  return out;
}
