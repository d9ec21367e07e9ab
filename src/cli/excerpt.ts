/**
 * The source text around a finding, quoted in the finding: a Word user cannot jump to "line 47",
 * but can search for the words. Lines come from the same decoding the parsers used (text formats)
 * or from the .docx reader; drafts converted through LibreOffice (.doc, .wps, .odt) are not
 * converted a second time for this, so their findings keep only the position.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Position } from '../model/types.ts';
import { decodeText } from '../decode/decode-text.ts';
import { formatOf } from '../parse/index.ts';

/** Characters quoted on either side of the finding's start. */
const CONTEXT = 12;
/** Longest span marked inside the quote; a longer one (a whole paragraph) is cut. */
const MAX_SPAN = 16;

/** The lines of a file as the parser numbered them; undefined when that would cost a conversion. */
export async function sourceLines(bytes: Uint8Array, file: string): Promise<string[] | undefined> {
  const format = formatOf(file);
  if (format === 'docx') {
    if (!/\.docx$/i.test(file)) return undefined;
    const { readDocx } = await import('../parse/docx/index.ts');
    const r = readDocx(bytes, file);
    return r.ok ? r.lines.map((l) => l.text) : undefined;
  }
  const decoded = decodeText(bytes, file);
  return decoded.value?.text.split('\n');
}

/** `…前文【所指】后文…` for a position in `lines`; undefined when the line is not there or empty. */
export function excerptAt(lines: readonly string[], position: Position): string | undefined {
  const line = lines[position.start.line - 1];
  if (!line || !line.trim()) return undefined;
  const chars = [...line];
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

/** Set `excerpt` on every finding with a position that does not have one yet. */
export function attachExcerpts(list: Diagnostic[], lines: readonly string[] | undefined): void {
  if (!lines) return;
  for (const d of list) {
    if (d.excerpt || !d.position) continue;
    const e = excerptAt(lines, d.position);
    if (e) d.excerpt = e;
  }
}
