/**
 * brackets/unbalanced: every opening bracket or quote in a unit (paragraph, heading, cell, title-block
 * line) has its closing partner, and the other way round. A full-width bracket closed by a half-width
 * one counts as a pair here; the width is draft/halfwidth-punct's business.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { positionAt, type TextUnit } from './text-units.ts';
import type { CheckContext } from './types.ts';

const PAIRS: Record<string, string> = { '（': '）', '(': ')', '【': '】', '[': ']', '《': '》', '〔': '〕', '“': '”', '‘': '’' };
const FAMILY: Record<string, string> = { '(': '（', ')': '）', '[': '【', ']': '】' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/** Findings for unbalanced brackets and quotes. */
export function checkBrackets({ units }: CheckContext): Diagnostic[] {
  return units.flatMap(unbalanced);
}

function unbalanced(u: TextUnit): Diagnostic[] {
  const out: Diagnostic[] = [];
  const open: Array<{ ch: string; at: number }> = [];
  const same = (a: string, b: string) => (FAMILY[a] ?? a) === (FAMILY[b] ?? b);
  const report = (ch: string, at: number, closing: boolean) => {
    const partner = closing ? CLOSERS.get(ch)! : PAIRS[ch]!;
    // Quoting a quote mark in “” reads badly, so the marks stand alone here.
    const what = '“”‘’'.includes(ch) ? '引号' : '括号';
    const message = closing ? `${what}不配对：${ch} 前面没有对应的 ${partner}` : `${what}不配对：${ch} 没有对应的 ${partner}`;
    out.push(diagnostic('warning', 'brackets/unbalanced', message, positionAt(u, at) ?? u.position));
  };
  for (let i = 0; i < u.text.length; i++) {
    const ch = u.text[i]!;
    if (PAIRS[ch]) {
      open.push({ ch, at: i });
      continue;
    }
    const opener = CLOSERS.get(ch);
    if (!opener) continue;
    const k = open.findLastIndex((o) => same(o.ch, opener));
    if (k < 0) {
      report(ch, i, true);
      continue;
    }
    // Openers inside the pair that never closed, e.g. the “ in （“甲）.
    const [, ...inner] = open.splice(k);
    for (const o of inner) report(o.ch, o.at, false);
  }
  for (const o of open) report(o.ch, o.at, false);
  return out;
}
