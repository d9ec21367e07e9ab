/**
 * Line breaking on the character grid: greedy fill, then 避头尾 resolved while choosing the break —
 * push-out first when carrying characters down keeps the stretched line within `STRETCH_LIMIT`
 * (a squeezed mark inside a line shows; a few hundredths of a cell between characters do not),
 * push-in otherwise (squeeze the line's punctuation so the offending mark fits), and push-out
 * beyond the limit only when neither works. A paragraph that
 * would end with a lone character (孤字) takes it onto the line above or pulls one more down.
 * Widths come from prefix sums, so breaking is linear in the number of clusters.
 * Reference: clreq "Prohibition Rules for Line Start and Line End" (先挤进，后推出), "Handling of
 * Widows and Orphans"; typesetting.md §3.2, §3.7.
 */
import type { Cluster } from './cluster.ts';

/** One line: clusters [start, end). */
export interface LineRange {
  /** First cluster. */
  start: number;
  /** One past the last cluster. */
  end: number;
}

/** Options of `breakLines`. */
export interface BreakOptions {
  /** Width available to the first line (after the indent), in points. */
  firstWidthPt: number;
  /** Width available to the other lines. */
  widthPt: number;
  /** Avoid a last line holding one Han character (plus punctuation). Default true. */
  avoidLoneChar?: boolean;
}

/** Rounding slack when comparing widths, in points. */
export const FIT_EPS = 0.01;
/** How many extra clusters push-in may take onto a line (a mark, or a mark pair such as 。”). */
const MAX_PUSH_IN = 2;
/** Largest stretch per gap, in cells, a push-out may cause before push-in is preferred (Han pitch ≤ 1.15). */
export const STRETCH_LIMIT = 0.15;

/** Width arithmetic over a cluster list. */
export class LineMetrics {
  /** The clusters measured. */
  readonly clusters: readonly Cluster[];
  private readonly w: Float64Array;
  private readonly s: Float64Array;

  constructor(clusters: readonly Cluster[]) {
    this.clusters = clusters;
    const n = clusters.length;
    this.w = new Float64Array(n + 1);
    this.s = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      this.w[i + 1] = this.w[i]! + clusters[i]!.widthPt;
      this.s[i + 1] = this.s[i]! + clusters[i]!.shrinkPt;
    }
  }

  /** Natural width of clusters [a, b) set as one line. */
  natural(a: number, b: number): number {
    if (b <= a) return 0;
    return this.w[b - 1]! - this.w[a]! + this.clusters[b - 1]!.endWidthPt;
  }

  /** Where cluster k starts in a line that begins with cluster a (k inside the line, nothing squeezed). */
  offset(a: number, k: number): number {
    return this.w[k]! - this.w[a]!;
  }

  /** Smallest width [a, b) can be squeezed to. */
  min(a: number, b: number): number {
    if (b <= a) return 0;
    return this.natural(a, b) - (this.s[b - 1]! - this.s[a]!) - this.clusters[b - 1]!.endShrinkPt;
  }

  /** Whether a line may end before cluster e. */
  legal(e: number): boolean {
    const c = this.clusters;
    if (e >= c.length) return true;
    if (e <= 0) return false;
    return !c[e]!.noStart && !c[e - 1]!.noEnd;
  }
}

/** Stretch per gap, in cells, of clusters [s, e) set justified in `avail`. */
export function stretchPerGap(m: LineMetrics, s: number, e: number, avail: number): number {
  const gaps = e - s - 1;
  const slack = avail - m.natural(s, e);
  if (slack <= 0) return 0;
  return gaps > 0 ? slack / gaps / m.clusters[s]!.cellPt : Infinity;
}

/** Choose the end of the line starting at s. */
function chooseEnd(m: LineMetrics, s: number, avail: number): number {
  const n = m.clusters.length;
  let e = s + 1;
  while (e < n && m.natural(s, e + 1) <= avail + FIT_EPS) e++;
  if (e >= n || m.legal(e)) return e;
  let out = -1;
  for (let k = e - 1; k > s; k--) {
    if (m.legal(k)) {
      out = k;
      break;
    }
  }
  if (out > 0 && stretchPerGap(m, s, out, avail) <= STRETCH_LIMIT) return out;
  for (let k = e + 1; k <= Math.min(n, e + MAX_PUSH_IN); k++) {
    if (m.legal(k) && m.min(s, k) <= avail + FIT_EPS) return k;
  }
  return out > 0 ? out : e;
}

/** Whether a line is one Han character, possibly followed by punctuation (孤字). */
function isLone(c: readonly Cluster[], r: LineRange): boolean {
  if (!c[r.start]?.han) return false;
  for (let i = r.start + 1; i < r.end; i++) if (c[i]!.han || c[i]!.latin || !c[i]!.noStart) return false;
  return true;
}

function avoidLoneChar(m: LineMetrics, lines: LineRange[], o: BreakOptions): void {
  const last = lines[lines.length - 1];
  const prev = lines[lines.length - 2];
  if (!last || !prev || !isLone(m.clusters, last)) return;
  const avail = lines.length === 2 ? o.firstWidthPt : o.widthPt;
  if (m.min(prev.start, last.end) <= avail + FIT_EPS) {
    prev.end = last.end; // squeeze it onto the line above
    lines.pop();
    return;
  }
  const k = prev.end - 1;
  if (k > prev.start && m.legal(k) && m.natural(k, last.end) <= o.widthPt + FIT_EPS) {
    prev.end = k; // pull one more character down
    last.start = k;
  }
}

/** Break clusters into lines. */
export function breakLines(clusters: readonly Cluster[], o: BreakOptions, metrics?: LineMetrics): LineRange[] {
  const m = metrics ?? new LineMetrics(clusters);
  const lines: LineRange[] = [];
  let s = 0;
  while (s < clusters.length) {
    const e = chooseEnd(m, s, lines.length === 0 ? o.firstWidthPt : o.widthPt);
    lines.push({ start: s, end: e });
    s = e;
  }
  if (o.avoidLoneChar !== false) avoidLoneChar(m, lines, o);
  return lines;
}
