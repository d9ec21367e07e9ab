/**
 * The line being normalized, as parallel arrays of code points, source indices and locks. The
 * normalizers read and rewrite it in place: one object per character (`{ ch, src, locked }`) and
 * the one-character strings in it made the normalizers allocate per character and, mixing one-byte
 * and two-byte strings, be re-optimized again and again by V8 (issue 19).
 */

/** The code point of no character: before the line start, past its end, or a cell a normalizer dropped. */
export const NONE = -1;

/** The cells of one line. The arrays may be longer than `length`; only the first `length` entries count. */
export interface LineCells {
  /** Code point of each cell (`NONE` once a normalizer dropped it, until `compact`). */
  cp: Int32Array;
  /** 0-based code-point index in the source line each cell came from. */
  src: Int32Array;
  /** 1 where normalizers must leave the cell alone (URL, e-mail, placeholder), else 0. */
  locked: Uint8Array;
  /** Number of cells. */
  length: number;
}

/** Empty cells with room for `capacity` code points. */
export function createCells(capacity: number): LineCells {
  return { cp: new Int32Array(capacity), src: new Int32Array(capacity), locked: new Uint8Array(capacity), length: 0 };
}

/** The code point of cell `i`, or `NONE` outside the line (what `cells[i]?.ch` was). */
export function codeAt(cells: LineCells, i: number): number {
  return i >= 0 && i < cells.length ? cells.cp[i]! : NONE;
}

/** Remove the cells whose code point is `NONE`, keeping the order of the rest. */
export function compact(cells: LineCells): void {
  const { cp, src, locked } = cells;
  let w = 0;
  for (let r = 0; r < cells.length; r++) {
    if (cp[r] === NONE) continue;
    if (w !== r) {
      cp[w] = cp[r]!;
      src[w] = src[r]!;
      locked[w] = locked[r]!;
    }
    w++;
  }
  cells.length = w;
}

/** Keep only cells [from, to). */
export function keepRange(cells: LineCells, from: number, to: number): void {
  if (from > 0) {
    cells.cp.copyWithin(0, from, to);
    cells.src.copyWithin(0, from, to);
    cells.locked.copyWithin(0, from, to);
  }
  cells.length = to - from;
}

/** Code units per `String.fromCharCode` call: well under any engine's argument limit. */
const CHUNK = 4096;
/** Scratch code units for `textOf`, grown as needed (normalization is synchronous: one line at a time). */
let units = new Uint16Array(CHUNK);

/** The text of cells [from, to), joined once. */
export function textOf(cells: LineCells, from = 0, to = cells.length): string {
  if (units.length < 2 * (to - from)) units = new Uint16Array(2 * (to - from));
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = cells.cp[i]!;
    if (c > 0xffff) {
      units[n++] = ((c - 0x10000) >> 10) + 0xd800;
      units[n++] = ((c - 0x10000) & 0x3ff) + 0xdc00;
    } else units[n++] = c;
  }
  let s = '';
  for (let k = 0; k < n; k += CHUNK) s += String.fromCharCode.apply(null, units.subarray(k, Math.min(n, k + CHUNK)) as unknown as number[]);
  return s;
}

/** One code point as a string (for the `from` and `to` of a change). */
export function charOf(cp: number): string {
  return String.fromCodePoint(cp);
}

/** A larger scratch array when `buf` cannot hold `n` entries, else `buf` itself. */
export function roomFor<T extends Int32Array | Uint8Array>(buf: T, n: number): T {
  if (buf.length >= n) return buf;
  const size = Math.max(n, 2 * buf.length);
  return (buf instanceof Int32Array ? new Int32Array(size) : new Uint8Array(size)) as T;
}
