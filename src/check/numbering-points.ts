/**
 * numbering/gap, numbering/repeat, numbering/order for run-in points: 一是… 二是… (or 第一，… 第二，…)
 * within a paragraph and across consecutive paragraphs. A point sequence restarts at 一 and after any
 * heading; a missing 一是 is not reported, since points often resume after a paragraph without one.
 * A comma-separated list inside one sentence (`一是…，三是…`) is no sequence of points (the parser
 * makes no leads of it either), so it gives no finding.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { markerNumber } from './numerals.ts';
import { sequenceFinding } from './sequence.ts';
import { positionAt } from './text-units.ts';
import type { CheckContext } from './types.ts';
import { CN_NUMERAL } from '../parse/text/markers.ts';

// A point marker opens the paragraph or a sentence (after 。；！？ or a colon).
// The parser's point markers (one home), captured: 一是 … 二十一是 (group 1), 第一， (group 2).
const POINT = new RegExp(`(?<=^|[。；！？：，,]\\s*)(?:(${CN_NUMERAL})是|第(${CN_NUMERAL})[，、,])`, 'g');

/** 。！？!?: the marks that end a sentence here. */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}

/** Findings for run-in point numbering. */
export function checkPointNumbering({ units }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const last = new Map<string, number>(); // by style: 是 (一是) or 第 (第一，)
  for (const u of units) {
    if (u.kind === 'heading') last.clear();
    if (u.kind !== 'paragraph') continue;
    const first = u.block?.type === 'paragraph' ? u.block.children[0] : undefined;
    if (first?.type === 'lead' && first.kind === 'heading') last.clear();
    const matches = [...u.text.matchAll(POINT)];
    if (matches.length === 0) continue;
    const listed = new Set<number>();
    for (let k = 0; k + 1 < matches.length; k++) {
      const between = u.text.slice(matches[k]!.index, matches[k + 1]!.index);
      if (/[，,]/.test(between) && !/[。！？；：!?;:]/.test(between)) listed.add(k).add(k + 1);
    }
    // A list spoils every point of its sentence.
    // How many sentence ends come before each match (counted once, up to the last match only).
    const sentence: number[] = [];
    for (let k = 0, u0 = 0, ends = 0; k < matches.length; k++) {
      for (const to = matches[k]!.index; u0 < to; u0++) if (isSentenceEnd(u.text.charCodeAt(u0))) ends++;
      sentence.push(ends);
    }
    const spoiled = new Set([...listed].map((k) => sentence[k]!));
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k]!;
      if (spoiled.has(sentence[k]!)) continue;
      const style = m[1] ? '是' : '第';
      const marker = m[1] ? `${m[1]}是` : `第${m[2]}`;
      const num = markerNumber(marker);
      if (!num) continue;
      if (num.value !== 1) {
        const finding = sequenceFinding(marker, last.get(style) ?? 0, positionAt(u, m.index, marker.length), true);
        if (finding) out.push(finding);
      }
      last.set(style, num.value);
    }
  }
  return out;
}
