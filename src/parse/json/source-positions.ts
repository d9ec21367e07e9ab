/**
 * Positions for a speech read from JSON that carries none: each node gets the span of its object in
 * the JSON file, and each text, placeholder and title-block string the span of its characters, so
 * `speechdoc check speech.json` points into the file the user wrote. A model that already has positions
 * (say, written by `speechdoc parse` from a .txt) keeps them: they name the original source.
 */
import { jsonPath } from '../../model/schema.ts';
import type { Inline, Point, Position, Speech } from '../../model/types.ts';
import type { Scan } from './scan-json.ts';

type Path = Array<string | number>;

/** Whether any node or title-block line of `speech` has a position. */
function hasPositions(speech: Speech): boolean {
  if (speech.meta.positions) return true;
  const stack: unknown[] = [speech, ...speech.meta.credits];
  while (stack.length > 0) {
    const n = stack.pop() as { position?: Position; children?: unknown[] };
    if (n.position) return true;
    if (n.children) stack.push(...n.children);
  }
  return false;
}

/** Fill in positions from the JSON text when the model has none; `scan` is the scan of that text. */
export function addSourcePositions(speech: Speech, scan: Scan, locate: (offset: number) => Point): void {
  if (hasPositions(speech)) return;
  const span = (path: Path, inner = false): Position | undefined => {
    const key = jsonPath(path);
    const start = scan.offsets.get(key);
    const end = scan.ends.get(key);
    if (start === undefined || end === undefined) return undefined;
    // Inside a string's quotes: columns within a text node then match the text (escapes aside).
    return inner ? { start: locate(start + 1), end: locate(end - 1) } : { start: locate(start), end: locate(end) };
  };
  const set = (node: { position?: Position }, path: Path, inner = false) => {
    const p = inner ? span([...path, 'value'], true) : span(path);
    if (p) node.position = p;
  };
  const inlines = (nodes: Inline[], path: Path) =>
    nodes.forEach((n, i) => {
      const at = [...path, i];
      if (n.type === 'text' || n.type === 'placeholder') return set(n, at, true);
      set(n, at);
      inlines(n.children, [...at, 'children']);
    });

  set(speech, []);
  speech.meta.credits.forEach((c, i) => set(c, ['meta', 'credits', i]));
  const positions: NonNullable<Speech['meta']['positions']> = {};
  for (const field of ['title', 'subtitle', 'speaker', 'date', 'originalTitle'] as const) {
    const p = span(['meta', field], true);
    if (p) positions[field] = p;
  }
  speech.meta.positions = positions;
  speech.children.forEach((block, b) => {
    const at: Path = ['children', b];
    set(block, at);
    if (block.type !== 'table') return inlines(block.children, [...at, 'children']);
    block.children.forEach((row, r) => {
      set(row, [...at, 'children', r]);
      row.children.forEach((cell, c) => {
        set(cell, [...at, 'children', r, 'children', c]);
        inlines(cell.children, [...at, 'children', r, 'children', c, 'children']);
      });
    });
  });
}
