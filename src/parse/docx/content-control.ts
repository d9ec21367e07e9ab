/** Content controls (w:sdt): their content is read like any other, unless it is only a prompt. */
import { excerpt, type Finding } from './items.ts';
import { child, isOn, textOf, type XmlNode } from './xml.ts';

/**
 * A content control still showing its prompt (单击或点击此处输入文字) has no content yet: the
 * prompt is left out and reported.
 */
export function showsPrompt(sdt: XmlNode, findings: Finding[]): boolean {
  if (!isOn(child(child(sdt, 'w:sdtPr'), 'w:showingPlcHdr'))) return false;
  findings.push({
    severity: 'warning',
    ruleId: 'docx/empty-control',
    message: `未填写的内容控件「${excerpt(textOf(child(sdt, 'w:sdtContent') ?? sdt))}」已略去`,
    hint: '在 Word 中填写该控件，或将其删除',
  });
  return true;
}
