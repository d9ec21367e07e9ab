/**
 * The layout engine's Measurer over a FontSet. Layout asks for thousands of advances per page, so
 * widths are cached per face (and shared by every measurer of the process): Han and punctuation are
 * summed from per-code-point advances without shaping; only runs with Latin letters are shaped, so
 * kerning applies where it exists.
 */
import type { Font } from 'fontkit';
import type { FontSet, LoadedFace, Measurer } from './types.ts';
import { displayName } from './font-set.ts';
import { horizontalMetrics } from '../adapters/fontkit.ts';

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
    // The glyph object is still made here, first, as before: fontkit keeps the code points it was
    // first asked for (the PDF's ToUnicode entry); only its metrics come from hmtx directly.
    const g = font.glyphForCodePoint(cp);
    const hm = horizontalMetrics(font);
    a = (hm ? hm.advance(g.id) : g.advanceWidth) / font.unitsPerEm;
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

const inkCache = new WeakMap<Font, Map<number, [number, number][]>>();

/**
 * Horizontal ink extents of a code point's glyph, in em: one span per contour (control points
 * included, which only widens a curve's span by a hair), overlapping spans merged, left to right.
 */
export function inkSpans(font: Font, cp: number): [number, number][] {
  let byCp = inkCache.get(font);
  if (!byCp) inkCache.set(font, (byCp = new Map()));
  const hit = byCp.get(cp);
  if (hit) return hit;
  const spans: [number, number][] = [];
  let cur: [number, number] | undefined;
  for (const c of font.glyphForCodePoint(cp).path.commands) {
    if (c.command === 'moveTo' || !cur) spans.push((cur = [Infinity, -Infinity]));
    for (let i = 0; i < c.args.length; i += 2) {
      const x = c.args[i]!;
      cur[0] = Math.min(cur[0], x);
      cur[1] = Math.max(cur[1], x);
    }
  }
  const upm = font.unitsPerEm;
  const merged: [number, number][] = [];
  for (const [a, b] of spans.filter(([a, b]) => a <= b).sort((p, q) => p[0] - q[0])) {
    const last = merged[merged.length - 1];
    if (last && a / upm <= last[1]) last[1] = Math.max(last[1], b / upm);
    else merged.push([a / upm, b / upm]);
  }
  byCp.set(cp, merged);
  return merged;
}

/** Ascent and descent in em: hhea, or OS/2 typo metrics when the font asks for them (USE_TYPO_METRICS). */
export function faceMetrics(font: Font): { ascent: number; descent: number } {
  const os2 = font['OS/2'];
  const upm = font.unitsPerEm;
  if (os2?.fsSelection?.useTypoMetrics) return { ascent: os2.typoAscender / upm, descent: os2.typoDescender / upm };
  return { ascent: font.hhea.ascent / upm, descent: font.hhea.descent / upm };
}

/** The measurer of each font set: one per set, so what is cached per measurer serves every document. */
const measurers = new WeakMap<FontSet, Measurer>();

/**
 * The Measurer over a font set; face keys are `LoadedFace.key`. One object per font set (a set
 * never changes, so neither do its answers): the style stage's face cache and the layout's
 * advance, cell-glyph and text-style caches are keyed by the measurer, and a batch asks for a
 * measurer per document and per stage.
 */
export function createMeasurer(fontSet: FontSet): Measurer {
  let m = measurers.get(fontSet);
  if (!m) measurers.set(fontSet, (m = newMeasurer(fontSet)));
  return m;
}

function newMeasurer(fontSet: FontSet): Measurer {
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
    inkSpans: (key, cp) => inkSpans(face(key), cp),
    faceName: (key) => { const f = byKey.get(key); return f ? displayName(f) : key; },
  };
}
