/**
 * One Word paragraph → its visible text with a bold flag per character: list marker prepended,
 * soft line breaks joined, edge whitespace trimmed (a typed draft's indent is layout).
 */
import { inTableOfContents, type ReadContext } from './context.ts';
import { excerpt, isSpace, type Item, type ParagraphItem } from './items.ts';
import { readInline, type RunSink } from './run.ts';
import { readNumPr } from './styles.ts';
import { isFurnitureBlock } from '../text/furniture.ts';
import { child, val, type XmlNode } from './xml.ts';

const ASCII_WORD = /^[A-Za-z0-9]$/;

/** Join pieces; a soft break between two Latin word characters becomes a space, else nothing. */
function joinPieces(pieces: RunSink['pieces']): { chars: string[]; bold: boolean[]; breaks: number; at: number[] } {
  const chars: string[] = [];
  const bold: boolean[] = [];
  const at: number[] = [];
  let breaks = 0;
  let pendingBreak = false;
  for (const p of pieces) {
    if ('br' in p) {
      pendingBreak = chars.length > 0;
      continue;
    }
    const cps = [...p.text];
    if (cps.length === 0) continue;
    if (pendingBreak) {
      breaks++;
      at.push(chars.length);
      // A manual wrap inside Chinese text is joined directly; between Latin words it was a space.
      if (ASCII_WORD.test(chars.at(-1) ?? '') && ASCII_WORD.test(cps[0] ?? '')) {
        chars.push(' ');
        bold.push(p.bold);
      }
      pendingBreak = false;
    }
    for (const ch of cps) {
      chars.push(ch);
      bold.push(p.bold);
    }
  }
  return { chars, bold, breaks, at };
}

/** Drop leading and trailing whitespace from parallel arrays. */
function trim(chars: string[], bold: boolean[]): number {
  let lead = 0;
  while (isSpace(chars[0])) { chars.shift(); bold.shift(); lead++; }
  while (isSpace(chars.at(-1))) { chars.pop(); bold.pop(); }
  return lead;
}

/** Read a `w:p` into its paragraph item followed by any text box content anchored in it. */
export function readParagraph(p: XmlNode, ctx: ReadContext): [ParagraphItem, ...Item[]] {
  const pPr = child(p, 'w:pPr');
  const styleId = val(pPr, 'w:pStyle');
  // Numbered before its runs are read, so that a text box anchored here counts after it.
  const direct = readNumPr(child(pPr, 'w:numPr'));
  const fromStyle = ctx.styles.paragraphNumbering(styleId);
  const ref = direct?.numId !== undefined ? { ilvl: direct.ilvl ?? fromStyle?.ilvl, numId: direct.numId } : { ...fromStyle, ...direct };
  // Word counts an empty numbered paragraph too (it shows a bare marker), so the counters advance
  // to keep later markers as the writer sees them; the bare marker itself is not content.
  const marker = inTableOfContents(ctx) ? undefined : ctx.numbering.next(ref, styleId);

  const sink: RunSink = { pieces: [], findings: [], after: [], inToc: false };
  readInline(p.children, ctx, sink, styleId);
  // A field code never spans paragraphs; one left open is malformed and would hide the rest of
  // the document. Field results (a table of contents) do span paragraphs and stay open.
  ctx.fields = ctx.fields.filter((f) => f.inResult);

  const { chars, bold, breaks, at } = joinPieces(sink.pieces);
  const lead = trim(chars, bold);
  const role = ctx.styles.paragraphRole(styleId);
  const outlineLvl = val(pPr, 'w:outlineLvl') ?? ctx.styles.outlineLevel(styleId);
  const jc = val(pPr, 'w:jc') ?? ctx.styles.alignment(styleId);
  // In a title the writer's line breaks are the printed lines, and in an attachment list or a 落款
  // they separate its lines; elsewhere they are only wraps.
  const furniture = breaks > 0 && role !== 'title' && isFurnitureBlock(splitAt(chars, at.map((k) => k - lead)).map((l) => l.trim()));
  if (breaks > 0 && role !== 'title' && !furniture) {
    sink.findings.push({
      severity: 'info',
      ruleId: 'docx/soft-break',
      message: `段内 ${breaks} 处手动换行已合并：「${excerpt(chars.join(''))}」`,
      hint: '段内换行（Shift+Enter）通常只是手动折行；要另起一段请按回车',
    });
  }
  if (sink.inToc) ctx.stats.tocParagraphs++;

  if (marker && marker.text && chars.length > 0) {
    const cps = [...marker.text];
    chars.unshift(...cps);
    bold.unshift(...cps.map(() => bold[0] ?? false));
  }

  const item: ParagraphItem = { kind: 'paragraph', chars, bold, findings: sink.findings };
  const shift = (marker?.text && chars.length > 0 ? [...marker.text].length : 0) - lead;
  const kept = at.map((k) => k + shift).filter((k) => k > 0 && k < chars.length);
  if (kept.length > 0) item.breaks = kept;
  if (furniture && kept.length > 0) item.furniture = true;
  if (role) item.role = role;
  if (outlineLvl !== undefined && Number(outlineLvl) < 9) item.outline = Number(outlineLvl);
  if (jc === 'center') item.centered = true;
  return [item, ...sink.after];
}

/** The text of `chars` cut at the code-point offsets `at`. */
function splitAt(chars: string[], at: number[]): string[] {
  const cuts = [0, ...at.filter((k) => k > 0 && k < chars.length), chars.length];
  const out: string[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) out.push(chars.slice(cuts[k], cuts[k + 1]).join(''));
  return out;
}
