/**
 * Glyphs drawn as SVG outlines instead of text in a web font: what build's index.html uses, so a
 * build embeds no font subset (making one needs HarfBuzz in wasm, whose compilation alone kept
 * every cold build waiting ~0.3 s at exit). A glyph is one `<path>` in a shared `<defs>`, in
 * units of 1/1000 em with y pointing down, from the parsed fontkit face the layout measured with;
 * a page places it with `<use>` per character (`OutlineRefs`). Thumbnails are a few hundred
 * pixels wide, so 1/1000 em (0.016 pt at 16 pt) is far finer than anything shown.
 */
import type { Font } from 'fontkit';
import { simpleOutline } from '../../adapters/fontkit.ts';

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
  let byChar = pathCache.get(font);
  if (!byChar) pathCache.set(font, (byChar = new Map()));
  let d = byChar.get(char);
  if (d === undefined) {
    d = pathData(font, char);
    // Built by `+=`, the string is a rope of ~100 pieces; reading a character makes V8 flatten it
    // now, here, instead of when the index page joins ~2,000 of them (the corpus: 38 of that join's
    // 40 ms), and the rope's pieces are garbage at once.
    d.charCodeAt(0);
    if (byChar.size >= PATH_LIMIT) byChar.clear();
    byChar.set(char, d);
  }
  return d;
}

/** Path data per face and character: a rebuild (watch, serve) draws the same glyphs again. */
const pathCache = new WeakMap<Font, Map<string, string>>();
/** Characters kept per face; a bound so a long-running server cannot grow the cache without limit. */
const PATH_LIMIT = 20_000;

function pathData(font: Font, char: string): string {
  const k = OUTLINE_UNITS / font.unitsPerEm;
  // Everything is in rounded units, absolute, y down; relative steps are taken between rounded
  // points, so rounding errors do not add up along a contour. Written for speed (a thumbnail has
  // a few hundred glyphs of ~80 commands each, on the cold path of every build): no allocation
  // per command but the string.
  let d = '';
  /** The letter of the last command written ('' after none). */
  let last = '';
  let x = 0; // the pen
  let y = 0;
  let sx = 0; // the contour's start
  let sy = 0;
  /** The last curve's final control point as the browser reflects it; kind '' after anything else. */
  let kind = '';
  let kx = 0;
  let ky = 0;
  /** Append a number relative to `from`, with the separator SVG needs before it. */
  const num = (n: number, first: boolean, repeat: boolean) => (n >= 0 && (!first || repeat) ? ' ' : '') + n;
  /** The letter of a command, or nothing when it repeats the last one (not after `m`: numbers there mean `l`). */
  const letter = (cmd: string) => {
    const repeat = cmd === last && cmd !== 'm';
    last = cmd;
    return repeat;
  };
  /** One path command, its n numbers in a0…a5 (font units, y up), as fontkit's path.commands hold it. */
  const step = (command: string, n: number, a0: number, a1: number, a2: number, a3: number, a4: number, a5: number): void => {
    if (command === 'closePath') {
      d += 'z';
      last = 'z';
      x = sx;
      y = sy;
      kind = '';
      return;
    }
    const ex = Math.round((n === 2 ? a0 : n === 4 ? a2 : a4) * k);
    const ey = Math.round(-(n === 2 ? a1 : n === 4 ? a3 : a5) * k);
    let cmd: string;
    if (command === 'moveTo') {
      const r = letter('m');
      d += (r ? '' : 'm') + num(ex - x, true, r) + num(ey - y, false, r);
      sx = ex;
      sy = ey;
      kind = '';
    } else {
      const c1x = n > 2 ? Math.round(a0 * k) : ex;
      const c1y = n > 2 ? Math.round(-a1 * k) : ey;
      const c2x = n > 4 ? Math.round(a2 * k) : c1x;
      const c2y = n > 4 ? Math.round(-a3 * k) : c1y;
      // A curve whose controls lie on its ends is a straight segment.
      const straight = n === 2 || (n === 4 && ((c1x === x && c1y === y) || (c1x === ex && c1y === ey))) || (n === 6 && c1x === x && c1y === y && c2x === ex && c2y === ey);
      if (straight) {
        kind = '';
        if (ex === x && ey === y) return;
        cmd = ey === y ? 'h' : ex === x ? 'v' : 'l';
        const r = letter(cmd);
        d += (r ? '' : cmd) + (cmd === 'h' ? num(ex - x, true, r) : cmd === 'v' ? num(ey - y, true, r) : num(ex - x, true, r) + num(ey - y, false, r));
      } else if (n === 4) {
        if (kind === 'q' && Math.abs(2 * x - kx - c1x) <= SMOOTH_TOLERANCE && Math.abs(2 * y - ky - c1y) <= SMOOTH_TOLERANCE) {
          // The browser's control point is the reflection, not c1: the next reflection starts from it.
          kx = 2 * x - kx;
          ky = 2 * y - ky;
          const r = letter('t');
          d += (r ? '' : 't') + num(ex - x, true, r) + num(ey - y, false, r);
        } else {
          kx = c1x;
          ky = c1y;
          const r = letter('q');
          d += (r ? '' : 'q') + num(c1x - x, true, r) + num(c1y - y, false, r) + num(ex - x, false, r) + num(ey - y, false, r);
        }
        kind = 'q';
      } else {
        if (kind === 'c' && Math.abs(2 * x - kx - c1x) <= SMOOTH_TOLERANCE && Math.abs(2 * y - ky - c1y) <= SMOOTH_TOLERANCE) {
          const r = letter('s');
          d += (r ? '' : 's') + num(c2x - x, true, r) + num(c2y - y, false, r) + num(ex - x, false, r) + num(ey - y, false, r);
        } else {
          const r = letter('c');
          d += (r ? '' : 'c') + num(c1x - x, true, r) + num(c1y - y, false, r) + num(c2x - x, false, r) + num(c2y - y, false, r) + num(ex - x, false, r) + num(ey - y, false, r);
        }
        kx = c2x;
        ky = c2y;
        kind = 'c';
      }
    }
    x = ex;
    y = ey;
  };
  const glyph = font.glyphForCodePoint(char.codePointAt(0)!);
  // A simple TrueType glyph straight from its glyf bytes (the same commands, no point objects).
  const direct = simpleOutline(font, glyph.id, {
    moveTo: (px, py) => step('moveTo', 2, px, py, 0, 0, 0, 0),
    lineTo: (px, py) => step('lineTo', 2, px, py, 0, 0, 0, 0),
    quadraticCurveTo: (cx, cy, px, py) => step('quadraticCurveTo', 4, cx, cy, px, py, 0, 0),
    closePath: () => step('closePath', 0, 0, 0, 0, 0, 0, 0),
  });
  if (!direct) {
    for (const { command, args: a } of glyph.path.commands) step(command, a.length, a[0] ?? 0, a[1] ?? 0, a[2] ?? 0, a[3] ?? 0, a[4] ?? 0, a[5] ?? 0);
  }
  return d;
}

