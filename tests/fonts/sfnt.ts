/**
 * Tiny SFNT writer for font tests: rename a face (new name table), patch fsType, and wrap faces in a
 * TrueType collection, so tests need no font but the bundled ones.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import subsetFont from 'subset-font';

/** Root of the repository. */
export const ROOT = resolve(import.meta.dirname, '../..');
const NM = join(ROOT, 'node_modules');

/** Bundled font files used by the tests. */
export const BUNDLED = {
  serif: join(NM, '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  sans: join(NM, '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  wenkai: join(NM, '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff'),
  tinos: join(NM, '@fontsource/tinos/files/tinos-latin-400-normal.woff'),
};

/** A fresh temporary directory. */
export function tempDir(tag = 'fonts'): string {
  return mkdtempSync(join(tmpdir(), `speechdoc-${tag}-`));
}

type Tables = Map<string, Uint8Array>;

/** Split an SFNT into its tables. */
export function readTables(buf: Uint8Array): { version: number; tables: Tables } {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const n = v.getUint16(4);
  const tables: Tables = new Map();
  for (let i = 0; i < n; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(...buf.subarray(rec, rec + 4));
    const off = v.getUint32(rec + 8);
    tables.set(tag, buf.slice(off, off + v.getUint32(rec + 12)));
  }
  return { version: v.getUint32(0), tables };
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** Lay out table directories of several faces followed by all table data, starting at `base`. */
function writeFaces(faces: { version: number; tables: Tables }[], base: number): { dirs: Uint8Array[]; data: Uint8Array } {
  const dirSizes = faces.map((f) => 12 + 16 * f.tables.size);
  let offset = base + dirSizes.reduce((a, b) => a + b, 0);
  const chunks: Uint8Array[] = [];
  const dirs = faces.map((f, fi) => {
    const dir = new Uint8Array(dirSizes[fi]!);
    const v = new DataView(dir.buffer);
    v.setUint32(0, f.version);
    v.setUint16(4, f.tables.size);
    [...f.tables.keys()].sort().forEach((tag, i) => {
      const data = f.tables.get(tag)!;
      const rec = 12 + 16 * i;
      for (let k = 0; k < 4; k++) dir[rec + k] = tag.charCodeAt(k);
      v.setUint32(rec + 8, offset);
      v.setUint32(rec + 12, data.length);
      const padded = new Uint8Array(pad4(data.length));
      padded.set(data);
      chunks.push(padded);
      offset += padded.length;
    });
    return dir;
  });
  return { dirs, data: Buffer.concat(chunks) };
}

/** Write one SFNT. */
export function writeSfnt(face: { version: number; tables: Tables }): Uint8Array {
  const { dirs, data } = writeFaces([face], 0);
  return Buffer.concat([dirs[0]!, data]);
}

/** Write a TrueType collection of several faces. */
export function writeTtc(faces: { version: number; tables: Tables }[]): Uint8Array {
  const header = new Uint8Array(12 + 4 * faces.length);
  const hv = new DataView(header.buffer);
  header.set([0x74, 0x74, 0x63, 0x66]); // 'ttcf'
  hv.setUint32(4, 0x00010000);
  hv.setUint32(8, faces.length);
  const { dirs, data } = writeFaces(faces, header.length);
  let off = header.length;
  dirs.forEach((d, i) => {
    hv.setUint32(12 + 4 * i, off);
    off += d.length;
  });
  return Buffer.concat([header, ...dirs, data]);
}

/** A name table (Windows, Unicode BMP) with family/full/PostScript names in English and, optionally, Chinese. */
export function nameTable(n: { family: string; postscript: string; zhFamily?: string }): Uint8Array {
  const recs: { lang: number; id: number; text: string }[] = [
    { lang: 0x409, id: 1, text: n.family },
    { lang: 0x409, id: 2, text: 'Regular' },
    { lang: 0x409, id: 4, text: n.family },
    { lang: 0x409, id: 6, text: n.postscript },
  ];
  if (n.zhFamily) recs.push({ lang: 0x804, id: 1, text: n.zhFamily }, { lang: 0x804, id: 4, text: n.zhFamily });
  recs.sort((a, b) => a.lang - b.lang || a.id - b.id);
  const strings = recs.map((r) => Buffer.from(r.text, 'utf16le').swap16());
  const head = 6 + 12 * recs.length;
  const out = new Uint8Array(head + strings.reduce((a, s) => a + s.length, 0));
  const v = new DataView(out.buffer);
  v.setUint16(2, recs.length);
  v.setUint16(4, head);
  let off = 0;
  recs.forEach((r, i) => {
    const p = 6 + 12 * i;
    v.setUint16(p, 3);
    v.setUint16(p + 2, 1);
    v.setUint16(p + 4, r.lang);
    v.setUint16(p + 6, r.id);
    v.setUint16(p + 8, strings[i]!.length);
    v.setUint16(p + 10, off);
    out.set(strings[i]!, head + off);
    off += strings[i]!.length;
  });
  return out;
}

/** A small TTF of `text` cut from a bundled font, renamed and with the given fsType. */
export async function fakeFont(
  source: Uint8Array,
  text: string,
  names: { family: string; postscript: string; zhFamily?: string },
  fsType = 0,
): Promise<{ version: number; tables: Tables }> {
  const sub = await subsetFont(Buffer.from(source), text, { targetFormat: 'sfnt' });
  const face = readTables(new Uint8Array(sub));
  face.tables.set('name', nameTable(names));
  const os2 = face.tables.get('OS/2')!;
  new DataView(os2.buffer, os2.byteOffset).setUint16(8, fsType);
  return face;
}
