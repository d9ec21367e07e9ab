/**
 * ASCII punctuation in Chinese context becomes full-width (GB/T 15834): , : ; ? ! ( ) and a
 * sentence-final `.` after Han. Numbers (3.5, 1,000, 10:30), Latin text (Mr. Smith, f(x)) and
 * locked spans (URLs, e-mail, placeholders) keep their ASCII marks.
 */
import type { Change } from './change.ts';
import { isChinese, isDigit, isHan, isLatin, isSpace } from './char-classes.ts';
import type { Cell } from './normalize-line.ts';

/** ASCII marks and their full-width forms. */
const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };

/** Closing marks (straight quotes included: they become curly later) and per cent signs after which a `.` may end a sentence. */
const CLOSERS = new Set(['”', '’', '）', '》', '】', '」', '%', '‰', '"', "'"]);

/** Apply the punctuation rules to unlocked cells, recording each change. */
export function normalizePunctuation(input: Cell[], changes: Change[]): Cell[] {
  const cells = input.map((c) => ({ ...c }));
  const hasHan = cells.some((c) => isHan(c.ch));
  if (!hasHan) return cells;
  const prev = (i: number): string | undefined => {
    for (let j = i - 1; j >= 0; j--) if (!isSpace(cells[j]!.ch)) return cells[j]!.ch;
    return undefined;
  };
  const next = (i: number): string | undefined => {
    for (let j = i + 1; j < cells.length; j++) if (!isSpace(cells[j]!.ch)) return cells[j]!.ch;
    return undefined;
  };
  const convert = new Set<number>();

  // Brackets by pair: a pair is Chinese when it encloses Han or touches Chinese text on either side.
  const open: number[] = [];
  const pairs: Array<[number, number]> = [];
  const lone: number[] = [];
  cells.forEach((c, i) => {
    if (c.locked) return;
    if (c.ch === '(') open.push(i);
    else if (c.ch === ')') {
      const o = open.pop();
      if (o === undefined) lone.push(i);
      else pairs.push([o, i]);
    }
  });
  for (const o of open) lone.push(o);
  const set = (i: number, to: string): void => {
    cells[i]!.ch = to;
    convert.add(i);
  };

  // Each conversion can make a neighbour's context Chinese, so repeat until nothing changes.
  for (let round = 0, before = -1; before !== convert.size && round < 8; round++) {
    before = convert.size;
    for (const i of lone) {
      if (convert.has(i)) continue;
      if (isChinese(prev(i)) || isChinese(next(i)) || (cells[i]!.ch === ')' && next(i) === undefined)) set(i, FULL[cells[i]!.ch]!);
    }
    for (const [o, c] of pairs) {
      if (convert.has(o)) continue;
      const inner = cells.slice(o + 1, c).some((x) => isHan(x.ch));
      // f(x)的值: brackets glued to a Latin word around Latin content belong to the Latin text.
      const latinCall = isAlnum(cells[o - 1]?.ch);
      if (inner || isChinese(prev(o)) || (isChinese(next(c)) && !latinCall)) {
        set(o, '（');
        set(c, '）');
      }
    }
    cells.forEach((c, i) => {
      if (c.locked || convert.has(i)) return;
      if (',:;?!'.includes(c.ch)) {
        // 1,000 · 10:30 · Smith, Jr.: a mark between Latin letters or digits belongs to the Latin text.
        if (!(isAlnum(prev(i)) && isAlnum(next(i)))) set(i, FULL[c.ch]!);
      } else if (c.ch === '.' && isSentenceEnd(cells, i, next)) set(i, '。');
    });
  }

  dotsToEllipsis(cells, convert, prev, next);
  const out: Cell[] = [];
  cells.forEach((c, i) => {
    if (c.ch === '') {
      changes.push({ kind: 'punctuation', index: c.src, from: input[i]!.ch, to: '' });
      return;
    }
    if (convert.has(i)) changes.push({ kind: 'punctuation', index: c.src, from: input[i]!.ch, to: c.ch });
    // Full-width marks carry their own spacing: a typed space beside one is dropped.
    if (!c.locked && isSpace(c.ch) && c.ch !== '\u3000' && (convert.has(i - 1) || convert.has(i + 1) || nearConverted(cells, convert, i))) {
      changes.push({ kind: 'space', index: c.src, from: c.ch, to: '' });
      return;
    }
    out.push(c);
  });
  return out;
}

/** Whether the run of spaces containing `i` touches a converted mark. */
function nearConverted(cells: Cell[], convert: Set<number>, i: number): boolean {
  let a = i;
  while (a > 0 && isSpace(cells[a - 1]!.ch)) a--;
  let b = i;
  while (b < cells.length - 1 && isSpace(cells[b + 1]!.ch)) b++;
  return convert.has(a - 1) || convert.has(b + 1);
}

/** Whether the ASCII `.` at `i` ends a Chinese sentence. */
function isSentenceEnd(cells: Cell[], i: number, next: (i: number) => string | undefined): boolean {
  const p = cells[i - 1]?.ch;
  const n = cells[i + 1]?.ch;
  if (p === '.' || n === '.') return false; // an ellipsis typed as dots: see dotsToEllipsis
  if (isDigit(p)) {
    // 投资100.下一步 ends a sentence; 1.加强… at the line start is a heading marker, 3.5 a number.
    let j = i - 1;
    while (j > 0 && isDigit(cells[j - 1]!.ch)) j--;
    // 存在问题：1.产业不强；2.动力不足: a short number after a clause mark opens an inline enumeration.
    const before = j > 0 ? cells[j - 1]!.ch : undefined;
    if (i - j <= 2 && n !== undefined && isHan(n) && (before === undefined || '：:；;，,、。（( \u3000'.includes(before))) return false;
    // 附件：1.申报表2.工作方案 (lines run together): the next number of an enumeration already open in the line.
    if (i - j <= 2 && n !== undefined && isHan(n) && (enumerates(cells, j, Number(cells.slice(j, i).map((c) => c.ch).join(''))) || (before === '件' && cells[j - 2]?.ch === '附'))) return false;
    return j > 0 && (n === undefined || isHan(n));
  }
  if (!(isHan(p) || (p !== undefined && CLOSERS.has(p)))) return false;
  return n === undefined || isChinese(n) || (isSpace(n) && (next(i) === undefined || isChinese(next(i))));
}

/** Whether the line before `end` holds the enumerator `value - 1.` (a number that does not continue another). */
function enumerates(cells: Cell[], end: number, value: number): boolean {
  if (value < 2) return false;
  const want = String(value - 1);
  for (let k = 0; k + want.length < end; k++) {
    if (isDigit(cells[k - 1]?.ch)) continue;
    const digits = cells.slice(k, k + want.length).map((c) => c.ch).join('');
    const mark = cells[k + want.length]!.ch;
    if (digits === want && (mark === '.' || mark === '．') && !isDigit(cells[k + want.length + 1]?.ch)) return true;
  }
  return false;
}

/** A Latin letter or digit. */
function isAlnum(ch: string | undefined): boolean {
  return isLatin(ch) || isDigit(ch);
}

/** A run of three or more ASCII dots in Chinese context becomes the ellipsis ……; dropped dots get ch ''. */
function dotsToEllipsis(
  cells: Cell[],
  convert: Set<number>,
  prev: (i: number) => string | undefined,
  next: (i: number) => string | undefined,
): void {
  for (let i = 0; i < cells.length; i++) {
    if (cells[i]!.ch !== '.' || cells[i]!.locked) continue;
    let j = i;
    while (j < cells.length && cells[j]!.ch === '.' && !cells[j]!.locked) j++;
    if (j - i >= 3 && (isChinese(prev(i)) || isChinese(next(j - 1)))) {
      cells[i]!.ch = '…';
      cells[i + 1]!.ch = '…';
      convert.add(i).add(i + 1);
      for (let k = i + 2; k < j; k++) cells[k]!.ch = '';
    }
    i = j;
  }
}
