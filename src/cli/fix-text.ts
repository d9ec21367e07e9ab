/**
 * `check --fix`: the text of a .txt or .md draft with the same punctuation, quote and width fixes the
 * build applies, and nothing else. Indentation, blank lines, line ends and unfilled blanks (XX, ○○)
 * stay as the writer left them; in Markdown, front matter, code, block markers and link targets are
 * not touched, so the file still means the same to a Markdown reader.
 */
import { normalizeLine } from '../transform/normalize-line.ts';
import { findPlaceholders } from '../parse/text/find-placeholders.ts';

/** What fixing gave. */
export interface FixedText {
  /** The new text (LF line ends; the caller restores CRLF). */
  text: string;
  /** How many normalizations were made. */
  changes: number;
}

/** Kinds of change `--fix` makes; spacing and indentation kinds are left to the writer. */
const FIX_KINDS = new Set(['punctuation', 'quote', 'width', 'radical', 'dash']);

/** Markdown block markers at a line start: headings, quotes, list bullets and numbers, table pipes. */
const MD_MARKER = /^(?:\s{0,3}(?:#{1,6}\s|>\s?|[-*+]\s|\d+[.)]\s)|\s*\|)/;
/** Inline code and link/image targets. */
const MD_PROTECT = /`[^`]*`|\]\([^)]*\)|<[^>\s]+>|\|/g;

/** Normalize `text` (LF line ends) as a `format` draft. */
export function fixText(text: string, format: 'text' | 'markdown'): FixedText {
  const lines = text.split('\n');
  let changes = 0;
  let inFence = false;
  let inFront = format === 'markdown' && lines[0]?.trim() === '---';
  const out = lines.map((line, i) => {
    if (format === 'markdown') {
      if (inFront) {
        if (i > 0 && /^(---|\.\.\.)\s*$/.test(line)) inFront = false;
        return line;
      }
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return line;
      }
      if (inFence || /^( {4}|\t)/.test(line)) return line;
    }
    const m = /^(\s*)(.*?)(\s*)$/u.exec(line)!;
    const [lead, core, trail] = [m[1]!, m[2]!, m[3]!];
    if (!core) return line;
    const protect: Array<[number, number]> = findPlaceholders(core).map((s) => [s.start, s.end]);
    // `一.` opening a line is a heading marker (the parser reads it so), not a sentence end.
    const dot = /^[一二三四五六七八九十百]+\./.exec(core);
    if (dot) protect.push([dot[0].length - 1, dot[0].length]);
    if (format === 'markdown') {
      const marker = MD_MARKER.exec(core);
      if (marker) protect.push([0, marker[0].length]);
      for (const p of core.matchAll(MD_PROTECT)) protect.push([p.index, p.index + p[0].length]);
    }
    const n = normalizeLine(core, { enabled: true, protect });
    const kept = n.changes.filter((c) => FIX_KINDS.has(c.kind));
    // A line whose only changes are spacing is left exactly as written.
    if (kept.length === 0) return line;
    changes += kept.length;
    return lead + n.text + trail;
  });
  return { text: out.join('\n'), changes };
}
