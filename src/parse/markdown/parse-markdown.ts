/**
 * The Markdown parser: `#` title, `##`…`#####` headings (depth 1–4), `**…**` openings as leads,
 * front matter for meta, GFM tables, the furniture of an official text (主送, 附件说明, 落款) as in
 * plain text. Paragraph text goes through the same detection as plain text,
 * so `一是…`, `（一）…。`, placeholders and salutations behave the same in both formats.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Block, Credit, Heading, Speech } from '../../model/types.ts';
import { buildBlock } from '../text/build-blocks.ts';
import { buildInlines, spanPosition } from '../text/build-inlines.ts';
import { parseCredits } from '../text/credits.ts';
import { closesAtFinding, furnitureFindings, takeFurniture } from '../text/furniture.ts';
import { headingMarker } from '../text/markers.ts';
import { sortDiagnostics } from '../text/parse-text-lines.ts';
import { lineText, type PreparedLine } from '../text/prepare-line.ts';
import { readTitleBlock } from '../text/title-block.ts';
import type { ParseOptions, ParseResult } from '../types.ts';
import { collectItems, type CollectContext, type Item } from './collect-items.ts';
import { normalizeFrontMatter, readFrontMatter } from './front-matter.ts';
import { markdownLimitProblem } from './limits.ts';
import { refineBlocks } from '../text/refine-blocks.ts';
import { toPosition } from './position.ts';
import { detectScript, langOf } from '../../transform/script.ts';

/** Parse the text of a .md speech. */
export function parseMarkdown(text: string, options: ParseOptions = {}): ParseResult {
  const normalize = options.normalize !== false;
  const diagnostics: Diagnostic[] = [];
  const tooHard = markdownLimitProblem(text);
  if (tooHard) return finish(undefined, [tooHard], options, false);
  const tree = fromMarkdown(text, {
    // CommonMark does not close `**一是…。**正文` (punctuation before `**`, a letter after); the CJK extension does.
    extensions: [frontmatter(['yaml']), gfmTable(), cjkFriendlyExtension()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()],
  });
  const script = detectScript(text);
  const ctx: CollectContext = { normalize, diagnostics, script: script.script, source: text };
  const items = collectItems(tree.children, ctx);
  const fmPosition = toPosition(ctx.frontMatter?.node.position);
  const fmRaw = ctx.frontMatter ? readFrontMatter(ctx.frontMatter.value, fmPosition, diagnostics) : {};
  const fm = normalize ? normalizeFrontMatter(fmRaw, fmPosition, diagnostics) : fmRaw;

  const body = items.filter((i) => i.kind !== 'line' || i.line.chars.length > 0);
  if (body.length === 0 && !fm.title) return finish(undefined, diagnostics, options, true);

  // Trailing credit paragraphs (编辑：…) leave the body, as in plain text.
  const credits: Credit[] = [];
  while (body.length > 1) {
    const last = body[body.length - 1]!;
    const c = last.kind === 'line' ? parseCredits(last.line) : undefined;
    if (!c) break;
    credits.unshift(...c);
    body.pop();
  }

  // Title: the first `#` heading (unless front matter names a different one), then the title block under it.
  const t = body.findIndex((i) => i.kind === 'heading' && i.depth === 1);
  const titleItem = t >= 0 && (!fm.title || lineText((body[t] as { line: PreparedLine }).line) === fm.title) ? t : -1;
  let start = 0;
  let titleLines: PreparedLine[];
  if (titleItem >= 0) {
    titleLines = [(body[titleItem] as { line: PreparedLine }).line];
    start = titleItem + 1;
  } else if (fm.title) {
    titleLines = [{ line: 0, text: fm.title, chars: [...fm.title], map: [...fm.title].map((_, k) => k), placeholders: [], emphasis: [], bold: 0 }];
  } else titleLines = [];
  while (start < body.length && body[start]!.kind === 'line') titleLines.push((body[start++] as { line: PreparedLine }).line);
  const tb = readTitleBlock(titleLines, normalize, diagnostics);
  // Lines the title block did not take go back to the body.
  const consumedFromBody = titleItem >= 0 || fm.title ? tb.used - 1 : tb.used;
  const headLines = titleItem >= 0 || fm.title ? titleLines.slice(1) : titleLines;
  // A `#` heading refused as a title (too long, a sentence) stays in the body as a heading.
  const rest: Item[] =
    titleItem >= 0 && tb.used === 0
      ? body
      : [
          ...body.slice(0, Math.max(0, titleItem)),
          ...headLines.slice(Math.max(0, consumedFromBody)).map((line): Item => ({ kind: 'line', line })),
          ...body.slice(start),
        ];
  if (fm.title && titleItem < 0 && t >= 0) {
    diagnostics.push(diagnostic('warning', 'markdown/title', '文首信息（front matter）中的标题与 # 标题不同；# 标题保留为一级标题',
      spanPosition((body[t] as { line: PreparedLine }).line, 0, 1)));
  }

  // 主送, 附件说明 and 落款 among the text lines, as in plain text; headings and tables stay where they are.
  const furniture = tb.furniture;
  const taken = takeFurniture(rest.flatMap((i) => (i.kind === 'line' ? [i.line] : [])), furniture);
  const kept = new Set(taken.lines);
  const dateAt = taken.dateLine ? rest.findIndex((i) => i.kind === 'line' && i.line === taken.dateLine) : -1;
  const bodyItems = rest.filter((i) => i.kind !== 'line' || kept.has(i.line));
  // The 落款 prints before the first block after it when the text goes on (the document a notice issues).
  const closesAt = dateAt >= 0 ? bodyItems.findIndex((i) => rest.indexOf(i) > dateAt) : -1;

  const { credits: fmCredits, lang, ...fmMeta } = fm;
  const speech: Speech = {
    type: 'speech',
    meta: { ...tb.meta, ...fmMeta, credits: [...(fmCredits ?? []), ...credits], lang: lang ?? langOf(script) },
    children: refineBlocks(bodyItems.map(toBlock)),
  };
  if (closesAt >= 0) furniture.closesAt = closesAt;
  for (const d of [...furnitureFindings(furniture), ...closesAtFinding(furniture, speech.children, speech.meta.title)]) diagnostics.push(d);
  if (Object.keys(furniture).length > 0) speech.meta.furniture = furniture;
  if (tb.removed.length > 0) speech.meta.removed = tb.removed;
  if (fm.title && titleItem < 0 && speech.meta.positions) delete speech.meta.positions.title;
  if (speech.meta.positions && Object.keys(speech.meta.positions).length === 0) delete speech.meta.positions;
  if (speech.children.length === 0) diagnostics.push(diagnostic('warning', 'parse/no-body', '讲话稿只有标题，没有正文'));
  return finish(speech, diagnostics, options, false);
}

/** A block for one item. */
function toBlock(item: Item): Block {
  if (item.kind === 'table') return item.table;
  if (item.kind === 'line') return buildBlock(item.line);
  const l = item.line;
  const text = lineText(l);
  const m = headingMarker(text);
  const markerEnd = m ? [...text.slice(0, m.length)].length : 0;
  // Markdown depth is explicit (## = level 1); a written marker is only split off, not trusted for depth.
  const depth = Math.min(4, Math.max(1, item.depth - 1)) as Heading['depth'];
  const h: Heading = { type: 'heading', depth, marker: m?.marker ?? '', children: buildInlines(l, markerEnd, l.chars.length) };
  const pos = spanPosition(l, 0, l.chars.length);
  if (pos) h.position = pos;
  return h;
}

/** Attach the file name, sort, and report an empty document. */
function finish(speech: Speech | undefined, diagnostics: Diagnostic[], options: ParseOptions, empty: boolean): ParseResult {
  if (empty) diagnostics.push(diagnostic('error', 'parse/empty', `${options.file ?? '输入文件'}：文档是空的，没有可排版的文字`));
  if (options.file) for (const d of diagnostics) d.file ??= options.file;
  return { value: speech, diagnostics: sortDiagnostics(diagnostics) };
}
