/**
 * Normalize one source line: trim, then fix punctuation width, quotes, full-width letters and
 * radicals. Every output character keeps the index of the source character it came from, so
 * positions in the model still point at the source.
 */
import type { Change } from './change.ts';
import { isSpace } from './char-classes.ts';
import { normalizePunctuation } from './normalize-punctuation.ts';
import { normalizeQuotes } from './normalize-quotes.ts';
import { normalizeWidth } from './normalize-width.ts';
import { protectedSpans } from './protected-spans.ts';

/** C0 and C1 control characters other than tab (a space to us). */
const CONTROL = /^[\u0000-\u0008\u000a-\u001f\u007f-\u009f]$/;

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
  // Control characters never print; they go whether or not normalization is on.
  const kept = cells.filter((c) => {
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
      body = normalizeQuotes(normalizePunctuation(body, changes), changes);
      if (body.map((c) => c.ch).join('') === before) break;
    }
  } else {
    const dropped = changes.filter((c) => c.kind === 'control');
    changes.length = 0;
    for (const c of dropped) changes.push(c);
  }
  changes.sort((x, y) => x.index - y.index);
  return { text: body.map((c) => c.ch).join(''), map: body.map((c) => c.src), changes };
}
