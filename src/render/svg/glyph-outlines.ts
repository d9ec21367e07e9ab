/**
 * Glyphs drawn as SVG outlines instead of text in a web font: what build's index.html uses, so a
 * build embeds no font subset (making one needs HarfBuzz in wasm, whose compilation alone kept
 * every cold build waiting ~0.3 s at exit). A glyph is one `<path>` in a shared `<defs>`, in
 * units of 1/1000 em with y pointing down, from the parsed fontkit face the layout measured with;
 * a page places it with `<use>` per character (`OutlineRefs`). Thumbnails are a few hundred
 * pixels wide, so 1/1000 em (0.016 pt at 16 pt) is far finer than anything shown.
 */
import type { Font } from 'fontkit';

/** Units of a glyph's outline and of the x of its `<use>`: 1000 per em, whatever the face's own. */
export const OUTLINE_UNITS = 1000;

/** How a page names the outline of a character of a face, when glyphs are drawn as outlines. */
export interface OutlineRefs {
  /** The id of the `<path>` drawing `char` in face `faceKey` (`outlineId`). */
  id(faceKey: string, char: string): string;
}

/**
 * The id of a character's outline: the face's alias (upper-case letters, `faceAlias`) and the code
 * point in base 36 (lower case), so ids never collide and stay short (`Bfdc` is 在 of face B).
 */
export const outlineId = (alias: string, char: string): string => alias + char.codePointAt(0)!.toString(36);

/** The alias of the i-th face: A … Z, then AA, AB … (letters only, so the code point that follows is unambiguous). */
export function faceAlias(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Characters drawn with nothing: a `<use>` of them would reference an empty path. */
export const isBlank = (char: string): boolean => /^\s$/u.test(char);

/** How far (in units, per coordinate) a control point may be from the reflection of the previous one to be left implied. */
const SMOOTH_TOLERANCE = 1;

/**
 * The path data of a character's glyph in `font` (the glyph its cmap maps the character to, as in
 * the PDF for Han text), scaled to `OUTLINE_UNITS` per em with y down, in integer relative
 * coordinates, compact: repeated command letters left out, straight segments as `h`/`v`/`l`, and
 * a curve whose first control point mirrors the previous one (TrueType's implied on-curve points)
 * as `t`/`s`. Empty for a glyph without ink.
 */
export function glyphPathData(font: Font, char: string): string {
  const glyph = font.glyphForCodePoint(char.codePointAt(0)!);
  const k = OUTLINE_UNITS / font.unitsPerEm;
  let d = '';
  let last = '';
  // Everything below is in rounded units, absolute; relative steps are taken between rounded
  // points, so rounding errors do not add up along a contour.
  let pen: Point = [0, 0];
  let start: Point = [0, 0];
  /** The last curve's final control point as the browser will reflect it (undefined after a line). */
  let ctrl: { kind: 'q' | 'c'; at: Point } | undefined;
  /** Append a command (its letter left out when it repeats, as SVG allows) and its numbers; the pen moves to `to`. */
  const put = (cmd: string, nums: number[], to: Point) => {
    if (cmd !== last || cmd === 'm') d += cmd;
    else if (nums.length && nums[0]! >= 0) d += ' ';
    nums.forEach((n, i) => (d += (i > 0 && n >= 0 ? ' ' : '') + String(n)));
    last = cmd;
    pen = to;
  };
  /** A command whose points are written relative to the pen. */
  const emit = (cmd: string, points: Point[]) =>
    put(cmd, points.flatMap(([x, y]) => [x - pen[0], y - pen[1]]), points[points.length - 1] ?? pen);
  const line = (to: Point) => {
    const [dx, dy] = [to[0] - pen[0], to[1] - pen[1]];
    if (dy === 0) {
      if (dx !== 0) put('h', [dx], to);
    } else if (dx === 0) put('v', [dy], to);
    else emit('l', [to]);
    ctrl = undefined;
  };
  /** The reflection of the previous curve's control point about the pen, if that curve was of this kind. */
  const mirrored = (kind: 'q' | 'c'): Point | undefined =>
    ctrl?.kind === kind ? [2 * pen[0] - ctrl.at[0], 2 * pen[1] - ctrl.at[1]] : undefined;
  const near = (a: Point | undefined, b: Point) => !!a && Math.abs(a[0] - b[0]) <= SMOOTH_TOLERANCE && Math.abs(a[1] - b[1]) <= SMOOTH_TOLERANCE;
  const same = (a: Point, b: Point) => a[0] === b[0] && a[1] === b[1];
  for (const { command, args } of glyph.path.commands) {
    const pts: Point[] = [];
    for (let i = 0; i < args.length; i += 2) pts.push([Math.round(args[i]! * k), Math.round(-args[i + 1]! * k)]);
    if (command === 'closePath') {
      emit('z', []);
      pen = start;
      ctrl = undefined;
    } else if (command === 'moveTo') {
      emit('m', pts);
      start = pen;
      ctrl = undefined;
    } else if (command === 'lineTo') line(pts[0]!);
    else if (command === 'quadraticCurveTo') {
      const [c, e] = pts as [Point, Point];
      // A control point on an end point makes the curve a straight segment.
      if (same(c, pen) || same(c, e)) line(e);
      else {
        const m = mirrored('q');
        if (near(m, c)) {
          emit('t', [e]);
          ctrl = { kind: 'q', at: m! };
        } else {
          emit('q', [c, e]);
          ctrl = { kind: 'q', at: c };
        }
      }
    } else {
      const [c1, c2, e] = pts as [Point, Point, Point];
      if (same(c1, pen) && same(c2, e)) line(e);
      else {
        const m = mirrored('c');
        const at = c2;
        if (near(m, c1)) emit('s', [c2, e]);
        else emit('c', [c1, c2, e]);
        ctrl = { kind: 'c', at };
      }
    }
  }
  return d;
}

/** A point in rounded outline units, y down. */
type Point = [number, number];
