/**
 * placeholder/unfilled: blanks the parser recognised (XX, ××, ○○, 【待核实】…) are still in the text.
 * draft/placeholder-marker: blank-like text the parser left as plain text, and blanks in title-block
 * lines (those are strings, so the parser cannot make placeholder nodes there).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { positionAt } from './text-units.ts';
import type { CheckContext } from './types.ts';
import { findPlaceholders } from '../parse/text/find-placeholders.ts';


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
      // The parser's own pattern (one home): what it did not make a placeholder node is reported here.
      for (const m of findPlaceholders(seg.value)) {
        const at = positionAt(u, seg.start + m.start, m.value.length);
        out.push(diagnostic('warning', 'draft/placeholder-marker', `疑似未填写的占位符 “${m.value}”`, at ?? u.position, '填写实际内容；若确为正文，可忽略'));
      }
    }
  }
  return out;
}
