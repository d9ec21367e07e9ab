/**
 * Balanced breaks for a title or subtitle longer than one line: break only between words
 * (Intl.Segmenter 'zh' words, with Chinese numbers such as 第十四届 and 三十五周年 kept whole, and
 * one-character words kept with their neighbour), lines of similar length in a trapezoid (梯形, the
 * longer line below) or diamond, never 1–2 characters or a lone 讲话 on the last line, never
 * inside 《》“”（）. A pure function of the measured clusters, so the DOCX can ask for the same breaks.
 * Reference: GB/T 9704-2012 7.3.1 (梯形或菱形); typesetting.md §1.3.
 */
import type { FontRole } from '../../fonts/roles.ts';
import type { Measurer } from '../types.ts';
import type { Preset } from '../../style/preset.ts';
import { pageGeometry } from '../../style/preset.ts';
import { FIT_EPS, LineMetrics, breakLines, type LineRange } from '../text/break-lines.ts';
import { clusterText } from '../text/cluster.ts';
import { Faces } from '../text/faces.ts';
import { segment } from '../text/segment.ts';

/** Cost of breaking inside a word (Intl.Segmenter) or a number: only when nothing else fits. */
const MID_WORD = 200;
/** Cost of breaking inside brackets or quotes: only when no other break fits. */
const INSIDE_BRACKETS = 1000;
/** Cost of splitting a one-character word from its neighbour (委员|会, 共产|党, 自治|区). */
const LONE_SEGMENT = 5;
/** Cost of a 文种-only last line (讲话, 的讲话…). */
const BAD_TAIL = 30;
/** Cost of a last line of one or two characters: never, unless the title cannot be set otherwise. */
const SHORT_TAIL = 500;
/** Last lines this short (in characters) are never made. */
const SHORT_TAIL_CHARS = 2;
/** Bonus for breaking after a function word or before 在/关于/第 (natural phrase edges in titles). */
const PHRASE_EDGE = -2;
/** Bonus for breaking after a space the writer put between a title's phrases (坚定信心　真抓实干). */
const AFTER_SPACE = -12;
/** Cost of an upper line longer than the one below (prefer the 正梯形 shape). */
const TOP_HEAVY = 0.5;
/** Cost of each line beyond the fewest possible (more lines only to avoid a bad break). */
const EXTRA_LINE = 30;

/** 文种 words that close a title. */
const TAIL_WORDS = ['讲话', '发言', '致辞', '报告', '贺词', '祝词', '开幕词', '闭幕词'];
const TAILS = new Set(['讲话', '的讲话', '发言', '的发言', '致辞', '的致辞', '报告', '的报告', '讲话稿']);
const AFTER = new Set(['的', '上', '和', '与', '及', '暨', '于', '中', '——']);
/** Prepositions that open a phrase: a line never ends with one (…在 / 第十四届…). */
const PREPOSITIONS = new Set(['在', '对', '把', '向', '从', '为', '于', '关于']);
/** Cost of ending a line with a preposition. */
const AFTER_PREPOSITION = 10;
const BEFORE = new Set(['在', '关', '暨', '第', '——']);
/** Single-character words a break may follow or precede without cost (function words). */
const FREE_SINGLE = new Set(['的', '在', '上', '和', '与', '及', '暨', '于', '中', '为', '对', '把', '向', '从', '是']);
/**
 * Names of bodies and meetings titles are made of, which the segmenter splits (中央|委员|会,
 * 人民|代表|大会): a break inside one costs as much as a break inside a word.
 */
const COMPOUNDS = [
  '中华人民共和国', '中国共产党', '全国人民代表大会', '中国人民政治协商会议', '政治协商会议', '人民代表大会', '代表大会', '中央委员会', '常务委员会',
  '纪律检查委员会', '委员会', '人民政府', '人民法院', '人民检察院', '人民解放军', '全体会议', '工作会议', '自治区', '自治州',
  '自治县', '共产党', '共青团', '开幕式', '闭幕式', '座谈会', '推进会', '动员会', '表彰会', '报告会', '新闻发布会',
];
/** Bonus for starting a line with —— (a subtitle-like phrase written into the title). */
const BEFORE_DASH = -16;
/** Cost of separating 的 from the 文种 word after it (…的 / 讲话). */
const SPLIT_TAIL = 8;
const OPEN = new Set(['《', '“', '（', '〈', '「', '‘']);
const CLOSE = new Set(['》', '”', '）', '〉', '」', '’']);
/**
 * Chinese numbers with their ordinal prefix and counter: 第十四届, 三十五周年, 第五次, 二〇二四年.
 * The segmenter splits them (第十|四届), a reader never would.
 */
const NUMBER = /第?[〇零一二三四五六七八九十百千万两]+(?:周年|届|次|年|月|日|号|个|项|条|章|节|点|部分|批|轮|期|季度|倍)?/gu;

// Building a segmenter loads ICU's dictionary: once per process.
let segmenter: Intl.Segmenter | undefined;

/** Offsets (in UTF-16 units) inside a number or a compound name, and those at their edges. */
function numberSpans(joined: string): { inside: Set<number>; edges: Set<number> } {
  const inside = new Set<number>();
  const edges = new Set<number>();
  const mark = (from: number, len: number) => {
    for (let i = from + 1; i < from + len; i++) inside.add(i);
    edges.add(from).add(from + len);
  };
  for (const m of joined.matchAll(NUMBER)) mark(m.index, m[0].length);
  for (const w of COMPOUNDS) for (let i = joined.indexOf(w); i >= 0; i = joined.indexOf(w, i + 1)) mark(i, w.length);
  return { inside, edges };
}

function breakCosts(m: LineMetrics): number[] {
  const c = m.clusters;
  const texts = c.map(clusterText);
  const joined = texts.join('');
  const wordEdges = new Map<number, string>();
  const words: string[] = [];
  for (const s of (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })).segment(joined)) {
    wordEdges.set(s.index, s.segment);
    words.push(s.segment);
  }
  const before = new Map<number, string>();
  let at = 0;
  for (const w of words) {
    at += w.length;
    before.set(at, w);
  }
  const { inside: inNumber, edges: numberEdges } = numberSpans(joined);
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
    const next = wordEdges.get(offset);
    if (next === undefined || inNumber.has(offset)) k += MID_WORD;
    else if (!numberEdges.has(offset)) {
      const last = before.get(offset) ?? '';
      if ((last.length === 1 && !FREE_SINGLE.has(last) && /\p{Script=Han}/u.test(last)) ||
        (next.length === 1 && !FREE_SINGLE.has(next) && /\p{Script=Han}/u.test(next))) k += LONE_SEGMENT;
    }
    if (texts[b] === '——') k += BEFORE_DASH;
    else if (AFTER.has(prev) || BEFORE.has(texts[b]!)) k += PHRASE_EDGE;
    if (prev === '的' && TAIL_WORDS.some((t) => joined.startsWith(t, offset))) k += SPLIT_TAIL;
    if (PREPOSITIONS.has(prev) || PREPOSITIONS.has(before.get(offset) ?? '')) k += AFTER_PREPOSITION;
    if (prev === '\u3000' || prev === ' ') k += AFTER_SPACE;
    cost.push(k);
  }
  return cost;
}

/** Letters and digits in clusters [a, n): what a reader counts as the characters of a line. */
function letters(m: LineMetrics, a: number, n: number): number {
  let k = 0;
  for (let i = a; i < n; i++) for (const ch of clusterText(m.clusters[i]!)) if (/[\p{L}\p{N}]/u.test(ch)) k++;
  return k;
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
    if (letters(m, a, n) <= SHORT_TAIL_CHARS) return SHORT_TAIL;
    return TAILS.has(t) ? BAD_TAIL : 0;
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

/** Ranges of a title-block line: balanced, or the plain breaker when no balanced set fits. */
export function titleRanges(m: LineMetrics, widthPt: number): LineRange[] {
  const n = m.clusters.length;
  const r = balanceTitle(m, widthPt);
  return r.length === 1 && m.natural(0, n) > widthPt + FIT_EPS ? breakLines(m.clusters, { firstWidthPt: widthPt, widthPt }, m) : r;
}

/** Which title-block line is broken: the title (title role and size) or a subtitle-like line. */
export type TitleLineKind = 'title' | 'subtitle';

/**
 * The printed lines of a title or subtitle, as text: the same breaks the PDF layout makes, for
 * renderers that set the text themselves (the DOCX puts manual line breaks there). Each of the
 * writer's own lines (`\n`) is balanced on its own; its breaks are kept.
 */
export function titleBreaks(text: string, measurer: Measurer, preset: Preset, kind: TitleLineKind): string[] {
  const geom = pageGeometry(preset);
  const role: FontRole = kind === 'title' ? 'title' : 'titleBlock';
  const sizePt = kind === 'title' ? preset.titleSizePt : preset.titleBlockSizePt;
  const style = { role, sizePt, cellPt: (geom.cellPt * sizePt) / preset.bodySizePt, fauxBold: false, placeholder: false };
  const faces = new Faces(measurer);
  const out: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
    const clusters = segment([{ text: line, style }], faces, geom.blockWidthPt);
    if (clusters.length === 0) continue;
    const m = new LineMetrics(clusters);
    for (const r of titleRanges(m, geom.blockWidthPt)) out.push(clusters.slice(r.start, r.end).map(clusterText).join(''));
  }
  return out;
}
