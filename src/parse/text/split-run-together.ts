/**
 * Web copies often run a whole article together on one physical line, paragraphs separated only by
 * their two-ideographic-space indents (`……。　　第二段……`). Such a line is split back into one source
 * line per paragraph, each remembering its column, with an info finding.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { SourceLine } from '../types.ts';

/** An indent run inside a line: two or more ideographic spaces after a non-space character. */
const INDENT = /(?<=\S)[ \t]*\u3000{2,}/gu;
/** Fewest inner indent runs that make a line a run-together article (a name like `区长　　张三` has one). */
const MIN_RUNS = 3;

/** The lines with every run-together line split into its paragraphs. */
export function splitRunTogether(lines: SourceLine[], diagnostics: Diagnostic[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const l of lines) {
    const cuts = [...l.text.matchAll(INDENT)].map((m) => m.index);
    if (l.table || cuts.length < MIN_RUNS) {
      out.push(l);
      continue;
    }
    const bounds = [0, ...cuts, l.text.length];
    let parts = 0;
    // Code points before each part, counted once along the line.
    let column = l.column ?? 0;
    for (let k = 0; k + 1 < bounds.length; k++) {
      const text = l.text.slice(bounds[k], bounds[k + 1]);
      const width = [...text].length;
      if (text.trim() !== '') {
        out.push({ ...l, text, column });
        parts++;
      }
      column += width;
    }
    diagnostics.push(diagnostic('info', 'parse/run-together', `这一行连写了 ${parts} 段（段与段之间只有全角空格），已按段拆开`,
      { start: { line: l.line, column: 1 }, end: { line: l.line, column: 2 } }));
  }
  return out;
}
