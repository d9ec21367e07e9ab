/**
 * placeholder/unfilled: blanks the parser recognised (XX, ××, ○○, 【待核实】…) are still in the text.
 * draft/placeholder-marker: blank-like text the parser left as plain text, and blanks in title-block
 * lines (those are strings, so the parser cannot make placeholder nodes there).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { positionAt } from './text-units.ts';
import type { CheckContext } from './types.ts';

// ○○ next to a numeral or 年 is a year written with the wrong zero (二○○八年), not a blank.
const BLANK = /×{2,}|某某|(?<![一二三四五六七八九十〇零○])○{2,}(?![一二三四五六七八九十〇零○年])|【待核实】|【\s*】|_{3,}|＿{2,}|(?<![A-Za-z])X{2,}(?![A-Za-z])|Ｘ{2,}/g;

/** Findings for blanks left in the speech. */
export function checkPlaceholders({ units }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const u of units) {
    for (const seg of u.segments) {
      if (seg.kind === 'placeholder') {
        out.push(diagnostic('warning', 'placeholder/unfilled', `占位符 “${seg.value}” 尚未填写`, positionAt(u, seg.start, seg.value.length) ?? u.position, '填写实际内容后再印发'));
        continue;
      }
      if (seg.kind !== 'text') continue;
      for (const m of seg.value.matchAll(BLANK)) {
        const at = positionAt(u, seg.start + m.index, m[0].length);
        out.push(diagnostic('warning', 'draft/placeholder-marker', `疑似未填写的占位符 “${m[0]}”`, at ?? u.position, '填写实际内容；若确为正文，可忽略'));
      }
    }
  }
  return out;
}
