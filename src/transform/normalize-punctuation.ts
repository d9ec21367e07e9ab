/**
 * ASCII punctuation in Chinese context becomes full-width (GB/T 15834): , : ; ? ! ( ) and a
 * sentence-final `.` after Han. Numbers (3.5, 1,000, 10:30), Latin text (Mr. Smith, f(x)) and
 * locked spans (URLs, e-mail, placeholders) keep their ASCII marks.
 */
import type { Change } from './change.ts';
import { isChineseCode, isDigitCode, isHanCode, isLatinCode, isSpaceCode } from './char-classes.ts';
import { charOf, codeAt, compact, NONE, roomFor, type LineCells } from './line-cells.ts';

/** ASCII marks and their full-width forms. */
const FULL: ReadonlyMap<number, number> = new Map([...',:;?!().'].map((c, k) => [c.codePointAt(0)!, '，：；？！（）。'.codePointAt(k)!]));

/** Closing marks (straight quotes included: they become curly later) and per cent signs after which a `.` may end a sentence. */
const CLOSERS = codes('”’）》】」%‰"\'');
/** Marks after which a short number opens an inline enumeration (存在问题：1.产业不强). */
const CLAUSE_MARKS = codes('：:；;，,、。（( \u3000');

const DOT = 0x2e;
const COMMA = 0x2c;
const OPEN = 0x28;
const CLOSE = 0x29;
const ELLIPSIS = 0x2026;
const IDEOGRAPHIC_SPACE = 0x3000;

/** The code points of `s`, as a set. */
function codes(s: string): ReadonlySet<number> {
  return new Set([...s].map((c) => c.codePointAt(0)!));
}

/**
 * Scratch arrays, grown as needed and reused from line to line (normalization is synchronous):
 * the code points as this call found them, for the `from` of each change, and which cells it converted.
 */
let original = new Int32Array(256);
let converted = new Uint8Array(256);
/** How many cells of the line are converted: a round that converts none ends the rounds. */
let convertedCount = 0;

/** Make cell `i` the full-width mark `to`, remembering that it was converted. */
function convertCell(cells: LineCells, i: number, to: number): void {
  cells.cp[i] = to;
  if (converted[i] === 0) {
    converted[i] = 1;
    convertedCount++;
  }
}

/** Apply the punctuation rules to unlocked cells, recording each change. */
export function normalizePunctuation(cells: LineCells, changes: Change[]): void {
  const n = cells.length;
  let hasHan = false;
  for (let i = 0; i < n && !hasHan; i++) hasHan = isHanCode(cells.cp[i]!);
  if (!hasHan) return;
  original = roomFor(original, n);
  original.set(cells.cp.subarray(0, n));
  converted = roomFor(converted, n);
  converted.fill(0, 0, n);
  convertedCount = 0;

  // Brackets by pair: a pair is Chinese when it encloses Han or touches Chinese text on either side.
  const lone: number[] = [];
  const pairs: number[] = [];
  pairBrackets(cells, lone, pairs);

  // Each conversion can make a neighbour's context Chinese, so repeat until nothing changes.
  for (let round = 0, before = -1; before !== convertedCount && round < 8; round++) {
    before = convertedCount;
    if (lone.length > 0) convertLone(cells, lone);
    if (pairs.length > 0) convertPairs(cells, pairs);
    convertMarks(cells);
  }

  const dots = dotsToEllipsis(cells);
  if (report(cells, changes) || dots) compact(cells);
}

/**
 * The unlocked ASCII brackets: `lone` gets those without a partner, `pairs` each pair as opener,
 * closer, and 1 when Han lies between them (conversions never make or unmake Han), else 0.
 */
function pairBrackets(cells: LineCells, lone: number[], pairs: number[]): void {
  const { cp, locked } = cells;
  const open: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (locked[i] === 1) continue;
    if (cp[i] === OPEN) open.push(i);
    else if (cp[i] === CLOSE) {
      const o = open.pop();
      if (o === undefined) lone.push(i);
      else pairs.push(o, i, hanBetween(cells, o, i) ? 1 : 0);
    }
  }
  for (const o of open) lone.push(o);
}

/** A bracket without a partner is Chinese next to Chinese text, and a `)` that ends the line. */
function convertLone(cells: LineCells, lone: number[]): void {
  for (const i of lone) {
    if (converted[i] === 1) continue;
    const next = nextNonSpace(cells, i);
    const c = cells.cp[i]!;
    if (isChineseCode(prevNonSpace(cells, i)) || isChineseCode(next) || (c === CLOSE && next === NONE)) convertCell(cells, i, FULL.get(c)!);
  }
}

/** A pair is Chinese when it encloses Han or touches Chinese text. */
function convertPairs(cells: LineCells, pairs: number[]): void {
  for (let k = 0; k < pairs.length; k += 3) {
    const o = pairs[k]!;
    const c = pairs[k + 1]!;
    if (converted[o] === 1) continue;
    // f(x)的值: brackets glued to a Latin word around Latin content belong to the Latin text.
    const latinCall = isAlnum(codeAt(cells, o - 1));
    if (pairs[k + 2] === 1 || isChineseCode(prevNonSpace(cells, o)) || (isChineseCode(nextNonSpace(cells, c)) && !latinCall)) {
      convertCell(cells, o, 0xff08);
      convertCell(cells, c, 0xff09);
    }
  }
}

/** , : ; ? ! outside Latin text, and a `.` that ends a Chinese sentence. */
function convertMarks(cells: LineCells): void {
  const { cp, locked } = cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cp[i]!;
    // Every mark is ASCII: one comparison passes over the Chinese text.
    if (c > 0x3f || locked[i] === 1 || converted[i] === 1) continue;
    if (c === COMMA || c === 0x3a || c === 0x3b || c === 0x3f || c === 0x21) {
      // 1,000 · 10:30 · Smith, Jr.: a mark between Latin letters or digits belongs to the Latin text.
      if (!(isAlnum(prevNonSpace(cells, i)) && isAlnum(nextNonSpace(cells, i)))) convertCell(cells, i, FULL.get(c)!);
    } else if (c === DOT && isSentenceEnd(cells, i)) convertCell(cells, i, 0x3002);
  }
}

/**
 * Record a change for each converted or dropped cell, and drop the typed spaces beside converted
 * marks (full-width marks carry their own spacing). Decided on the cells as they are here, so the
 * spaces are dropped (set to NONE) only once every space has been looked at. Whether any was.
 */
function report(cells: LineCells, changes: Change[]): boolean {
  const { cp, src, locked } = cells;
  const n = cells.length;
  const spaces: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = cp[i]!;
    if (c === NONE) {
      changes.push({ kind: 'punctuation', index: src[i]!, from: charOf(original[i]!), to: '' });
      continue;
    }
    if (converted[i] === 1) changes.push({ kind: 'punctuation', index: src[i]!, from: charOf(original[i]!), to: charOf(c) });
    if (locked[i] === 0 && isSpaceCode(c) && c !== IDEOGRAPHIC_SPACE && ((i > 0 && converted[i - 1] === 1) || (i + 1 < n && converted[i + 1] === 1) || nearConverted(cells, i))) {
      changes.push({ kind: 'space', index: src[i]!, from: charOf(c), to: '' });
      spaces.push(i);
    }
  }
  for (const i of spaces) cp[i] = NONE;
  return spaces.length > 0;
}

/** Whether a Han character lies strictly between cells `a` and `b`. */
function hanBetween(cells: LineCells, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (isHanCode(cells.cp[i]!)) return true;
  return false;
}

/** The nearest character before cell `i` that is not a space, or NONE. */
function prevNonSpace(cells: LineCells, i: number): number {
  for (let j = i - 1; j >= 0; j--) if (!isSpaceCode(cells.cp[j]!)) return cells.cp[j]!;
  return NONE;
}

/** The nearest character after cell `i` that is not a space, or NONE. */
function nextNonSpace(cells: LineCells, i: number): number {
  for (let j = i + 1; j < cells.length; j++) if (!isSpaceCode(cells.cp[j]!)) return cells.cp[j]!;
  return NONE;
}

/** Whether the run of spaces containing `i` touches a converted mark. */
function nearConverted(cells: LineCells, i: number): boolean {
  const convert = converted;
  const cp = cells.cp;
  let a = i;
  while (a > 0 && isSpaceCode(cp[a - 1]!)) a--;
  let b = i;
  while (b < cells.length - 1 && isSpaceCode(cp[b + 1]!)) b++;
  return (a > 0 && convert[a - 1] === 1) || (b + 1 < cells.length && convert[b + 1] === 1);
}

/** Whether the ASCII `.` at `i` ends a Chinese sentence. */
function isSentenceEnd(cells: LineCells, i: number): boolean {
  const cp = cells.cp;
  const p = codeAt(cells, i - 1);
  const n = codeAt(cells, i + 1);
  if (p === DOT || n === DOT) return false; // an ellipsis typed as dots: see dotsToEllipsis
  if (isDigitCode(p)) {
    // 投资100.下一步 ends a sentence; 1.加强… at the line start is a heading marker, 3.5 a number.
    let j = i - 1;
    while (j > 0 && isDigitCode(cp[j - 1]!)) j--;
    // 存在问题：1.产业不强；2.动力不足: a short number after a clause mark opens an inline enumeration.
    const before = j > 0 ? cp[j - 1]! : NONE;
    if (i - j <= 2 && isHanCode(n) && (before === NONE || CLAUSE_MARKS.has(before))) return false;
    // 附件：1.申报表2.工作方案 (lines run together): the next number of an enumeration already open in the line.
    if (i - j <= 2 && isHanCode(n) && (enumerates(cells, j, digitsValue(cells, j, i)) || (before === 0x4ef6 && codeAt(cells, j - 2) === 0x9644))) return false;
    return j > 0 && (n === NONE || isHanCode(n));
  }
  if (!(isHanCode(p) || CLOSERS.has(p))) return false;
  if (n === NONE || isChineseCode(n)) return true;
  if (!isSpaceCode(n)) return false;
  const after = nextNonSpace(cells, i);
  return after === NONE || isChineseCode(after);
}

/** The number written by the ASCII digits of cells [from, to). */
function digitsValue(cells: LineCells, from: number, to: number): number {
  let v = 0;
  for (let k = from; k < to; k++) v = 10 * v + (cells.cp[k]! - 0x30);
  return v;
}

/** Whether the line before `end` holds the enumerator `value - 1.` (a number that does not continue another). */
function enumerates(cells: LineCells, end: number, value: number): boolean {
  if (value < 2) return false;
  const want = String(value - 1);
  const cp = cells.cp;
  for (let k = 0; k + want.length < end; k++) {
    if (isDigitCode(codeAt(cells, k - 1))) continue;
    let same = true;
    for (let t = 0; t < want.length && same; t++) same = cp[k + t] === want.charCodeAt(t);
    const mark = cp[k + want.length]!;
    if (same && (mark === DOT || mark === 0xff0e) && !isDigitCode(codeAt(cells, k + want.length + 1))) return true;
  }
  return false;
}

/** A Latin letter or digit. */
function isAlnum(cp: number): boolean {
  return isLatinCode(cp) || isDigitCode(cp);
}

/**
 * A run of three or more ASCII dots in Chinese context becomes the ellipsis ……; the dots after the
 * first two are dropped (NONE). Whether any was dropped.
 */
function dotsToEllipsis(cells: LineCells): boolean {
  const { cp, locked } = cells;
  let dropped = false;
  for (let i = 0; i < cells.length; i++) {
    if (cp[i] !== DOT || locked[i] === 1) continue;
    let j = i;
    while (j < cells.length && cp[j] === DOT && locked[j] === 0) j++;
    if (j - i >= 3 && (isChineseCode(prevNonSpace(cells, i)) || isChineseCode(nextNonSpace(cells, j - 1)))) {
      convertCell(cells, i, ELLIPSIS);
      convertCell(cells, i + 1, ELLIPSIS);
      for (let k = i + 2; k < j; k++) cp[k] = NONE;
      dropped = true;
    }
    i = j;
  }
  return dropped;
}
