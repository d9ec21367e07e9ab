/**
 * numbering/gap, numbering/repeat, numbering/order, numbering/missing-first for section markers:
 * 一、 二、 … at depth 1, （一） at 2, 1. at 3, （1） at 4, each level restarting under its parent.
 * Run-in headings (a paragraph opening `（一）强化责任落实。`) count at their depth.
 * Reference: GB/T 9704-2012 7.3.3 (typesetting notes §1.3).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Position } from '../model/types.ts';
import { markerNumber } from './numerals.ts';
import { sequenceFinding } from './sequence.ts';
import type { CheckContext } from './types.ts';

/** The span of a marker at the start of a node spanning `at`. */
function markerSpan(at: Position | undefined, marker: string): Position | undefined {
  if (!at) return undefined;
  if (at.start.line !== at.end.line) return { start: at.start, end: at.start };
  const end = { line: at.start.line, column: at.start.column + [...marker].length };
  return { start: at.start, end };
}

/** Findings for section numbering. */
export function checkHeadingNumbering({ speech }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const last = [0, 0, 0, 0, 0]; // by depth 1–4; index 0 unused
  const see = (depth: number, marker: string, at: Position | undefined) => {
    for (let d = depth + 1; d <= 4; d++) last[d] = 0;
    const num = marker ? markerNumber(marker) : undefined;
    if (!num) return;
    const finding = sequenceFinding(marker, last[depth]!, markerSpan(at, marker));
    if (finding) out.push(finding);
    last[depth] = num.value;
  };
  for (const block of speech.children) {
    if (block.type === 'heading') see(block.depth, block.marker, block.position);
    if (block.type !== 'paragraph') continue;
    const first = block.children[0];
    if (first?.type === 'lead' && first.kind === 'heading' && first.depth) {
      see(first.depth, first.marker, first.position ?? block.position);
    }
  }
  return out;
}
