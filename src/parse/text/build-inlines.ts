/** Inline nodes for a stretch of a prepared line: text, placeholders and emphasis, each with its position. */
import type { Emphasis, Inline, Position } from '../../model/types.ts';
import type { PreparedLine } from './prepare-line.ts';

/** Source span of code points [from, to) of a prepared line. */
export function spanPosition(l: PreparedLine, from: number, to: number): Position | undefined {
  if (to <= from || from >= l.map.length) return undefined;
  const first = l.map[from]!;
  const last = l.map[Math.min(to, l.map.length) - 1]!;
  return { start: { line: l.line, column: first + 1 }, end: { line: l.line, column: last + 2 } };
}

/** Inline nodes for code points [from, to) of `l`. */
export function buildInlines(l: PreparedLine, from: number, to: number): Inline[] {
  const out: Inline[] = [];
  let i = from;
  while (i < to) {
    const em = l.emphasis.find(([s, e]) => s <= i && i < e);
    if (em) {
      const end = Math.min(em[1], to);
      const node: Emphasis = { type: 'emphasis', children: plain(l, i, end) };
      const pos = spanPosition(l, i, end);
      if (pos) node.position = pos;
      out.push(node);
      i = end;
      continue;
    }
    // A loop, not Math.min(...list): a line may hold more ranges than a call may take arguments.
    let nextEm = to;
    for (const [s] of l.emphasis) if (s > i && s < nextEm) nextEm = s;
    out.push(...plain(l, i, nextEm));
    i = nextEm;
  }
  return out;
}

/** Text and placeholder nodes (no emphasis) for [from, to). */
function plain(l: PreparedLine, from: number, to: number): Inline[] {
  const out: Inline[] = [];
  let i = from;
  const push = (type: 'text' | 'placeholder', a: number, b: number): void => {
    if (b <= a) return;
    const pos = spanPosition(l, a, b);
    const value = l.chars.slice(a, b).join('');
    out.push(pos ? { type, value, position: pos } : { type, value });
  };
  while (i < to) {
    const ph = l.placeholders.find(([s, e]) => s <= i && i < e);
    if (ph) {
      const end = Math.min(ph[1], to);
      push('placeholder', i, end);
      i = end;
      continue;
    }
    const next = Math.min(to, ...l.placeholders.map(([s]) => s).filter((s) => s > i));
    push('text', i, next);
    i = next;
  }
  return out;
}
