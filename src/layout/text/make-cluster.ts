/**
 * Building clusters from characters: cell clusters (one Han character or mark, or a ——/…… pair) and
 * natural-width clusters (a Latin word or number in the `latin` role, split by face where needed).
 */
import { latinRoleOf } from '../../fonts/roles.ts';
import { NO_END, NO_START, WORD_SUFFIXES, punctSide, type PunctSide } from './break-classes.ts';
import type { Cluster, Glyph, GlyphStyle } from './cluster.ts';
import type { Faces } from './faces.ts';
import type { TextStyle } from './segment.ts';

/** 破折号 U+2014 (or U+2015): the doubled form may begin a line, unlike the doubled 省略号. */
const DASHES = new Set([0x2014, 0x2015]);

/** One source character with its style. */
export interface Char {
  /** Code point. */
  cp: number;
  /** The character (plus any variation selector riding on it). */
  text: string;
  /** How it is set. */
  style: TextStyle;
}

// One GlyphStyle per (text style, face): shared objects keep a 100k-character layout light on the GC.
const glyphStyles = new WeakMap<TextStyle, Map<string, GlyphStyle>>();

function glyphStyle(faceKey: string, s: TextStyle): GlyphStyle {
  let byFace = glyphStyles.get(s);
  if (!byFace) glyphStyles.set(s, (byFace = new Map()));
  let g = byFace.get(faceKey);
  if (!g) byFace.set(faceKey, (g = { faceKey, sizePt: s.sizePt, fauxBold: s.fauxBold, placeholder: s.placeholder }));
  return g;
}

/** Han, kana or Hangul: a character that can stand alone as a 孤字. */
function isLetterCell(cp: number): boolean {
  if ((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || cp >= 0x20000) return true;
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0xac00 && cp <= 0xd7af)) return true;
  return cp === 0x3007; // 〇
}

export function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a === b || (a.role === b.role && a.sizePt === b.sizePt && a.fauxBold === b.fauxBold && a.placeholder === b.placeholder && a.faceKey === b.faceKey);
}

/** What a lone cell character's cluster takes from its character and style alone. */
interface CellGlyph {
  /** The cluster's glyphs: the one glyph (never changed once made, so clusters share it). */
  glyphs: Glyph[];
  /** May not begin a line. */
  noStart: boolean;
  /** May not end a line. */
  noEnd: boolean;
  /** A Han character (or kana…). */
  han: boolean;
  /** Its compression side when it is a compressible full-width mark (set in one cell). */
  side: PunctSide | undefined;
  /** A Han character's cluster set alone in one cell, made on first use: every repeat in the style is this object. */
  cluster?: Cluster;
}

/**
 * Lone cell characters by style and code point, per measurer (its faces and advances never
 * change): a document repeats a few thousand characters in a handful of styles, so each is
 * looked up and measured once per batch instead of once per occurrence.
 */
const cellGlyphs = new WeakMap<Faces['measurer'], WeakMap<TextStyle, Map<number, CellGlyph>>>();

/** The table of the style asked for last (runs of one style are long: most characters skip both lookups). */
let lastTable: { measurer: Faces['measurer']; style: TextStyle; byCp: Map<number, CellGlyph> } | undefined;

/** The cached glyph of a code point set alone (no variation selector riding on it) in a style. */
function cellGlyph(cp: number, style: TextStyle, faces: Faces): CellGlyph {
  let byCp: Map<number, CellGlyph> | undefined;
  if (lastTable && lastTable.style === style && lastTable.measurer === faces.measurer) byCp = lastTable.byCp;
  else {
    let byStyle = cellGlyphs.get(faces.measurer);
    if (!byStyle) cellGlyphs.set(faces.measurer, (byStyle = new WeakMap()));
    byCp = byStyle.get(style);
    if (!byCp) byStyle.set(style, (byCp = new Map()));
    lastTable = { measurer: faces.measurer, style, byCp };
  }
  let g = byCp.get(cp);
  if (!g) {
    const text = String.fromCodePoint(cp);
    const face = style.faceKey ?? faces.faceFor(style.role, cp);
    const glyph: Glyph = { text, style: glyphStyle(face, style), advPt: faces.advanceEm(face, text) * style.sizePt };
    g = { glyphs: [glyph], noStart: NO_START.has(cp), noEnd: NO_END.has(cp), han: isLetterCell(cp), side: punctSide(cp) };
    byCp.set(cp, g);
  }
  return g;
}

/** Whether a character is its code point alone (no variation selector riding on it). */
const bare = (c: Char) => c.text.length === (c.cp > 0xffff ? 2 : 1);

/**
 * The cluster of one cell character that is its code point alone, from its code point and style
 * (segment's common case: no `Char` object is made for it). A Han character's is one object for
 * all its repeats in that style, across documents: nothing changes a Han cluster once made
 * (compression and number marks only touch marks, spaces and words), and the text of a batch is
 * mostly repeats of a few thousand characters (the corpus: 46 MB of clusters allocated before).
 */
export function loneCellCluster(cp: number, style: TextStyle, faces: Faces, cells: number): Cluster {
  const g = cellGlyph(cp, style, faces);
  if (g.cluster && cells === 1) return g.cluster;
  const cellPt = style.cellPt;
  const c: Cluster = {
    glyphs: g.glyphs, cells, cellPt, widthPt: cells * cellPt, endWidthPt: cells * cellPt, shrinkPt: 0, endShrinkPt: 0,
    side: cells === 1 ? g.side : undefined, pairFirst: false, noStart: g.noStart, noEnd: g.noEnd, han: g.han, latin: false, glueBefore: false,
  };
  if (g.han && cells === 1) g.cluster = c;
  return c;
}

export function cellCluster(chars: Char[], faces: Faces, cells: number): Cluster {
  const first = chars[0]!;
  if (chars.length === 1 && bare(first)) return loneCellCluster(first.cp, first.style, faces, cells);
  const glyphs = chars.map((c): Glyph => {
    const face = c.style.faceKey ?? faces.faceFor(c.style.role, c.cp);
    const g: Glyph = { text: c.text, style: glyphStyle(face, c.style), advPt: faces.advanceEm(face, c.text) * c.style.sizePt };
    const ink = chars.length === 2 ? faces.inkSpans(face, c.cp) : undefined;
    if (ink) g.inkPt = ink.map(([a, b]) => [a * c.style.sizePt, b * c.style.sizePt] as const);
    return g;
  });
  const cellPt = first.style.cellPt;
  const paired = chars.length === 2;
  return {
    glyphs, cells, cellPt, widthPt: cells * cellPt, endWidthPt: cells * cellPt, shrinkPt: 0, endShrinkPt: 0,
    side: cells === 1 && chars.length === 1 ? punctSide(first.cp) : undefined, pairFirst: false,
    noStart: paired ? !DASHES.has(first.cp) : NO_START.has(first.cp),
    noEnd: !paired && NO_END.has(first.cp),
    han: !paired && isLetterCell(first.cp),
    latin: false,
    glueBefore: false,
  };
}

export function naturalCluster(chars: Char[], faces: Faces): Cluster {
  const glyphs: Glyph[] = [];
  let prevFace = '';
  let prevStyle: TextStyle | undefined;
  for (const c of chars) {
    const face = c.style.faceKey ?? faces.faceFor(latinRoleOf(c.style.role), c.cp);
    const last = glyphs[glyphs.length - 1];
    if (last && face === prevFace && prevStyle && sameStyle(prevStyle, c.style)) last.text += c.text;
    else glyphs.push({ text: c.text, style: glyphStyle(face, c.style), advPt: 0 });
    prevFace = face;
    prevStyle = c.style;
  }
  let width = 0;
  for (const g of glyphs) {
    g.advPt = faces.advanceEm(g.style.faceKey, g.text) * g.style.sizePt;
    width += g.advPt;
  }
  const first = chars[0]!;
  const last = chars[chars.length - 1]!;
  return {
    glyphs, cells: 0, cellPt: first.style.cellPt, widthPt: width, endWidthPt: width, shrinkPt: 0, endShrinkPt: 0,
    side: undefined, pairFirst: false,
    noStart: chars.length === 1 ? NO_START.has(first.cp) : WORD_SUFFIXES.has(first.cp),
    noEnd: chars.length === 1 ? NO_END.has(last.cp) : false,
    han: false, latin: true, glueBefore: false,
  };
}

