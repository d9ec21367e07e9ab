/**
 * Structure detection over source lines — the heart of every parser. Plain text, Word drafts and
 * Markdown paragraphs all come here, so the same typing gives the same model whatever the format.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Block, Position, Removed, Speech, SpeechMeta } from '../../model/types.ts';
import type { ParseOptions, ParseResult, SourceLine } from '../types.ts';
import { buildBlock } from './build-blocks.ts';
import { spanPosition } from './build-inlines.ts';
import { removeClutter, removedFinding } from './clutter.ts';
import { takeTrailingCredits } from './credits.ts';
import { closesAtFinding, furnitureFindings, takeFurniture } from './furniture.ts';
import { joinHardWraps } from './hard-wrap.ts';
import { lineText, prepareLine, type PreparedLine } from './prepare-line.ts';
import { refineBlocks } from './refine-blocks.ts';
import { splitRunTogether } from './split-run-together.ts';
import { tabTables } from './tab-table.ts';
import { isTitleLine, readTitleBlock } from './title-block.ts';
import { sameText, unspaced } from './title-shapes.ts';
import { detectScript, langOf } from '../../transform/script.ts';

/** An order's issuer header: `上海市人民政府令`, `…部令`. */
const ORDER = /令$/;
/** `原标题：` prefix of a reposted speech. */
const ORIGINAL = /^[（(]?原标题\s*[:：]\s*/;

/** Parse source lines into a speech. Blank lines only separate; every other line is one block. */
export function parseTextLines(lines: SourceLine[], options: ParseOptions, preset: Partial<SpeechMeta> = {}): ParseResult {
  const normalize = options.normalize !== false;
  const diagnostics: Diagnostic[] = [];
  const split = tabTables(splitRunTogether(lines, diagnostics), normalize, diagnostics);
  const firstText = split.find((l) => l.table || l.text.trim() !== '');
  const { lines: cleaned, removed } = removeClutter(split, diagnostics);
  // Traditional text (character statistics) is tagged zh-Hant and skips the GB-only normalizations.
  const script = detectScript(cleaned.map((l) => l.text).join('\n'));
  const prepared = joinHardWraps(
    cleaned.map((l) => prepareLine(l, normalize, diagnostics, 0, script.script)).filter((l) => l.table || l.chars.length > 0),
    diagnostics,
  );
  if (prepared.length === 0) {
    const d = diagnostic('error', 'parse/empty', `${options.file ?? '输入文件'}：文档是空的，没有可排版的文字`);
    if (options.file) d.file = options.file;
    return { speech: undefined, diagnostics: sortDiagnostics(diagnostics.concat(d)) };
  }
  const { body: bodyLines, credits } = takeTrailingCredits(prepared);
  for (const c of credits) diagnostics.push(diagnostic('info', 'parse/removed-credit', `署名信息不排入正文，已移到元数据：“${c.label}：${c.value}”`, c.position));
  // A 原标题 line at the very top is the title, unless the real title follows it (Xinhua copies:
  // `原标题：习近平：迈向…`, photo credits, intro, then `迈向…`).
  const orig = removed.find((r) => r.kind === 'originalTitle');
  let origText = orig?.text.replace(ORIGINAL, '').replace(/[）)]$/, '');
  const at = orig?.position?.start;
  const onTop = orig && firstText && at?.line === firstText.line && at.column <= (firstText.column ?? 0) + 3;
  const next = bodyLines[0] && !bodyLines[0].table ? lineText(bodyLines[0]) : '';
  let given: { title: string; position?: Position } | undefined;
  if (onTop && origText && orig.position && !(next !== '' && (origText.includes(unspaced(next)) || sameText(next, origText)))) {
    // It is the title, not clutter: normalize it like any line and take it back out of `removed`.
    const prefix = ORIGINAL.exec(orig.text)![0];
    const src: SourceLine = { text: orig.text.slice(prefix.length), line: orig.position.start.line, column: orig.position.start.column - 1 + [...prefix].length };
    const l = prepareLine(src, normalize, diagnostics);
    const text = lineText(l).replace(/[）)]$/, '');
    const position = spanPosition(l, 0, l.chars.length);
    given = { title: text, ...(position && { position }) };
    removed.splice(removed.indexOf(orig), 1);
    const k = diagnostics.findIndex((d) => d.ruleId === 'parse/removed-originalTitle' && d.position === orig.position);
    if (k >= 0) diagnostics.splice(k, 1);
    origText = text;
  }
  // A title from front matter: the lines right under it may still hold subtitle, speaker, date.
  if (preset.title) given = { title: preset.title };
  const block = readTitleBlock(bodyLines, normalize, diagnostics, given);
  const meta = block.meta;
  const furniture = block.furniture;
  for (const r of block.removed) diagnostics.push(removedFinding(r));
  const allRemoved = [...removed, ...block.removed];
  if (meta.originalTitle === undefined && origText !== undefined) {
    meta.originalTitle = origText;
    if (orig?.position) (meta.positions ??= {}).originalTitle = orig.position;
  }
  const taken = takeFurniture(bodyLines.slice(block.used), furniture);
  // The title printed once more further down (pkulaw copies repeat it above the text of an order).
  const title = meta.title || preset.title || '';
  const rest: PreparedLine[] = [];
  let closesAt: number | undefined;
  let titleAfterClosing = false;
  let issuedLine: PreparedLine | undefined;
  const order = furniture.issuer !== undefined && ORDER.test(furniture.issuer.text);
  taken.lines.forEach((l, k) => {
    if (k === taken.closesAt) closesAt = rest.length;
    if (k === taken.closesAt && order && !title && !l.table && isTitleLine(lineText(l))) {
      // An order typed without a title above it (上海市人民政府令 / 第19号 / text / 落款): the line
      // under the 落款 is the title of the regulation it issues, and the document's title.
      meta.title = lineText(l);
      meta.titleLines = [meta.title];
      const position = spanPosition(l, 0, l.chars.length);
      if (position) (meta.positions ??= {}).title = position;
      const n = diagnostics.findIndex((d) => d.ruleId === 'parse/no-title');
      if (n >= 0) diagnostics.splice(n, 1);
      titleAfterClosing = true;
      return;
    }
    if (k === taken.closesAt && !order && !l.table && isTitleLine(lineText(l)) && issues(title, lineText(l))) {
      // `…印发《X办法》的通知` / text / 落款 / `X办法`: the title of the document the notice issues.
      const position = spanPosition(l, 0, l.chars.length);
      furniture.issuedTitle = { text: lineText(l), ...(position && { position }) };
      issuedLine = l;
      return;
    }
    if (k > 8 || l.table || !sameText(unspaced(lineText(l)), title)) {
      rest.push(l);
      return;
    }
    // An order's title repeated right under its 落款 heads the regulation the order issues.
    if (k === taken.closesAt && order) titleAfterClosing = true;
    const r: Removed = { kind: 'repeatedTitle', text: lineText(l) };
    const position = spanPosition(l, 0, l.chars.length);
    if (position) r.position = position;
    allRemoved.push(r);
    diagnostics.push(removedFinding(r));
  });
  if (closesAt !== undefined && closesAt < rest.length) furniture.closesAt = closesAt;
  else if (issuedLine) {
    // Nothing of the issued document follows the line: it stays text.
    delete furniture.issuedTitle;
    rest.push(issuedLine);
  }
  if (titleAfterClosing && furniture.closesAt !== undefined) furniture.titleAfterClosing = true;
  for (const finding of furnitureFindings(furniture)) diagnostics.push(finding);
  const children: Block[] = refineBlocks(rest.map(buildBlock));
  // The text may go on after the 落款: say so, since the 落款 then prints mid-document.
  for (const finding of closesAtFinding(furniture, children, meta.title)) diagnostics.push(finding);
  const fullMeta: SpeechMeta = { ...meta, ...preset, credits: [...(preset.credits ?? []), ...credits], lang: preset.lang ?? langOf(script) };
  if (preset.title && !preset.titleLines) fullMeta.titleLines = [preset.title];
  if (Object.keys(furniture).length > 0) fullMeta.furniture = furniture;
  if (allRemoved.length > 0) fullMeta.removed = allRemoved.sort((a, b) => (a.position?.start.line ?? 0) - (b.position?.start.line ?? 0) || (a.position?.start.column ?? 0) - (b.position?.start.column ?? 0));
  const speech: Speech = { type: 'speech', meta: fullMeta, children };
  const firstLine = prepared[0]!.line;
  const last = prepared[prepared.length - 1]!;
  speech.position = {
    start: { line: firstLine, column: 1 },
    end: { line: last.line, column: (last.map[last.map.length - 1] ?? -1) + 2 },
  };
  if (children.length === 0) {
    diagnostics.push(diagnostic('warning', 'parse/no-body', '讲话稿只有标题，没有正文'));
  }
  if (options.file) for (const d of diagnostics) d.file ??= options.file;
  return { speech, diagnostics: sortDiagnostics(diagnostics) };
}

/** Whether the notice titled `title` issues a document titled `line` (`…印发《line》的通知`). */
function issues(title: string, line: string): boolean {
  const key = (t: string): string => unspaced(t).replace(/[\s\u3000《》〈〉“”"]/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/[—―－–-]/g, '-');
  return [...line].length >= 4 && /印发|发布|转发|颁布|公布/.test(title) && key(title).includes(key(line));
}

/** Diagnostics in source order (those without a position first); stable for equal positions. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): number => (d.position ? d.position.start.line * 1e6 + d.position.start.column : -1);
  return ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) => key(a.d) - key(b.d) || a.i - b.i)
    .map((x) => x.d);
}
