/**
 * The source text around a finding, quoted in the finding: a Word user cannot jump to "line 47",
 * but can search for the words. The lines are the parser's own (`ParseResult.lines`: the decoded
 * text, or the paragraphs the Word reader found — also for drafts LibreOffice converted), so a
 * quote is taken where the finding is made, never by reading the file a second time.
 */
import type { Diagnostic } from './diagnostic.ts';
import type { Position } from '../model/types.ts';

/** Characters quoted on either side of the finding's start. */
const CONTEXT = 12;
/** Longest span marked inside the quote; a longer one (a whole paragraph) is cut. */
const MAX_SPAN = 16;

/** `…前文【所指】后文…` for a position in `lines`; undefined when the line is not there or empty. */
export function excerptAt(lines: readonly string[], position: Position, split: (line: string) => readonly string[] = (l) => [...l]): string | undefined {
  const line = lines[position.start.line - 1];
  if (!line || !line.trim()) return undefined;
  const chars = split(line);
  const start = Math.max(0, Math.min(chars.length, position.start.column - 1));
  const sameLine = position.end.line === position.start.line;
  const end = sameLine ? Math.max(start, Math.min(chars.length, position.end.column - 1)) : chars.length;
  const spanEnd = Math.min(end, start + MAX_SPAN);
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(chars.length, spanEnd + CONTEXT);
  const span = chars.slice(start, spanEnd).join('');
  const marked = span && spanEnd - start < chars.length ? `【${span}${spanEnd < end ? '…' : ''}】` : span;
  return `${from > 0 ? '…' : ''}${chars.slice(from, start).join('')}${marked}${chars.slice(spanEnd, to).join('')}${to < chars.length ? '…' : ''}`.trim();
}

/**
 * Set `excerpt` on every finding with a position that does not have one yet. Each line is split
 * into characters once, however many findings it holds (a 200k-character line with thousands of
 * findings stays linear).
 */
export function attachExcerpts(list: Diagnostic[], lines: readonly string[] | undefined): void {
  if (!lines) return;
  const split = new Map<string, readonly string[]>();
  const charsOf = (line: string): readonly string[] => {
    let c = split.get(line);
    if (!c) split.set(line, (c = [...line]));
    return c;
  };
  for (const d of list) {
    if (d.excerpt || !d.position) continue;
    const e = excerptAt(lines, d.position, charsOf);
    if (e) d.excerpt = e;
  }
}
