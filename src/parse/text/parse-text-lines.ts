/**
 * Structure detection over source lines — the heart of every parser. Plain text, Word drafts and
 * Markdown paragraphs all come here, so the same typing gives the same model whatever the format.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Block, Speech } from '../../model/types.ts';
import type { ParseOptions, ParseResult, SourceLine } from '../types.ts';
import { buildBlock } from './build-blocks.ts';
import { takeTrailingCredits } from './credits.ts';
import { prepareLine } from './prepare-line.ts';
import { readTitleBlock } from './title-block.ts';

/** Parse source lines into a speech. Blank lines only separate; every other line is one block. */
export function parseTextLines(lines: SourceLine[], options: ParseOptions): ParseResult {
  const normalize = options.normalize !== false;
  const diagnostics: Diagnostic[] = [];
  const prepared = lines.map((l) => prepareLine(l, normalize, diagnostics)).filter((l) => l.table || l.chars.length > 0);
  if (prepared.length === 0) {
    const d = diagnostic('error', 'parse/empty', `${options.file ?? '输入文件'}：文档是空的，没有可排版的文字`);
    if (options.file) d.file = options.file;
    return { speech: undefined, diagnostics: sortDiagnostics(diagnostics.concat(d)) };
  }
  const { body: bodyLines, credits } = takeTrailingCredits(prepared);
  const { meta, used } = readTitleBlock(bodyLines, normalize, diagnostics);
  const children: Block[] = bodyLines.slice(used).map(buildBlock);
  const speech: Speech = { type: 'speech', meta: { ...meta, credits, lang: 'zh-CN' }, children };
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

/** Diagnostics in source order (those without a position first); stable for equal positions. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): number => (d.position ? d.position.start.line * 1e6 + d.position.start.column : -1);
  return ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) => key(a.d) - key(b.d) || a.i - b.i)
    .map((x) => x.d);
}
