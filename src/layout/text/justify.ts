/**
 * Set one line: squeeze it when push-in made it too long (line-end mark first, then the other marks
 * equally), or stretch it flush with both edges by spreading the slack over the gaps between
 * clusters (never inside ——, ……, numbers or words). Then place every glyph in its cells: each
 * cell character occupies exactly one cell whatever its advance (narrow glyphs such as WenKai's
 * 0.35 em quotes sit on their ink side; a short 破折号 closes up in the middle of its two cells).
 * Reference: clreq "Line Adjustment" (先挤压、后拉伸); typesetting.md §3.5.
 */
import type { Cluster, Glyph, GlyphStyle } from './cluster.ts';
import type { LineMetrics, LineRange } from './break-lines.ts';

/**
 * The glyphs of a set line with their places, struct of arrays: each is read once (by buildRuns),
 * so no object is made per glyph. Text, style and natural advance are the glyph's own.
 */
export class PlacedGlyphs {
  /** Number of glyphs placed. */
  length = 0;
  /** The glyphs, left to right. */
  readonly glyph: Glyph[] = [];
  /** Origin x of each, in points. */
  xPt = new Float64Array(64);
  /** Where the next glyph's cell begins after each (end of its cell plus any stretch). */
  penAfterPt = new Float64Array(64);

  /** Append a glyph at x. */
  push(g: Glyph, x: number, penAfter: number): void {
    const i = this.length++;
    if (i === this.xPt.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(2 * a.length);
        b.set(a);
        return b;
      };
      this.xPt = grow(this.xPt);
      this.penAfterPt = grow(this.penAfterPt);
    }
    this.glyph[i] = g;
    this.xPt[i] = x;
    this.penAfterPt[i] = penAfter;
  }
}

/** A set line: glyphs and its set width (from the first cell's left to the last cell's right edge). */
export interface SetLine {
  /** Placed glyphs, left to right. */
  glyphs: PlacedGlyphs;
  /** Set width in points. */
  widthPt: number;
}

/** A glyph narrower than this share of its cell is placed by its ink side instead of at the cell start. */
const NARROW = 0.95;

function squeeze(c: readonly Cluster[], r: LineRange, widths: number[], excess: number): void {
  const lastIdx = r.end - 1;
  const lastTake = Math.min(excess, c[lastIdx]!.endShrinkPt);
  widths[widths.length - 1]! -= lastTake;
  let rest = excess - lastTake;
  // Equal shares, capped per mark; a few rounds settle unequal caps.
  for (let round = 0; round < 4 && rest > 1e-9; round++) {
    const open: number[] = [];
    for (let i = r.start; i < lastIdx; i++) {
      const k = i - r.start;
      if (c[i]!.shrinkPt - (c[i]!.widthPt - widths[k]!) > 1e-9) open.push(k);
    }
    if (open.length === 0) break;
    const share = rest / open.length;
    for (const k of open) {
      const cl = c[r.start + k]!;
      const take = Math.min(share, cl.shrinkPt - (cl.widthPt - widths[k]!));
      widths[k]! -= take;
      rest -= take;
    }
  }
}

/** Gap kinds of a justified line: next to a word space, inside a URL or long word, between characters. */
const SPACE = 0;
const GLUE = 1;
const HAN = 2;

/** Most a word space grows before Han gaps open, in cells. */
const SPACE_FIRST = 1;
/** Most a gap between Han characters grows, in cells, before the pieces of a URL are spaced out (Han pitch ≤ 1.15). */
const HAN_LIMIT = 0.15;

function isSpaceCluster(c: Cluster): boolean {
  return c.latin && c.glyphs.length === 1 && (c.glyphs[0]!.text === ' ' || c.glyphs[0]!.text === '\u3000');
}

/**
 * The stretch of each gap of a justified line (gap k follows cluster r.start + k), by priority:
 * word spaces first (up to a cell), then the gaps between characters (up to 0.15 cell, so Han
 * pitch stays ≤ 1.15 cells), then the joints inside a URL or long word, and only then the
 * character gaps without limit. No stretch inside ——, ……, a number or a word.
 */
function stretch(c: readonly Cluster[], r: LineRange, slack: number): number[] {
  const n = r.end - r.start - 1;
  const kinds = new Uint8Array(n);
  const count = [0, 0, 0];
  for (let k = 0; k < n; k++) {
    const a = c[r.start + k]!;
    const b = c[r.start + k + 1]!;
    const kind = isSpaceCluster(a) || isSpaceCluster(b) ? SPACE : b.glueBefore ? GLUE : HAN;
    kinds[k] = kind;
    count[kind]!++;
  }
  const cell = c[r.start]!.cellPt;
  // Every gap of a kind gets the same shares in the same order, so one sum per kind is each gap's stretch.
  const per = [0, 0, 0];
  let rest = slack;
  const spread = (kind: number, cap: number) => {
    const slots = count[kind]!;
    if (slots === 0 || rest <= 1e-9) return;
    const each = Math.min(cap, rest / slots);
    per[kind]! += each;
    rest -= each * slots;
  };
  spread(SPACE, SPACE_FIRST * cell);
  spread(HAN, HAN_LIMIT * cell);
  spread(GLUE, Infinity);
  spread(HAN, Infinity);
  spread(SPACE, Infinity);
  const gaps = new Array<number>(n);
  for (let k = 0; k < n; k++) gaps[k] = per[kinds[k]!]!;
  return gaps;
}

function placeCluster(cl: Cluster, x: number, width: number, out: PlacedGlyphs, penAfter: number): void {
  const g = cl.glyphs;
  if (cl.cells === 0) {
    let gx = x;
    for (let k = 0; k < g.length; k++) {
      const gl = g[k]!;
      out.push(gl, gx, k === g.length - 1 ? penAfter : 0);
      gx += gl.advPt;
    }
    return;
  }
  const cell = cl.cellPt;
  if (g.length === 2) {
    const [a, b] = g as [Glyph, Glyph];
    const placed = cl.cells === 1 ? sharedCell(a, b, x, cell) : a.inkPt && b.inkPt ? byInk(a, b, x, 2 * cell) : undefined;
    if (placed) {
      out.push(a, placed[0], placed[1]);
      out.push(b, placed[1], penAfter);
      return;
    }
  }
  if (g.length === 2) {
    // ——/……: the first glyph closes up to the middle from the left, the second from the right.
    const [a, b] = g as [Glyph, Glyph];
    const ax = a.advPt < NARROW * cell ? x + cell - a.advPt : x;
    out.push(a, ax, x + cell);
    out.push(b, x + cell, penAfter);
    return;
  }
  const gl = g[0]!;
  let gx = x;
  if (gl.advPt < NARROW * cell * cl.cells) {
    if (cl.side === 'open') gx = x + width - gl.advPt;
    else if (cl.side !== 'close') gx = x + (width - gl.advPt) / 2;
  } else if (cl.side === 'open' && !cl.pairFirst) {
    gx = x + width - cell; // a squeezed opening mark loses its blank left half
  }
  out.push(gl, gx, penAfter);
}

/** Overlap of the two halves of a 破折号, in em: the bars meet with no seam even at 600 dpi. */
const DASH_OVERLAP_EM = 0.04;
/** Blank kept at each end of a 破折号 that would otherwise fill its two cells edge to edge, in em. */
const DASH_END_EM = 0.02;

const first = (ink: readonly (readonly [number, number])[]) => ink[0]![0];
const lastEnd = (ink: readonly (readonly [number, number])[]) => ink[ink.length - 1]![1];
const centres = (ink: readonly (readonly [number, number])[]) => ink.map(([l, r]) => (l + r) / 2);

/**
 * Origins of the two glyphs of a ——/…… pair in a box of `box` points from x, by their ink: the
 * two bars of a 破折号 overlap so they read as one rule (however short the face's U+2014 is), the
 * six dots of a 省略号 are evenly spaced (the gap between the pair's halves equals the dot pitch
 * inside each); either way the ink is centred in the two cells.
 */
function byInk(a: Glyph, b: Glyph, x: number, box: number): [number, number] {
  const ia = a.inkPt!;
  const ib = b.inkPt!;
  const size = a.style.sizePt;
  const dash = ia.length === 1 && ib.length === 1;
  let ax: number;
  let bx: number;
  if (dash) {
    const total = Math.min(lastEnd(ia) - first(ia) + lastEnd(ib) - first(ib) - DASH_OVERLAP_EM * size, box - 2 * DASH_END_EM * size);
    const start = x + (box - total) / 2;
    ax = start - first(ia);
    bx = start + total - lastEnd(ib);
  } else {
    const ca = centres(ia);
    const cb = centres(ib);
    const pitch = ca.length > 1 ? (ca[ca.length - 1]! - ca[0]!) / (ca.length - 1) : box / 2;
    const step = ca[ca.length - 1]! + pitch - cb[0]!;
    const extent = step + lastEnd(ib) - first(ia);
    ax = x + (box - extent) / 2 - first(ia);
    bx = ax + step;
  }
  return [ax, bx];
}

/** ？！/！？ in one cell: each mark's ink centred in its half. */
function sharedCell(a: Glyph, b: Glyph, x: number, cell: number): [number, number] {
  const half = cell / 2;
  const at = (g: Glyph, from: number) => (g.inkPt ? from + (half - (lastEnd(g.inkPt) - first(g.inkPt))) / 2 - first(g.inkPt) : from);
  return [at(a, x), at(b, x + half)];
}

/**
 * Set clusters [r.start, r.end) from x.
 * @param justify stretch to `availPt` (every line of a paragraph but the last)
 * @param glyphs where to place the glyphs (emptied first): one buffer serves line after line
 */
export function setLine(m: LineMetrics, r: LineRange, xPt: number, availPt: number, justify: boolean, glyphs = new PlacedGlyphs()): SetLine {
  const c = m.clusters;
  const widths: number[] = [];
  for (let i = r.start; i < r.end; i++) widths.push(i === r.end - 1 ? c[i]!.endWidthPt : c[i]!.widthPt);
  const natural = m.natural(r.start, r.end);
  let gaps: number[] | undefined;
  if (natural > availPt + 1e-9) squeeze(c, r, widths, natural - availPt);
  else if (justify && r.end - r.start > 1 && natural < availPt - 1e-9) gaps = stretch(c, r, availPt - natural);
  glyphs.length = 0;
  let x = xPt;
  for (let i = r.start; i < r.end; i++) {
    const w = widths[i - r.start]!;
    const last = i === r.end - 1;
    const pen = x + w + (last || !gaps ? 0 : gaps[i - r.start]!);
    placeCluster(c[i]!, x, w, glyphs, pen);
    x = pen;
  }
  // An overfull line (a forced break with nothing legal that fits) keeps its width: visible, not hidden.
  return { glyphs, widthPt: x - xPt };
}
