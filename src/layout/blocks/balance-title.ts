/**
 * Balanced breaks for a title longer than one line: keep words whole (Intl.Segmenter), lines of
 * similar length in a trapezoid (梯形, the longer line below) or diamond, never a lone 讲话 or
 * other short tail on the last line, never inside 《》“”（） or a number.
 * Reference: GB/T 9704-2012 7.3.1 (梯形或菱形); typesetting.md §1.3.
 */
import type { LineMetrics, LineRange } from '../text/break-lines.ts';
import { FIT_EPS } from '../text/break-lines.ts';
import { clusterText } from '../text/cluster.ts';

/** Cost of breaking inside a word (in squared cells of imbalance). */
const MID_WORD = 4;
/** Cost of breaking inside brackets or quotes: only when no other break fits. */
const INSIDE_BRACKETS = 1000;
/** Cost of a short or 文种-only last line (讲话, 的讲话…). */
const BAD_TAIL = 30;
/** Last lines this short (in cells) count as a bad tail. */
const SHORT_TAIL_CELLS = 3;
/** Bonus for breaking after a function word or before 在/关于 (natural phrase edges in titles). */
const PHRASE_EDGE = -1;
/** Bonus for breaking after a space the writer put between a title's phrases (坚定信心　真抓实干). */
const AFTER_SPACE = -12;
/** Cost of an upper line longer than the one below (prefer the 正梯形 shape). */
const TOP_HEAVY = 0.5;
/** Cost of each line beyond the fewest possible (more lines only to avoid a bad break). */
const EXTRA_LINE = 10;

const TAILS = new Set(['讲话', '的讲话', '发言', '的发言', '致辞', '的致辞', '报告', '的报告', '讲话稿']);
const AFTER = new Set(['的', '在', '上', '会', '和', '与', '及', '暨', '于', '中']);
const BEFORE = new Set(['在', '关', '暨']);
const OPEN = new Set(['《', '“', '（', '〈', '「', '‘']);
const CLOSE = new Set(['》', '”', '）', '〉', '」', '’']);

// Building a segmenter loads ICU's dictionary: once per process.
let segmenter: Intl.Segmenter | undefined;

function breakCosts(m: LineMetrics): number[] {
  const c = m.clusters;
  const texts = c.map(clusterText);
  const joined = texts.join('');
  const wordEdges = new Set<number>();
  for (const s of (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })).segment(joined)) wordEdges.add(s.index);
  const cost: number[] = [Infinity];
  let offset = 0;
  let depth = 0;
  for (let b = 1; b < c.length; b++) {
    const prev = texts[b - 1]!;
    offset += prev.length;
    if (OPEN.has(prev)) depth++;
    if (CLOSE.has(prev)) depth = Math.max(0, depth - 1);
    if (!m.legal(b)) {
      cost.push(Infinity);
      continue;
    }
    let k = depth > 0 ? INSIDE_BRACKETS : 0;
    if (!wordEdges.has(offset)) k += MID_WORD;
    if (AFTER.has(prev) || BEFORE.has(texts[b]!)) k += PHRASE_EDGE;
    if (prev === '\u3000' || prev === ' ') k += AFTER_SPACE;
    cost.push(k);
  }
  return cost;
}

/** Break a title into `count` or more balanced lines of at most `widthPt`. */
export function balanceTitle(m: LineMetrics, widthPt: number): LineRange[] {
  const n = m.clusters.length;
  const total = m.natural(0, n);
  if (total <= widthPt + FIT_EPS || n < 2) return [{ start: 0, end: n }];
  const cell = m.clusters[0]!.cellPt;
  const cost = breakCosts(m);
  const tailCost = (a: number): number => {
    const t = m.clusters.slice(a).map(clusterText).join('');
    return TAILS.has(t) || m.natural(a, n) <= SHORT_TAIL_CELLS * cell + FIT_EPS ? BAD_TAIL : 0;
  };
  const minLines = Math.ceil(total / widthPt);
  let chosen: { cost: number; ranges: LineRange[] } | undefined;
  for (let lines = minLines; lines <= Math.min(n, minLines + 2); lines++) {
    const mean = total / lines;
    // best[k][b]: cheapest way to set clusters [0, b) as k lines; from[k][b]: start of line k.
    const best = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(Infinity));
    const from = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(-1));
    best[0]![0] = 0;
    for (let k = 1; k <= lines; k++) {
      for (let b = 1; b <= n; b++) {
        const end = b === n ? 0 : cost[b]!;
        if (end === Infinity || (k === lines) !== (b === n)) continue;
        for (let a = b - 1; a >= k - 1; a--) {
          const w = m.natural(a, b);
          if (w > widthPt + FIT_EPS) break;
          const prev = best[k - 1]![a]!;
          if (prev === Infinity) continue;
          let v = prev + end + ((w - mean) / cell) ** 2;
          if (k > 1 && m.natural(from[k - 1]![a]!, a) > w + cell / 2) v += TOP_HEAVY;
          if (b === n) v += tailCost(a);
          if (v < best[k]![b]!) {
            best[k]![b] = v;
            from[k]![b] = a;
          }
        }
      }
    }
    const score = best[lines]![n]! + EXTRA_LINE * (lines - minLines);
    if (score === Infinity || (chosen && chosen.cost <= score)) continue;
    const ranges: LineRange[] = [];
    let b = n;
    for (let k = lines; k >= 1; k--) {
      const a = from[k]![b]!;
      ranges.unshift({ start: a, end: b });
      b = a;
    }
    chosen = { cost: score, ranges };
  }
  return chosen?.ranges ?? [{ start: 0, end: n }];
}
