/** mdast positions → model positions (mdast columns count UTF-16 units; close enough for CJK BMP text). */
import type { Position as UnistPosition } from 'unist';
import type { Position } from '../../model/types.ts';

/** Our Position from a unist one, or undefined. */
export function toPosition(p: UnistPosition | undefined): Position | undefined {
  if (!p) return undefined;
  return {
    start: { line: p.start.line, column: p.start.column, ...(p.start.offset !== undefined ? { offset: p.start.offset } : {}) },
    end: { line: p.end.line, column: p.end.column, ...(p.end.offset !== undefined ? { offset: p.end.offset } : {}) },
  };
}
