/**
 * Text hard-wrapped by an e-mail client or copied out of a PDF: a line that starts with a mark no
 * line may start with (，。、；：？！）》”…), or a run of full-length lines none of which ends a
 * sentence, is joined back to the line above, with an info finding per joined paragraph.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { lineText, type PreparedLine } from './prepare-line.ts';
import { headingMarker } from './markers.ts';

/** Marks that can never begin a line (GB/T 15834 避头). */
const NO_START = /^[，。、；：？！）》」』”’〕】…%‰,.;:?!)]/;
/** Marks that end a sentence or a paragraph. */
const ENDS = /[。！？：；…”’）》」』!?:;)]$/;
/** Fewest lines of a wrapped block, and how close in length its full lines must be. */
const MIN_WRAP_LINES = 3;
const MIN_WRAP_WIDTH = 16;

/** A copy of `a` whose arrays may be appended to (made once per joined paragraph, so joining stays linear). */
function open(a: PreparedLine): PreparedLine {
  return { ...a, chars: [...a.chars], map: [...a.map], lineOf: a.lineOf ? [...a.lineOf] : a.chars.map(() => a.line), placeholders: [...a.placeholders], emphasis: [...a.emphasis] };
}

/** Append `b` to the open line `a` (a soft continuation: no separator in Chinese); each code point keeps its source line and column. */
function append(a: PreparedLine, b: PreparedLine): void {
  const shift = a.chars.length;
  a.text += b.text;
  for (let k = 0; k < b.chars.length; k++) {
    a.chars.push(b.chars[k]!);
    a.map.push(b.map[k]!);
    a.lineOf!.push(b.lineOf?.[k] ?? b.line);
  }
  for (const [s, e] of b.placeholders) a.placeholders.push([s + shift, e + shift]);
  for (const [s, e] of b.emphasis) a.emphasis.push([s + shift, e + shift]);
}

/** The lines with hard wraps joined. */
export function joinHardWraps(lines: PreparedLine[], diagnostics: Diagnostic[]): PreparedLine[] {
  // The common full width of wrapped lines: the most frequent length among long lines.
  const counts = new Map<number, number>();
  for (const l of lines) if (!l.table && l.chars.length >= MIN_WRAP_WIDTH) counts.set(l.chars.length, (counts.get(l.chars.length) ?? 0) + 1);
  let width = 0;
  for (const [w, c] of counts) if (c >= MIN_WRAP_LINES && c > (counts.get(width) ?? 0)) width = w;
  // Wrapped text is mostly lines of one width; a text of whole paragraphs only rarely repeats a length.
  const long = [...counts.values()].reduce((a, b) => a + b, 0);
  const atWidth = (counts.get(width) ?? 0) + (counts.get(width - 1) ?? 0) + (counts.get(width + 1) ?? 0);
  if (atWidth < long * 0.4) width = 0;
  const full = (l: PreparedLine): boolean => width > 0 && !l.table && !headingMarker(lineText(l)) && Math.abs(l.chars.length - width) <= 1 && !ENDS.test(lineText(l));

  const out: PreparedLine[] = [];
  let joinedInto: PreparedLine | undefined;
  let joins = 0;
  const flush = (): void => {
    if (joinedInto && joins > 0) {
      diagnostics.push(diagnostic('info', 'parse/rejoined', `第 ${joinedInto.line} 行起的 ${joins + 1} 行像是被邮件或 PDF 复制折断的一段，已接成一段`,
        { start: { line: joinedInto.line, column: 1 }, end: { line: joinedInto.line, column: 2 } }));
    }
    joins = 0;
  };
  lines.forEach((l, k) => {
    const prev = out[out.length - 1];
    const prevSrc = lines[k - 1];
    const t = lineText(l);
    // `？　　（这是…）` is a stray mark before an indent (an encoding artefact), not a wrapped line.
    const startsBadly = NO_START.test(t) && !/^.[\s\u3000]/u.test(t) && !headingMarker(t);
    const continues = prev && prevSrc && !prev.table && !l.table && l.line === prevSrc.line + 1 && (startsBadly || full(prevSrc));
    if (continues) {
      if (joins === 0) {
        joinedInto = prev;
        out[out.length - 1] = open(prev);
      }
      append(out[out.length - 1]!, l);
      joins++;
      return;
    }
    flush();
    out.push(l);
  });
  flush();
  return out;
}
