/**
 * Drawings anchored in a paragraph: a text box's paragraphs are kept (placed after the anchor,
 * since a handout has no floating boxes); pictures, charts and shapes are dropped. Both are
 * reported, never silently lost.
 */
import type { ReadContext } from './context.ts';
import { excerpt } from './items.ts';
import type { RunSink } from './run.ts';
import { descendants, type XmlNode } from './xml.ts';

/** Text box bodies, outermost only: a box nested in a box is read with its outer box. */
function outerBoxes(node: XmlNode): XmlNode[] {
  return node.children.flatMap((c) => (c.name === 'w:txbxContent' ? [c] : outerBoxes(c)));
}

/** Handle a `w:drawing` or VML `w:pict` inside a run. */
export function drawing(node: XmlNode, ctx: ReadContext, sink: RunSink): void {
  const boxes = outerBoxes(node);
  if (boxes.length > 0) {
    const items = boxes.flatMap((b) => ctx.readBlocks(b.children));
    const text = excerpt(items.map((i) => (i.kind === 'paragraph' ? i.chars.join('') : '')).join(''));
    sink.after.push(...items);
    sink.findings.push({
      severity: 'warning',
      ruleId: 'docx/textbox',
      message: `文本框内容「${text}」已作为 ${items.length} 个段落放在本段之后`,
      hint: '请确认文本框文字应放在此处，或把它移入正文',
    });
    return;
  }
  const isPicture = descendants(node, 'pic:pic').length > 0 || descendants(node, 'v:imagedata').length > 0;
  sink.findings.push({
    severity: 'warning',
    ruleId: 'docx/image',
    message: isPicture ? '本段中的图片已略去' : '本段中的图形或图表已略去',
  });
}
