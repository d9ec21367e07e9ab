/**
 * document/empty: nothing to print. document/no-title: the title block has no title (only info when
 * the text opens with its salutation, a shape of its own).
 * paragraph/too-long: a paragraph longer than a listener can follow (and longer than two pages).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { CheckContext } from './types.ts';
import { codePointLength } from '../transform/code-points.ts';

/** Findings about the document as a whole. */
export function checkDocument({ speech, units, options }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (speech.children.length === 0) {
    out.push(diagnostic('error', 'document/empty', '正文为空：没有任何段落或标题', speech.position, '检查输入文件是否选对、编码是否正确'));
  }
  if (speech.meta.title.trim() === '') {
    // A speech that opens with its salutation is a shape of its own (a toast, an address): said, not warned.
    const opensWithSalutation = speech.children[0]?.type === 'salutation';
    out.push(opensWithSalutation
      ? diagnostic('info', 'document/no-title', '讲话稿没有标题，以称呼开头', speech.children[0]!.position ?? speech.position)
      : diagnostic('warning', 'document/no-title', '讲话稿没有标题', speech.meta.positions?.title ?? speech.position, '在第一行写标题，或在 JSON 的 meta.title 中填写'));
  }
  for (const u of units) {
    if (u.kind !== 'paragraph') continue;
    const length = codePointLength(u.text);
    if (length > options.maxParagraphChars) {
      out.push(diagnostic('info', 'paragraph/too-long', `段落过长：${length} 字，超过 ${options.maxParagraphChars} 字`, u.position, '考虑拆分为几个段落'));
    }
  }
  return out;
}
