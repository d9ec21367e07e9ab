/**
 * Real-font measurement for layout tests. Uses the fonts module (`loadFontSet` + `createMeasurer`)
 * when it exists; until then a stand-in over the bundled npm fonts (Noto Serif/Sans SC, LXGW
 * WenKai, Tinos) parsed with fontkit, roles as GB/T 9704 suggests. Either way: a FontSet the PDF
 * renderer can draw with, and a Measurer over the same faces.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import type { FontSet, LoadedFace } from '../../src/fonts/types.ts';
import type { FontRole } from '../../src/fonts/roles.ts';
import type { Measurer } from '../../src/layout/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const NM = 'node_modules';
const FILES: Record<string, string> = {
  serif: `${NM}/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf`,
  serifBold: `${NM}/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf`,
  sans: `${NM}/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf`,
  kai: `${NM}/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff`,
  latin: `${NM}/@fontsource/tinos/files/tinos-latin-400-normal.woff`,
};
const ROLES: Record<FontRole, string> = {
  title: 'serifBold', body: 'serif', heading1: 'sans', heading2: 'kai', heading3: 'serif', lead: 'kai',
  titleBlock: 'kai', pageNumber: 'serif', latin: 'latin',
};

/**
 * WOFF 1.0 → plain sfnt. fontkit inflates a WOFF table on every access (~300 ms per WenKai glyph),
 * so the stand-in unpacks the file once.
 */
function unwoff(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) return woff; // 'wOFF'
  const n = woff.readUInt16BE(12);
  const tables = Array.from({ length: n }, (_, i) => {
    const e = 44 + i * 20;
    const [offset, comp, orig] = [woff.readUInt32BE(e + 4), woff.readUInt32BE(e + 8), woff.readUInt32BE(e + 12)];
    const raw = woff.subarray(offset, offset + comp);
    return { tag: woff.readUInt32BE(e), checksum: woff.readUInt32BE(e + 16), data: comp < orig ? inflateSync(raw) : raw };
  });
  const head = 12 + 16 * n;
  let size = head;
  for (const t of tables) size += (t.data.length + 3) & ~3;
  const out = Buffer.alloc(size);
  out.writeUInt32BE(woff.readUInt32BE(4), 0);
  out.writeUInt16BE(n, 4);
  let pos = head;
  tables.forEach((t, i) => {
    const e = 12 + i * 16;
    out.writeUInt32BE(t.tag, e);
    out.writeUInt32BE(t.checksum, e + 4);
    out.writeUInt32BE(pos, e + 8);
    out.writeUInt32BE(t.data.length, e + 12);
    t.data.copy(out, pos);
    pos += (t.data.length + 3) & ~3;
  });
  return out;
}

function load(key: string, rel: string): LoadedFace {
  const file = join(ROOT, rel);
  const font = fontkit.create(unwoff(readFileSync(file))) as Font;
  return {
    key, font,
    info: {
      file, index: 0, postscriptName: font.postscriptName, family: font.familyName, names: [font.familyName], weight: 400,
      outline: 'glyf', format: rel.endsWith('.woff') ? 'woff' : 'ttf', embedding: 'installable', source: 'bundled',
    },
  };
}

let cached: { fontSet: FontSet; measurer: Measurer } | undefined;

/** The stand-in font set and its measurer (parsed once per process). */
export function standInFonts(): { fontSet: FontSet; measurer: Measurer } {
  if (cached) return cached;
  const faces = new Map(Object.entries(FILES).map(([k, f]) => [k, load(k, f)]));
  const order = [...faces.values()];
  const fontSet: FontSet = {
    role: (r) => faces.get(ROLES[r])!,
    faceFor: (r, cp) => {
      const own = faces.get(ROLES[r])!;
      return own.font.hasGlyphForCodePoint(cp) ? own : order.find((f) => f.font.hasGlyphForCodePoint(cp));
    },
    faces: () => order,
    describe: () => order.map((f) => `${f.key}: ${f.info.postscriptName}`),
  };
  const measurer: Measurer = {
    faceFor: (r, cp) => fontSet.faceFor(r, cp)?.key,
    roleFace: (r) => ROLES[r],
    advance: (key, text) => {
      const f = faces.get(key)!.font;
      const cp = text.codePointAt(0)!;
      // One character: its advance straight from hmtx (shaping a CJK font is slow and changes nothing).
      if (text.length === String.fromCodePoint(cp).length) return f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm;
      return f.layout(text).advanceWidth / f.unitsPerEm;
    },
    metrics: (key) => {
      const f = faces.get(key)!.font;
      return { ascent: f.ascent / f.unitsPerEm, descent: f.descent / f.unitsPerEm };
    },
  };
  cached = { fontSet, measurer };
  return cached;
}

/** Fonts module when present, else the stand-in. */
export async function realFonts(): Promise<{ fontSet: FontSet; measurer: Measurer; source: string }> {
  try {
    const mod = (await import('../../src/fonts/index.ts' as string)) as {
      loadFontSet(o: { useSystemFonts: boolean }): Promise<{ fontSet: FontSet }> | { fontSet: FontSet };
      createMeasurer(s: FontSet): Measurer;
    };
    const { fontSet } = await mod.loadFontSet({ useSystemFonts: false });
    return { fontSet, measurer: mod.createMeasurer(fontSet), source: 'src/fonts' };
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    return { ...standInFonts(), source: 'stand-in' };
  }
}
