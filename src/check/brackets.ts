/**
 * brackets/unbalanced: every opening bracket or quote in a unit (paragraph, heading, cell, title-block
 * line) has its closing partner, and the other way round. A full-width bracket closed by a half-width
 * one counts as a pair here; the width is draft/halfwidth-punct's business.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { positionAt, type TextUnit } from './text-units.ts';
import type { CheckContext } from './types.ts';

/** Each opening mark and its closing partner. */
const PAIRS: ReadonlyArray<[string, string]> = [['（', '）'], ['(', ')'], ['【', '】'], ['[', ']'], ['《', '》'], ['〔', '〕'], ['“', '”'], ['‘', '’']];
/** Half-width brackets and the full-width ones they pair with here. */
const FAMILY = new Map([['(', '（'], [')', '）'], ['[', '【'], [']', '】']].map(([a, b]) => [a!.charCodeAt(0), b!.charCodeAt(0)]));
/** Partner of every mark, by code unit (all marks are in the BMP): a lookup per character of the text, by number. */
const PARTNER = new Uint16Array(0x10000);
/** Whether the mark at a code unit opens (1) or closes (2). */
const SIDE = new Uint8Array(0x10000);
for (const [o, c] of PAIRS) {
  PARTNER[o.charCodeAt(0)] = c.charCodeAt(0);
  PARTNER[c.charCodeAt(0)] = o.charCodeAt(0);
  SIDE[o.charCodeAt(0)] = 1;
  SIDE[c.charCodeAt(0)] = 2;
}

/** Findings for unbalanced brackets and quotes. */
export function checkBrackets({ units }: CheckContext): Diagnostic[] {
  return units.flatMap(unbalanced);
}

/** The bracket a half-width one counts as. */
function family(c: number): number {
  return FAMILY.get(c) ?? c;
}

/** The finding for the mark `c` at `at` that has no partner. */
function report(u: TextUnit, c: number, at: number): Diagnostic {
  const ch = String.fromCharCode(c);
  const partner = String.fromCharCode(PARTNER[c]!);
  const closing = SIDE[c] === 2;
  // Quoting a quote mark in “” reads badly, so the marks stand alone here.
  const what = '“”‘’'.includes(ch) ? '引号' : '括号';
  const message = closing ? `${what}不配对：${ch} 前面没有对应的 ${partner}` : `${what}不配对：${ch} 没有对应的 ${partner}`;
  return diagnostic('warning', 'brackets/unbalanced', message, positionAt(u, at) ?? u.position);
}

function unbalanced(u: TextUnit): Diagnostic[] {
  const out: Diagnostic[] = [];
  const text = u.text;
  // The open marks, innermost last: their code units and where they are.
  const open: number[] = [];
  const openAt: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const side = SIDE[c];
    if (side === 0) continue;
    if (side === 1) {
      open.push(c);
      openAt.push(i);
      continue;
    }
    const want = family(PARTNER[c]!);
    let k = open.length - 1;
    while (k >= 0 && family(open[k]!) !== want) k--;
    if (k < 0) {
      out.push(report(u, c, i));
      continue;
    }
    // Openers inside the pair that never closed, e.g. the “ in （“甲）.
    for (let j = k + 1; j < open.length; j++) out.push(report(u, open[j]!, openAt[j]!));
    open.length = k;
    openAt.length = k;
  }
  for (let j = 0; j < open.length; j++) out.push(report(u, open[j]!, openAt[j]!));
  return out;
}
