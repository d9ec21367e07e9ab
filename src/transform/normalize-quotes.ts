/**
 * Straight quotes in Chinese text become curly ones, paired with the curly quotes already in the
 * line, so the output never shows `““` or `“…“` where the writer meant a pair:
 * - a straight `"` (or full-width `＂`) after an open “ closes it (`“十四五"` → `“十四五”`), unless a
 *   pair of straight quotes stands inside a quotation opened by a curly “ and closed by a curly ”
 *   later: then they are the inner quotes (`“要"撸起袖子"干”` → `“要‘撸起袖子’干”`, GB/T 15834 4.1.3.3);
 * - with no “ open it opens one;
 * - a second “ while one is open, with no ” after it to close it, was typed for the closer
 *   (`“十四五“规划` → `“十四五”规划`); a ” with none open that another ” follows was typed for the
 *   opener. The same holds for single quotes ‘’ (`'`, `＇`).
 * 『』 and 「」 are outer marks of their own and leave the “” and ‘’ pairing alone (`『这是“好事"』`).
 * Single straight quotes open only where a neighbour is Chinese, so apostrophes in Latin words
 * (Xi'an, don't) stay.
 */
import type { Change } from './change.ts';
import { isChineseCode, isHanCode, isLatinCode } from './char-classes.ts';
import { charOf, codeAt, type LineCells } from './line-cells.ts';

/** The marks of one quote kind: curly opener and closer, and the straight forms writers type for both. */
interface QuoteKind {
  /** 0 for double quotes, 1 for single: the index of the kind's open/closed state. */
  id: 0 | 1;
  /** Curly opening quote. */
  open: number;
  /** Curly closing quote. */
  close: number;
  /** Straight form typed in ASCII. */
  ascii: number;
  /** Straight form typed full-width. */
  wide: number;
}

const DOUBLE: QuoteKind = { id: 0, open: 0x201c, close: 0x201d, ascii: 0x22, wide: 0xff02 };
const SINGLE: QuoteKind = { id: 1, open: 0x2018, close: 0x2019, ascii: 0x27, wide: 0xff07 };

/** Whether `cp` is a straight form of `kind`. */
function isStraight(kind: QuoteKind, cp: number): boolean {
  return cp === kind.ascii || cp === kind.wide;
}

/** Whether `cp` is any mark of `kind`. */
function isMark(kind: QuoteKind, cp: number): boolean {
  return cp === kind.open || cp === kind.close || isStraight(kind, cp);
}

/** Index of the next mark of `kind` after `i` (an apostrophe inside a Latin word is no mark), or -1. */
function nextMark(cells: LineCells, kind: QuoteKind, i: number): number {
  for (let j = i + 1; j < cells.length; j++) if (isMark(kind, cells.cp[j]!) && !isApostrophe(cells, j)) return j;
  return -1;
}

/** A straight single quote between two Latin letters: Xi'an, don't. */
function isApostrophe(cells: LineCells, i: number): boolean {
  return isStraight(SINGLE, cells.cp[i]!) && isLatinCode(codeAt(cells, i - 1)) && isLatinCode(codeAt(cells, i + 1));
}

/** Make cell `i` the mark `to` unless it is locked or already that, recording the change. */
function set(cells: LineCells, changes: Change[], i: number, to: number): void {
  const c = cells.cp[i]!;
  if (cells.locked[i] === 1 || c === to) return;
  changes.push({ kind: 'quote', index: cells.src[i]!, from: charOf(c), to: charOf(to) });
  cells.cp[i] = to;
}

/** Replace straight and mistyped quotes in unlocked cells, recording each change. */
export function normalizeQuotes(cells: LineCells, changes: Change[]): void {
  const cp = cells.cp;
  let han = false;
  for (let i = 0; i < cells.length && !han; i++) han = isHanCode(cp[i]!);
  if (!han) return;
  // Whether a quotation of each kind (by id) is open.
  const open = [false, false];
  // Whether the open double quotation was opened by a curly “ the writer typed (only such a one holds a straight inner pair).
  let curlyOpen = false;
  // Straight quotes already decided as the inner pair of a quotation: index → the mark it becomes.
  const inner = new Map<number, number>();
  for (let i = 0; i < cells.length; i++) {
    const c = cp[i]!;
    const kind = isMark(DOUBLE, c) ? DOUBLE : isMark(SINGLE, c) ? SINGLE : undefined;
    if (!kind) continue;
    const other = kind === DOUBLE ? SINGLE : DOUBLE;
    const decided = inner.get(i);
    if (decided !== undefined) {
      set(cells, changes, i, decided);
      continue;
    }
    const locked = cells.locked[i] === 1;
    const n = nextMark(cells, kind, i);
    if (c === kind.open) {
      // “十四五“规划: a second opener with nothing after it to close it is the closer.
      if (open[kind.id] && !locked && (n < 0 || cp[n] === kind.open)) {
        set(cells, changes, i, kind.close);
        open[kind.id] = false;
      } else {
        open[kind.id] = true;
        if (kind === DOUBLE) curlyOpen = true;
      }
    } else if (c === kind.close) {
      // ”十四五”: a closer with none open, closed again later, is the opener.
      if (!open[kind.id] && !locked && n >= 0 && cp[n] === kind.close) {
        set(cells, changes, i, kind.open);
        open[kind.id] = true;
      } else open[kind.id] = false;
    } else {
      if (locked || isApostrophe(cells, i)) continue;
      if (open[kind.id]) {
        const after = n >= 0 ? nextMark(cells, kind, n) : -1;
        if (kind === DOUBLE && curlyOpen && n >= 0 && isStraight(DOUBLE, cp[n]!) && after >= 0 && cp[after] === DOUBLE.close) {
          // “要"撸起袖子"干”: the straight pair is the quotation's inner pair.
          set(cells, changes, i, SINGLE.open);
          inner.set(n, SINGLE.close);
          continue;
        }
        set(cells, changes, i, kind.close);
        open[kind.id] = false;
      } else if (n < 0 && open[other.id] && nextMark(cells, other, i) < 0) {
        // ‘很好": nothing after it to close, and the other kind is left open: it closes that one.
        set(cells, changes, i, other.close);
        open[other.id] = false;
      } else {
        // A single quote opens only in Chinese context (a Latin 'quote' stays straight).
        if (kind === SINGLE && !isChineseCode(codeAt(cells, i - 1)) && !isChineseCode(codeAt(cells, i + 1))) continue;
        set(cells, changes, i, kind.open);
        open[kind.id] = true;
        if (kind === DOUBLE) curlyOpen = false;
      }
    }
  }
}
