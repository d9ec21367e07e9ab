/**
 * Inline content of a paragraph: runs and their wrappers (insertions, hyperlinks, content
 * controls, fields). Deleted text, field codes, comments and proofing marks are skipped.
 */
import { alternateBranch, fieldHidesText, inTableOfContents, type ReadContext } from './context.ts';
import { showsPrompt } from './content-control.ts';
import { drawing } from './drawing.ts';
import type { Finding, Item } from './items.ts';
import { noteDropped } from './notes.ts';
import { child, descendants, isOn, textOf, val, type XmlNode } from './xml.ts';

/** Text collected from a paragraph's runs, with what else turned up. */
export interface RunSink {
  /** Pieces of text; `br` marks a soft line break. */
  pieces: Array<{ text: string; bold: boolean } | { br: true }>;
  /** Findings for this paragraph. */
  findings: Finding[];
  /** Blocks found inside the paragraph (text boxes), placed after it. */
  after: Item[];
  /** Whether any text was hidden as part of a table of contents. */
  inToc: boolean;
}

/** Inline wrappers whose content is read as if it stood in the paragraph. */
const TRANSPARENT = new Set(['w:ins', 'w:moveTo', 'w:hyperlink', 'w:smartTag', 'w:customXml', 'w:fldSimple', 'w:dir', 'w:bdo', 'w:sdtContent']);

function runBold(run: XmlNode, ctx: ReadContext, paraStyle: string | undefined): boolean {
  const rPr = child(run, 'w:rPr');
  return (
    isOn(child(rPr, 'w:b')) ??
    ctx.styles.characterBold(val(rPr, 'w:rStyle')) ??
    ctx.styles.paragraphBold(paraStyle) ??
    ctx.styles.defaultBold
  );
}

function runContent(run: XmlNode, ctx: ReadContext, sink: RunSink, bold: boolean): void {
  for (const c of run.children) {
    const hidden = fieldHidesText(ctx);
    if (c.name === 'w:t' && inTableOfContents(ctx)) sink.inToc = true;
    switch (c.name) {
      case 'w:t': {
        if (hidden) break;
        const raw = textOf(c);
        // Word only keeps edge spaces under xml:space="preserve".
        const text = c.attrs['xml:space'] === 'preserve' ? raw : raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
        sink.pieces.push({ text, bold });
        break;
      }
      case 'w:tab':
      case 'w:ptab':
        if (!hidden) sink.pieces.push({ text: '\t', bold });
        break;
      case 'w:br': {
        const type = c.attrs['w:type'];
        if (!hidden && (type === undefined || type === 'textWrapping')) sink.pieces.push({ br: true });
        break;
      }
      case 'w:cr':
        if (!hidden) sink.pieces.push({ br: true });
        break;
      case 'w:noBreakHyphen':
        if (!hidden) sink.pieces.push({ text: '-', bold });
        break;
      case 'w:sym': {
        const code = parseInt(c.attrs['w:char'] ?? '', 16);
        // Symbol-font characters live in the private use area and mean nothing without the font.
        if (!hidden && Number.isFinite(code) && !(code >= 0xe000 && code <= 0xf8ff)) {
          sink.pieces.push({ text: String.fromCodePoint(code), bold });
        } else if (!hidden) {
          sink.findings.push({ severity: 'info', ruleId: 'docx/symbol', message: `符号字体字符（${c.attrs['w:font'] ?? '未知字体'} ${c.attrs['w:char'] ?? ''}）已略去` });
        }
        break;
      }
      case 'w:fldChar': {
        const t = c.attrs['w:fldCharType'];
        if (t === 'begin') ctx.fields.push({ inResult: false, instr: '' });
        else if (t === 'end') ctx.fields.pop();
        else if (t === 'separate') {
          const open = ctx.fields.at(-1);
          if (open) open.inResult = true;
        }
        break;
      }
      case 'w:instrText': {
        const f = ctx.fields.at(-1);
        if (f && !f.inResult) f.instr += textOf(c);
        break;
      }
      case 'w:footnoteReference':
      case 'w:endnoteReference': {
        const kind = c.name === 'w:footnoteReference' ? 'footnote' : 'endnote';
        const id = c.attrs['w:id'] ?? '';
        sink.findings.push(noteDropped(kind, id, ctx.noteText(kind, id)));
        break;
      }
      case 'w:commentReference':
        ctx.stats.comments++;
        break;
      case 'w:drawing':
      case 'w:pict':
        drawing(c, ctx, sink);
        break;
      case 'w:object':
        sink.findings.push({ severity: 'warning', ruleId: 'docx/image', message: '本段中的嵌入对象已略去' });
        break;
      case 'mc:AlternateContent':
        runContent({ ...c, children: alternateBranch(c) }, ctx, sink, bold);
        break;
      default:
        break;
    }
  }
}

/** Read inline nodes of a paragraph into `sink`. */
export function readInline(nodes: XmlNode[], ctx: ReadContext, sink: RunSink, paraStyle: string | undefined): void {
  for (const n of nodes) {
    if (TRANSPARENT.has(n.name)) {
      if (n.name === 'w:ins' || n.name === 'w:moveTo') ctx.stats.insertions++;
      readInline(n.children, ctx, sink, paraStyle);
      continue;
    }
    switch (n.name) {
      case 'w:r': {
        // Hidden text (w:vanish) is not printed by Word either; field characters still count.
        const vanish = isOn(child(child(n, 'w:rPr'), 'w:vanish')) ?? false;
        const run = vanish ? { ...n, children: n.children.filter((c) => c.name === 'w:fldChar' || c.name === 'w:instrText') } : n;
        runContent(run, ctx, sink, runBold(n, ctx, paraStyle));
        break;
      }
      case 'w:del':
      case 'w:moveFrom':
        ctx.stats.deletions++;
        break;
      case 'w:sdt':
        if (!showsPrompt(n, sink.findings)) readInline(child(n, 'w:sdtContent')?.children ?? [], ctx, sink, paraStyle);
        break;
      case 'w:ruby':
        readInline(child(n, 'w:rubyBase')?.children ?? [], ctx, sink, paraStyle);
        break;
      case 'mc:AlternateContent':
        readInline(alternateBranch(n), ctx, sink, paraStyle);
        break;
      case 'm:oMath':
      case 'm:oMathPara':
        sink.pieces.push({ text: descendants(n, 'm:t').map(textOf).join(''), bold: false });
        break;
      default:
        // w:pPr, w:proofErr, bookmarks, comment ranges, permissions: no visible text.
        break;
    }
  }
}
