/** Inline nodes for a stretch of a prepared line: text, placeholders and emphasis, each with its position. */
import type { Emphasis, Inline, Position } from '../../model/types.ts';
import type { PreparedLine } from './prepare-line.ts';

/** Source span of code points [from, to) of a prepared line. */
export function spanPosition(l: PreparedLine, from: number, to: number): Position | undefined {
  if (to <= from || from >= l.map.length) return undefined;
  const first = l.map[from]!;
  const last = l.map[Math.min(to, l.map.length) - 1]!;
  const endAt = Math.min(to, l.map.length) - 1;
  const a = l.lineOf?.[from] ?? l.line;
  const b = l.lineOf?.[endAt] ?? l.line;
  return { start: { line: a, column: first + 1 }, end: { line: b, column: last + 2 } };
}

/** Ranges by start (they do not overlap: placeholders are found left to right, emphasis is outermost only). */
function sortedRanges(r: ReadonlyArray<[number, number]>): Array<[number, number]> {
  // None or one: already in order (most lines), no copy to keep.
  if (r.length < 2) return r as Array<[number, number]>;
  // Sorted once per array: plain() runs once per emphasis segment of the same line.
  let sorted = sortedCache.get(r);
  if (!sorted) sortedCache.set(r, (sorted = [...r].sort((a, b) => a[0] - b[0])));
  return sorted;
}
const sortedCache = new WeakMap<ReadonlyArray<[number, number]>, Array<[number, number]>>();

/** Inline nodes for code points [from, to) of `l`. */
export function buildInlines(l: PreparedLine, from: number, to: number): Inline[] {
  const out: Inline[] = [];
  let i = from;
  const ems = sortedRanges(l.emphasis);
  let k = 0;
  while (i < to) {
    while (k < ems.length && ems[k]![1] <= i) k++;
    const em = ems[k] && ems[k]![0] <= i ? ems[k] : undefined;
    if (em) {
      const end = Math.min(em[1], to);
      const node: Emphasis = { type: 'emphasis', children: plain(l, i, end) };
      const pos = spanPosition(l, i, end);
      if (pos) node.position = pos;
      out.push(node);
      i = end;
      continue;
    }
    const nextEm = k < ems.length ? Math.min(to, ems[k]![0]) : to;
    for (const n of plain(l, i, nextEm)) out.push(n);
    i = nextEm;
  }
  return out;
}

/** Text and placeholder nodes (no emphasis) for [from, to). */
function plain(l: PreparedLine, from: number, to: number): Inline[] {
  const out: Inline[] = [];
  let i = from;
  // Without characters outside the BMP a code point is a code unit: the text is cut, not re-joined.
  const bmp = l.text.length === l.chars.length;
  const push = (type: 'text' | 'placeholder', a: number, b: number): void => {
    if (b <= a) return;
    const pos = spanPosition(l, a, b);
    const value = bmp ? l.text.slice(a, b) : l.chars.slice(a, b).join('');
    out.push(pos ? { type, value, position: pos } : { type, value });
  };
  // One pass with a pointer over the placeholders in start order (a find per step was quadratic).
  const phs = sortedRanges(l.placeholders);
  let k = 0;
  while (k < phs.length && phs[k]![1] <= i) k++;
  while (i < to) {
    while (k < phs.length && phs[k]![1] <= i) k++;
    const ph = phs[k] && phs[k]![0] <= i ? phs[k] : undefined;
    if (ph) {
      const end = Math.min(ph[1], to);
      push('placeholder', i, end);
      i = end;
      continue;
    }
    const next = k < phs.length ? Math.min(to, phs[k]![0]) : to;
    push('text', i, next);
    i = next;
  }
  return out;
}
