/**
 * Normalize one source line: trim, then fix punctuation width, quotes, full-width letters,
 * radicals, year ranges and the ―― 破折号. Every output character keeps the index of the source character it came from, so
 * positions in the model still point at the source.
 */
import type { Change } from './change.ts';
import { normalizeDashes } from './normalize-dash.ts';
import { isSpaceCode } from './char-classes.ts';
import { charOf, compact, createCells, keepRange, NONE, roomFor, textOf, type LineCells } from './line-cells.ts';
import { normalizePunctuation } from './normalize-punctuation.ts';
import { normalizeQuotes } from './normalize-quotes.ts';
import { normalizeRanges } from './normalize-range.ts';
import { normalizeWidth } from './normalize-width.ts';
import { protectedSpans } from './protected-spans.ts';

/** An ANSI escape sequence: CSI (ESC [ … final byte) or OSC (ESC ] … BEL/ST), or a two-character escape. */
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;

/** C0 and C1 control characters other than tab (a space to us). */
function isControl(cp: number): boolean {
  return cp <= 0x08 || (cp >= 0x0a && cp <= 0x1f) || (cp >= 0x7f && cp <= 0x9f);
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

/**
 * Scratch cells and per-line marks, grown as needed and reused from line to line: normalization is
 * synchronous and never re-entered, and the text and map it returns are fresh.
 */
let scratch: LineCells = createCells(256);
let lockedUnits = new Uint8Array(256);
let escaped = new Uint8Array(256);
let previous = new Int32Array(256);

/** Normalize `text` (one line, no line terminator). */
export function normalizeLine(text: string, options: NormalizeLineOptions): NormalizedLine {
  const units = text.length;
  if (scratch.cp.length < units) scratch = createCells(Math.max(units, 2 * scratch.cp.length));
  const cells = scratch;
  // Locked code units marked once, so each character is a lookup, not a pass over every span
  // (a line with 20,000 placeholders took minutes).
  lockedUnits = roomFor(lockedUnits, units);
  lockedUnits.fill(0, 0, units);
  lock(protectedSpans(text), units);
  if (options.protect !== undefined) lock(options.protect, units);
  let count = 0;
  const { cp, src, locked } = cells;
  for (let u = 0; u < units; count++) {
    let c = text.charCodeAt(u);
    locked[count] = lockedUnits[u]!;
    u++;
    if (c >= 0xd800 && c <= 0xdbff && u < units) {
      const d = text.charCodeAt(u);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        u++;
      }
    }
    cp[count] = c;
    src[count] = count;
  }
  cells.length = count;
  const changes: Change[] = [];
  // ANSI escape sequences (colour codes pasted from a terminal) go whole, not only their ESC.
  escaped = roomFor(escaped, count);
  escaped.fill(0, 0, count);
  if (text.includes('\u001b')) {
    let unit = 0;
    let cpIndex = 0;
    for (const m of text.matchAll(ANSI)) {
      cpIndex += codePoints(text, unit, m.index);
      unit = m.index;
      changes.push({ kind: 'control', index: cpIndex, from: m[0], to: '' });
      escaped.fill(1, cpIndex, Math.min(count, cpIndex + codePoints(m[0], 0, m[0].length)));
    }
  }
  // Control characters never print; they go whether or not normalization is on.
  let dropped = false;
  for (let i = 0; i < count; i++) {
    if (escaped[i] === 1) {
      cp[i] = NONE;
      dropped = true;
    } else if (isControl(cp[i]!)) {
      changes.push({ kind: 'control', index: src[i]!, from: charOf(cp[i]!), to: '' });
      cp[i] = NONE;
      dropped = true;
    }
  }
  if (dropped) compact(cells);
  let a = 0;
  while (a < cells.length && isSpaceCode(cells.cp[a]!)) a++;
  if (a > 0) changes.push({ kind: 'indent', index: cells.src[0]!, from: textOf(cells, 0, a), to: '' });
  let b = cells.length;
  while (b > a && isSpaceCode(cells.cp[b - 1]!)) b--;
  if (b < cells.length) changes.push({ kind: 'trailing-space', index: cells.src[b]!, from: textOf(cells, b), to: '' });
  keepRange(cells, a, b);
  if (options.enabled) {
    normalizeWidth(cells, changes);
    // A curly quote makes its neighbours Chinese context and a full-width mark makes a quote's:
    // repeat until stable so that normalizing twice changes nothing.
    for (let round = 0; round < 3; round++) {
      const n = cells.length;
      previous = roomFor(previous, n);
      previous.set(cells.cp.subarray(0, n));
      normalizePunctuation(cells, changes);
      if (options.script !== 'Hant') normalizeQuotes(cells, changes);
      if (unchanged(cells, previous, n)) break;
    }
    if (options.script !== 'Hant') {
      normalizeRanges(cells, changes);
      normalizeDashes(cells, changes);
    }
  } else {
    const dropped = changes.filter((c) => c.kind === 'control');
    changes.length = 0;
    for (const c of dropped) changes.push(c);
  }
  // Nothing dropped or replaced, only trimmed (the usual line): the text is the source's, less the
  // spaces around it (one code unit each), and need not be joined from the cells.
  let rewritten = false;
  for (const c of changes) if (c.kind !== 'indent' && c.kind !== 'trailing-space') rewritten = true;
  changes.sort((x, y) => x.index - y.index);
  const map: number[] = new Array<number>(cells.length);
  for (let i = 0; i < cells.length; i++) map[i] = src[i]!;
  return { text: rewritten ? textOf(cells) : text.slice(a, units - (count - b)), map, changes };
}

/** Mark the code units of `spans` (clipped to the line's `units`) locked. */
function lock(spans: ReadonlyArray<readonly [number, number]>, units: number): void {
  // By index: iterating with destructuring met arrays of several shapes and threw the optimized
  // normalizer away each time it met a new one.
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    lockedUnits.fill(1, Math.max(0, span[0]), Math.min(span[1], units));
  }
}

/** Code points in `text` between code units `from` and `to` (a lone surrogate counts as one). */
function codePoints(text: string, from: number, to: number): number {
  let n = 0;
  for (let u = from; u < to; n++) u += text.codePointAt(u)! > 0xffff ? 2 : 1;
  return n;
}

/** Whether the cells hold the `n` code points of `before`, unchanged. */
function unchanged(cells: LineCells, before: Int32Array, n: number): boolean {
  if (cells.length !== n) return false;
  for (let i = 0; i < n; i++) if (cells.cp[i] !== before[i]) return false;
  return true;
}
