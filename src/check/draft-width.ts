/**
 * draft/halfwidth-punct: half-width , ; : ? ! ( ) next to Chinese text (left when normalization is off
 * or the model came from JSON). draft/mixed-digits: full-width digits ０-９ mixed with half-width ones in
 * one unit. Reference: typesetting notes §1.5 (digits half-width), GB/T 15834.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { positionAt } from './text-units.ts';
import type { CheckContext } from './types.ts';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const HALF_NEAR_HAN = /(?<=\p{Script=Han})[,;:?!()]|[,;:?!()](?=\p{Script=Han})/gu;

/** Findings for half-width punctuation and mixed digit widths. */
export function checkWidths({ units }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const u of units) {
    for (const m of u.text.matchAll(HALF_NEAR_HAN)) {
      const at = positionAt(u, m.index) ?? u.position;
      out.push(diagnostic('warning', 'draft/halfwidth-punct', `半角标点“${m[0]}”应改为全角“${FULL[m[0]]}”`, at, '开启标点规范化（默认开启）可自动改正'));
    }
    const full = /[０-９]/.exec(u.text);
    if (full && /[0-9]/.test(u.text)) {
      const at = positionAt(u, full.index) ?? u.position;
      out.push(diagnostic('warning', 'draft/mixed-digits', `全角数字“${full[0]}”与半角数字混用`, at, '数字统一用半角阿拉伯数字'));
    }
  }
  return out;
}
