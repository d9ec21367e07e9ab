/**
 * Build small speech models line by line with exact source positions, so a test can say
 * "the finding is at 5:3". `{XX}` in a line becomes a placeholder node.
 */
import { heading, lead, paragraph, placeholder, speech, text } from '../../src/model/build.ts';
import type { Block, Inline, Position, Speech } from '../../src/model/types.ts';

const cp = (s: string) => [...s].length;

/** A single-line span: `line`, from `column` for `length` code points. */
export function span(line: number, column: number, length: number): Position {
  return { start: { line, column }, end: { line, column: column + length } };
}

/** Inline nodes of `s` starting at `column` of `line`, with `{…}` marking placeholders. */
export function inlines(s: string, line: number, column = 1): Inline[] {
  const out: Inline[] = [];
  let col = column;
  for (const part of s.split(/(\{[^}]*\})/)) {
    if (part === '') continue;
    const isBlank = part.startsWith('{') && part.endsWith('}');
    const value = isBlank ? part.slice(1, -1) : part;
    out.push(isBlank ? placeholder(value, span(line, col, cp(value))) : text(value, span(line, col, cp(value))));
    col += cp(value);
  }
  return out;
}

const plain = (s: string) => s.replace(/[{}]/g, '');

/** A paragraph on `line`; a leading 一是…。 becomes a point lead, a leading （一）…。 a heading lead. */
export function para(line: number, s: string): Block {
  const m = /^(([一二三四五六七八九十]+是|（[一二三四五六七八九十]+）)[^。]*。)(.*)$/.exec(s);
  if (!m) return paragraph(inlines(s, line), span(line, 1, cp(plain(s))));
  const [, sentence, marker, rest] = m as unknown as [string, string, string, string];
  const kind = marker.endsWith('是') ? 'point' : 'heading';
  const l = lead(kind, marker, inlines(sentence, line), kind === 'heading' ? 2 : undefined, span(line, 1, cp(plain(sentence))));
  return paragraph([l, ...inlines(rest, line, 1 + cp(plain(sentence)))], span(line, 1, cp(plain(s))));
}

/** A heading on `line`: `一、…` (1), `（一）…` (2), `1.…` (3), `（1）…` (4). */
export function head(line: number, s: string): Block {
  const m = /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.．]|（\d+）)(.*)$/.exec(s);
  if (!m) throw new Error(`[test] not a heading: ${s}`);
  const [, marker, rest] = m as unknown as [string, string, string];
  const depth = /^（\d/.test(marker) ? 4 : /^\d/.test(marker) ? 3 : marker.startsWith('（') ? 2 : 1;
  return heading(depth, marker, inlines(rest, line, 1 + cp(marker)), span(line, 1, cp(plain(s))));
}

/**
 * A speech from lines: line 1 is the title, then each line is a heading when it starts with a marker
 * and a paragraph otherwise.
 */
export function fromLines(lines: string[]): Speech {
  const [title = '', ...body] = lines;
  const blocks = body.map((s, i) => (/^(（[一二三四五六七八九十\d]+）[^。]*$|[一二三四五六七八九十]+、|\d+[.．])/.test(s) ? head(i + 2, s) : para(i + 2, s)));
  return speech({ title, positions: { title: span(1, 1, cp(title)) } }, blocks);
}
