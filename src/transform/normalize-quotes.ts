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
import { isChinese, isHan, isLatin } from './char-classes.ts';
import type { Cell } from './normalize-line.ts';

/** The marks of one quote kind: curly opener and closer, and the straight forms writers type for both. */
interface QuoteKind {
  /** Curly opening quote. */
  open: string;
  /** Curly closing quote. */
  close: string;
  /** Straight forms (ASCII and full-width). */
  straight: ReadonlySet<string>;
}

const DOUBLE: QuoteKind = { open: '“', close: '”', straight: new Set(['"', '＂']) };
const SINGLE: QuoteKind = { open: '‘', close: '’', straight: new Set(["'", '＇']) };

/** Whether `ch` is any mark of `kind`. */
function isMark(kind: QuoteKind, ch: string): boolean {
  return ch === kind.open || ch === kind.close || kind.straight.has(ch);
}

/** Index of the next mark of `kind` after `i` (an apostrophe inside a Latin word is no mark), or -1. */
function nextMark(cells: Cell[], kind: QuoteKind, i: number): number {
  for (let j = i + 1; j < cells.length; j++) if (isMark(kind, cells[j]!.ch) && !isApostrophe(cells, j)) return j;
  return -1;
}

/** A straight single quote between two Latin letters: Xi'an, don't. */
function isApostrophe(cells: Cell[], i: number): boolean {
  return SINGLE.straight.has(cells[i]!.ch) && isLatin(cells[i - 1]?.ch) && isLatin(cells[i + 1]?.ch);
}

/** Replace straight and mistyped quotes in unlocked cells, recording each change. */
export function normalizeQuotes(input: Cell[], changes: Change[]): Cell[] {
  if (!input.some((c) => isHan(c.ch))) return input;
  const cells = input.map((c) => ({ ...c }));
  const open = new Map<QuoteKind, boolean>([[DOUBLE, false], [SINGLE, false]]);
  // Whether the open double quotation was opened by a curly “ the writer typed (only such a one holds a straight inner pair).
  let curlyOpen = false;
  // Straight quotes already decided as the inner pair of a quotation: index → the mark it becomes.
  const inner = new Map<number, string>();
  const set = (i: number, to: string): void => {
    const c = cells[i]!;
    if (c.locked || c.ch === to) return;
    changes.push({ kind: 'quote', index: c.src, from: c.ch, to });
    c.ch = to;
  };
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const kind = isMark(DOUBLE, c.ch) ? DOUBLE : isMark(SINGLE, c.ch) ? SINGLE : undefined;
    if (!kind) continue;
    const other = kind === DOUBLE ? SINGLE : DOUBLE;
    const decided = inner.get(i);
    if (decided !== undefined) {
      set(i, decided);
      continue;
    }
    const n = nextMark(cells, kind, i);
    if (c.ch === kind.open) {
      // “十四五“规划: a second opener with nothing after it to close it is the closer.
      if (open.get(kind) && !c.locked && (n < 0 || cells[n]!.ch === kind.open)) {
        set(i, kind.close);
        open.set(kind, false);
      } else {
        open.set(kind, true);
        if (kind === DOUBLE) curlyOpen = true;
      }
    } else if (c.ch === kind.close) {
      // ”十四五”: a closer with none open, closed again later, is the opener.
      if (!open.get(kind) && !c.locked && n >= 0 && cells[n]!.ch === kind.close) {
        set(i, kind.open);
        open.set(kind, true);
      } else open.set(kind, false);
    } else {
      if (c.locked || isApostrophe(cells, i)) continue;
      if (open.get(kind)) {
        const after = n >= 0 ? nextMark(cells, kind, n) : -1;
        if (kind === DOUBLE && curlyOpen && n >= 0 && DOUBLE.straight.has(cells[n]!.ch) && after >= 0 && cells[after]!.ch === DOUBLE.close) {
          // “要"撸起袖子"干”: the straight pair is the quotation's inner pair.
          set(i, SINGLE.open);
          inner.set(n, SINGLE.close);
          continue;
        }
        set(i, kind.close);
        open.set(kind, false);
      } else if (n < 0 && open.get(other) && nextMark(cells, other, i) < 0) {
        // ‘很好": nothing after it to close, and the other kind is left open: it closes that one.
        set(i, other.close);
        open.set(other, false);
      } else {
        // A single quote opens only in Chinese context (a Latin 'quote' stays straight).
        if (kind === SINGLE && !isChinese(cells[i - 1]?.ch) && !isChinese(cells[i + 1]?.ch)) continue;
        set(i, kind.open);
        open.set(kind, true);
        if (kind === DOUBLE) curlyOpen = false;
      }
    }
  }
  return cells;
}
