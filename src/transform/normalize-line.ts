/**
 * Normalize one source line: trim, then fix punctuation width, quotes, full-width letters,
 * radicals, year ranges and the ―― 破折号. Every output character keeps the index of the source character it came from, so
 * positions in the model still point at the source.
 */
import type { Change } from './change.ts';
import { normalizeDashes } from './normalize-dash.ts';
import { isSpace } from './char-classes.ts';
import { normalizePunctuation } from './normalize-punctuation.ts';
import { normalizeQuotes } from './normalize-quotes.ts';
import { normalizeRanges } from './normalize-range.ts';
import { normalizeWidth } from './normalize-width.ts';
import { protectedSpans } from './protected-spans.ts';

/** C0 and C1 control characters other than tab (a space to us). */
const CONTROL = /^[\u0000-\u0008\u000a-\u001f\u007f-\u009f]$/;

/** An ANSI escape sequence: CSI (ESC [ … final byte) or OSC (ESC ] … BEL/ST), or a two-character escape. */
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;

/** A character of the line being normalized and where it came from. */
export interface Cell {
  /** One code point. */
  ch: string;
  /** 0-based code-point index in the source line. */
  src: number;
  /** Whether normalizers must leave it alone (URL, e-mail, placeholder). */
  locked: boolean;
}

/** The normalized line. */
export interface NormalizedLine {
  /** The text after normalization. */
  text: string;
  /** For each code point of `text`, its 0-based code-point index in the source line. */
  map: number[];
  /** What changed, in source order. */
  changes: Change[];
}

/** Options for `normalizeLine`. */
export interface NormalizeLineOptions {
  /** Apply the punctuation/width/radical fixes (trimming and dropping control characters always happen). */
  enabled: boolean;
  /** Extra code-unit ranges [start, end) to leave alone, e.g. placeholders. */
  protect?: Array<[number, number]>;
  /** Script of the document (transform/script.ts): Traditional text skips the GB-only fixes (curly quotes, year ranges). */
  script?: 'Hans' | 'Hant';
}

/** Normalize `text` (one line, no line terminator). */
export function normalizeLine(text: string, options: NormalizeLineOptions): NormalizedLine {
  // Locked code units marked once, so each character is a lookup, not a pass over every span
  // (a line with 20,000 placeholders took minutes).
  const locked = new Uint8Array(text.length);
  for (const [s, e] of [...protectedSpans(text), ...(options.protect ?? [])]) locked.fill(1, Math.max(0, s), Math.min(e, text.length));
  const cells: Cell[] = [];
  let unit = 0;
  for (const ch of text) {
    cells.push({ ch, src: cells.length, locked: locked[unit] === 1 });
    unit += ch.length;
  }
  const changes: Change[] = [];
  // ANSI escape sequences (colour codes pasted from a terminal) go whole, not only their ESC.
  const inEscape = new Set<number>();
  for (const m of text.matchAll(ANSI)) {
    const from = [...text.slice(0, m.index)].length;
    changes.push({ kind: 'control', index: from, from: m[0], to: '' });
    for (let k = from; k < from + [...m[0]].length; k++) inEscape.add(k);
  }
  // Control characters never print; they go whether or not normalization is on.
  const kept = cells.filter((c) => {
    if (inEscape.has(c.src)) return false;
    if (!CONTROL.test(c.ch)) return true;
    changes.push({ kind: 'control', index: c.src, from: c.ch, to: '' });
    return false;
  });
  cells.length = 0;
  // One push per cell: spreading a 100,000-character line overflows the call stack.
  for (const c of kept) cells.push(c);
  let a = 0;
  while (a < cells.length && isSpace(cells[a]!.ch)) a++;
  if (a > 0) changes.push({ kind: 'indent', index: cells[0]!.src, from: cells.slice(0, a).map((c) => c.ch).join(''), to: '' });
  let b = cells.length;
  while (b > a && isSpace(cells[b - 1]!.ch)) b--;
  if (b < cells.length) changes.push({ kind: 'trailing-space', index: cells[b]!.src, from: cells.slice(b).map((c) => c.ch).join(''), to: '' });
  let body = cells.slice(a, b);
  if (options.enabled) {
    body = normalizeWidth(body, changes);
    // A curly quote makes its neighbours Chinese context and a full-width mark makes a quote's:
    // repeat until stable so that normalizing twice changes nothing.
    for (let round = 0; round < 3; round++) {
      const before = body.map((c) => c.ch).join('');
      const punct = normalizePunctuation(body, changes);
      body = options.script === 'Hant' ? punct : normalizeQuotes(punct, changes);
      if (body.map((c) => c.ch).join('') === before) break;
    }
    if (options.script !== 'Hant') body = normalizeDashes(normalizeRanges(body, changes), changes);
  } else {
    const dropped = changes.filter((c) => c.kind === 'control');
    changes.length = 0;
    for (const c of dropped) changes.push(c);
  }
  changes.sort((x, y) => x.index - y.index);
  return { text: body.map((c) => c.ch).join(''), map: body.map((c) => c.src), changes };
}
