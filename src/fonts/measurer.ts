/**
 * The layout engine's Measurer over a FontSet. Layout asks for thousands of advances per page, so
 * widths are cached per face (and shared by every measurer of the process): Han and punctuation are
 * summed from per-code-point advances without shaping; only runs with Latin letters are shaped, so
 * kerning applies where it exists.
 */
import type { Font } from 'fontkit';
import type { FontSet, LoadedFace, Measurer } from './types.ts';
import { displayName } from './font-set.ts';

interface FaceWidths {
  /** Advance per code point, in em. */
  perCodePoint: Map<number, number>;
  /** Shaped advance per Latin-bearing string, in em. */
  shaped: Map<string, number>;
}

const widths = new WeakMap<Font, FaceWidths>();
/** Shaped strings kept per face; a bound so a long batch cannot grow the cache without limit. */
const SHAPED_LIMIT = 50_000;
const LATIN = /[A-Za-z]/;

function widthsOf(font: Font): FaceWidths {
  let w = widths.get(font);
  if (!w) widths.set(font, (w = { perCodePoint: new Map(), shaped: new Map() }));
  return w;
}

/** Advance of one code point in em (the .notdef advance when the face lacks it). */
export function codePointAdvance(font: Font, cp: number): number {
  const w = widthsOf(font);
  let a = w.perCodePoint.get(cp);
  if (a === undefined) {
    a = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
    w.perCodePoint.set(cp, a);
  }
  return a;
}

/** Advance of a string in em: shaped (kerned) when it holds Latin letters, summed otherwise. */
export function textAdvance(font: Font, text: string): number {
  if (LATIN.test(text)) {
    const w = widthsOf(font);
    let a = w.shaped.get(text);
    if (a === undefined) {
      const run = font.layout(text);
      a = run.positions.reduce((s, p) => s + p.xAdvance, 0) / font.unitsPerEm;
      if (w.shaped.size >= SHAPED_LIMIT) w.shaped.clear();
      w.shaped.set(text, a);
    }
    return a;
  }
  let sum = 0;
  for (const ch of text) sum += codePointAdvance(font, ch.codePointAt(0)!);
  return sum;
}

/** Ascent and descent in em: hhea, or OS/2 typo metrics when the font asks for them (USE_TYPO_METRICS). */
export function faceMetrics(font: Font): { ascent: number; descent: number } {
  const os2 = font['OS/2'];
  const upm = font.unitsPerEm;
  if (os2?.fsSelection?.useTypoMetrics) return { ascent: os2.typoAscender / upm, descent: os2.typoDescender / upm };
  return { ascent: font.hhea.ascent / upm, descent: font.hhea.descent / upm };
}

/** A Measurer over a font set; face keys are `LoadedFace.key`. */
export function createMeasurer(fontSet: FontSet): Measurer {
  const byKey = new Map<string, LoadedFace>(fontSet.faces().map((f) => [f.key, f]));
  const face = (key: string): Font => {
    const f = byKey.get(key);
    if (!f) throw new Error(`[fonts] unknown face key ${JSON.stringify(key)}`);
    return f.font;
  };
  return {
    faceFor: (role, cp) => fontSet.faceFor(role, cp)?.key,
    advance: (key, text) => textAdvance(face(key), text),
    metrics: (key) => faceMetrics(face(key)),
    roleFace: (role) => fontSet.role(role).key,
    faceName: (key) => { const f = byKey.get(key); return f ? displayName(f) : key; },
  };
}
