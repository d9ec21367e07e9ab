/** Block content (the body, a text box, a table cell) → items in reading order. */
import { alternateBranch, type ReadContext } from './context.ts';
import type { Finding, Item, ParagraphItem } from './items.ts';
import { readParagraph } from './paragraph.ts';
import { showsPrompt } from './content-control.ts';
import { readTable } from './table.ts';
import { child, type XmlNode } from './xml.ts';

/** Read block-level nodes; wrappers (content controls, custom XML, alternate content) are unwrapped. */
export function readBlocks(nodes: XmlNode[], ctx: ReadContext): Item[] {
  const out: Item[] = [];
  // A paragraph whose mark was deleted with tracked changes runs on into the next one.
  let joinTo: ParagraphItem | undefined;
  for (const n of nodes) {
    switch (n.name) {
      case 'w:p': {
        const [item, ...after] = readParagraph(n, ctx);
        if (joinTo) {
          // Loops, not spreads: a paragraph's characters can outnumber a call's arguments.
          for (const c of item.chars) joinTo.chars.push(c);
          for (const b of item.bold) joinTo.bold.push(b);
          joinTo.findings.push(...item.findings);
        } else out.push(item);
        out.push(...after);
        if (child(child(child(n, 'w:pPr'), 'w:rPr'), 'w:del')) {
          ctx.stats.deletions++;
          joinTo ??= item;
        } else joinTo = undefined;
        break;
      }
      case 'w:tbl':
        out.push(readTable(n, ctx));
        break;
      case 'w:sdt': {
        const findings: Finding[] = [];
        if (showsPrompt(n, findings)) out.push({ kind: 'paragraph', chars: [], bold: [], findings });
        else out.push(...readBlocks(child(n, 'w:sdtContent')?.children ?? [], ctx));
        break;
      }
      case 'w:customXml':
      case 'w:ins':
      case 'w:moveTo':
        out.push(...readBlocks(n.children, ctx));
        break;
      case 'mc:AlternateContent':
        out.push(...readBlocks(alternateBranch(n), ctx));
        break;
      case 'w:altChunk':
        out.push({
          kind: 'paragraph',
          chars: [],
          bold: [],
          findings: [{ severity: 'warning', ruleId: 'docx/alt-chunk', message: '嵌入的文档片段（altChunk）已略去', hint: '用 Word 打开草稿后重新保存' }],
        });
        break;
      default:
        // w:sectPr, w:bookmarkStart, w:del (deleted rows/paragraphs) and the like carry no body text.
        break;
    }
  }
  return out;
}
