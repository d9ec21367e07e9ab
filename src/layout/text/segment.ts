/**
 * Styled text → clusters. Cell characters (Han, full-width marks) become one- or two-cell clusters;
 * Latin words and numbers (with their joiners and %, $ affixes) become one natural-width cluster in
 * the `latin` role, so they never split (unless longer than a line).
 * Reference: clreq "Prohibition Rules for Unbreakable Marks"; typesetting.md §3.2, §3.6.
 */
import type { FontRole } from '../../fonts/roles.ts';
import {
  PAIRED_MARKS, WORD_JOINERS, WORD_PREFIXES, WORD_SUFFIXES, isCellChar, isInvisible, isVariationSelector, isWordChar,
} from './break-classes.ts';
import { clusterText, type Cluster } from './cluster.ts';
import type { Faces } from './faces.ts';
import { compressPunctuation } from './compress.ts';
import { cellCluster, loneCellCluster, naturalCluster, sameStyle, type Char } from './make-cluster.ts';

/** How a span of text is set. */
export interface TextStyle {
  /** Role of the cell characters (Latin characters use the `latin` role at the same size). */
  role: FontRole;
  /** Size in points. */
  sizePt: number;
  /** Width of one character cell in points (grid pitch at this size). */
  cellPt: number;
  /** Synthetic bold. */
  fauxBold: boolean;
  /** Unfilled blank. */
  placeholder: boolean;
  /** Face drawing the span, as the style stage chose it (StyledRun.faceKey); looked up by role when absent. */
  faceKey?: string;
}

/** A piece of text with one style. */
export interface StyledSpan {
  /** The characters. */
  text: string;
  /** How they are set. */
  style: TextStyle;
}

/** The two-em dash U+2E3A: one character, two cells. */
const TWO_EM_DASH = 0x2e3a;
/** ？ and ！: doubled as ？！ or ！？ (or ？？, ！！) they share one cell (GB/T 15834-2011 4.2, 4.3). */
const isSharedCell = (cp: number) => cp === 0xff1f || cp === 0xff01;

/**
 * The characters of a block's spans, flattened without an object per character: a document is
 * tens of thousands of characters, nearly all Han set alone in their cell, and those never need
 * more than their code point and span. `Char` objects are made only for the
 * clusters built from several characters or at natural width (`charsAt`).
 */
class CharList {
  /** Code point per character. */
  readonly cps: number[] = [];
  /** Index into `spans` per character. */
  readonly spanOf: number[] = [];
  /** The text of characters a variation selector rides on (index → character plus selectors). */
  readonly withSelectors = new Map<number, string>();
  /** The spans the characters come from (their styles). */
  readonly spans: readonly StyledSpan[];

  constructor(spans: readonly StyledSpan[]) {
    this.spans = spans;
    const { cps, spanOf } = this;
    for (let k = 0; k < spans.length; k++) {
      const text = spans[k]!.text;
      for (let u = 0; u < text.length; u++) {
        const cp = text.codePointAt(u)!;
        const units = cp > 0xffff ? 2 : 1;
        u += units - 1;
        if (isInvisible(cp)) continue;
        const prev = cps.length - 1;
        if (prev >= 0 && isVariationSelector(cp)) this.withSelectors.set(prev, this.text(prev) + text.slice(u - units + 1, u + 1));
        else {
          cps.push(cp);
          spanOf.push(k);
        }
      }
    }
  }

  /** Number of characters. */
  get length(): number {
    return this.cps.length;
  }

  /** The character at i (with any variation selector riding on it). */
  text(i: number): string {
    return this.withSelectors.get(i) ?? String.fromCodePoint(this.cps[i]!);
  }

  /** Whether the character at i is its code point alone. */
  bare(i: number): boolean {
    return this.withSelectors.size === 0 || !this.withSelectors.has(i);
  }

  /** The style of the character at i. */
  style(i: number): TextStyle {
    return this.spans[this.spanOf[i]!]!.style;
  }

  /** Characters [i, end) as `Char` objects. */
  charsAt(i: number, end: number): Char[] {
    const out: Char[] = [];
    for (let k = i; k < end; k++) out.push({ cp: this.cps[k]!, text: this.text(k), style: this.style(k) });
    return out;
  }
}

/** End index (exclusive) of the word or number starting at i. */
function wordEnd(chars: CharList, i: number): number {
  const cps = chars.cps;
  let j = i;
  if (WORD_PREFIXES.has(cps[j]!)) j++;
  while (j < cps.length) {
    const cp = cps[j]!;
    if (isWordChar(cp)) j++;
    else if (WORD_JOINERS.has(cp) && j + 1 < cps.length && isWordChar(cps[j + 1]!)) j++;
    else if (WORD_SUFFIXES.has(cp)) {
      j++;
      break;
    } else break;
  }
  return j;
}

/** Where a URL, e-mail address or long word may break: after these (GB practice and clreq). */
const URL_BREAK_AFTER = new Set([...'/.-_?&=']);
/** A URL or e-mail address from here: printable ASCII up to a space or a non-ASCII character. */
const URL_START = /^(?:(?:https?|ftp):\/\/|www\.)[\x21-\x7e]+|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+/i;
/** A word wider than this share of the line may break at its break points too. */
const LONG_WORD_SHARE = 0.25;

/** Length (in chars) of a URL starting at i, 0 when none; a trailing stop or bracket is not part of it. */
function urlEnd(chars: CharList, i: number): number {
  const cps = chars.cps;
  const c = cps[i]!;
  if (!((c | 0x20) === 0x68 || (c | 0x20) === 0x66 || (c | 0x20) === 0x77 || isWordChar(c))) return i;
  let s = '';
  for (let j = i; j < cps.length && j < i + 2048 && cps[j]! < 0x80; j++) s += chars.text(j);
  const m = URL_START.exec(s);
  if (!m) return i;
  const url = m[0].replace(/[.,;:!?)\]'"]+$/, '');
  return i + url.length;
}

/**
 * Clusters of a URL or long word [i, end): pieces ending after / . - _ ? & = (never after the
 * first of two slashes), glued to each other so justification does not open them up; a piece
 * still longer than the line is split per character.
 */
function piecesOf(chars: CharList, i: number, end: number, faces: Faces, maxLinePt: number, out: Cluster[]): void {
  const first = out.length;
  let start = i;
  const flush = (to: number) => {
    if (to <= start) return;
    const c = naturalCluster(chars.charsAt(start, to), faces);
    if (c.widthPt > maxLinePt && to - start > 1) for (let k = start; k < to; k++) out.push(naturalCluster(chars.charsAt(k, k + 1), faces));
    else out.push(c);
    start = to;
  };
  for (let k = i; k < end; k++) {
    const ch = chars.text(k);
    if (URL_BREAK_AFTER.has(ch) && !(ch === '/' && k + 1 < chars.length && chars.text(k + 1) === '/')) flush(k + 1);
  }
  flush(end);
  for (let k = first; k < out.length; k++) {
    const c = out[k]!;
    if (k > first) {
      c.noStart = false;
      c.glueBefore = true;
    }
    if (k < out.length - 1) c.noEnd = false;
  }
}

/**
 * Split styled spans into clusters.
 * @param maxLinePt the widest line the text may be set in: longer words are split per character
 * @returns clusters with punctuation compression applied
 */
export function segment(spans: readonly StyledSpan[], faces: Faces, maxLinePt: number): Cluster[] {
  const chars = new CharList(spans);
  const { cps, spanOf } = chars;
  const n = cps.length;
  const out: Cluster[] = [];
  let i = 0;
  while (i < n) {
    const cp = cps[i]!;
    if (isCellChar(cp)) {
      const next = i + 1 < n ? cps[i + 1]! : -1;
      const paired = next === cp && PAIRED_MARKS.has(cp);
      // A pair only within one style (of the same span, or an equal style in the next).
      if ((paired || (isSharedCell(cp) && isSharedCell(next))) && (spanOf[i] === spanOf[i + 1] || sameStyle(chars.style(i), chars.style(i + 1)))) {
        out.push(cellCluster(chars.charsAt(i, i + 2), faces, paired ? 2 : 1));
        i += 2;
      } else {
        const cells = cp === TWO_EM_DASH ? 2 : 1;
        if (!chars.bare(i)) out.push(cellCluster(chars.charsAt(i, i + 1), faces, cells));
        else out.push(loneCellCluster(cp, spans[spanOf[i]!]!.style, faces, cells));
        i += 1;
      }
      continue;
    }
    const url = urlEnd(chars, i);
    if (url > i) {
      piecesOf(chars, i, url, faces, maxLinePt, out);
      i = url;
      continue;
    }
    const isWord = isWordChar(cp) || (WORD_PREFIXES.has(cp) && i + 1 < n && isWordChar(cps[i + 1]!));
    const end = isWord ? wordEnd(chars, i) : i + 1;
    const cluster = naturalCluster(chars.charsAt(i, end), faces);
    if (cluster.widthPt > LONG_WORD_SHARE * maxLinePt && end - i > 1) piecesOf(chars, i, end, faces, maxLinePt, out);
    else out.push(cluster);
    i = end;
  }
  compressPunctuation(out);
  numberMarks(out);
  return out;
}

/** U+FF0E full-width full stop, written after an item number (3．全面提升). */
const FULL_STOP = '\uff0e';
/** Joiners of a range between numbers: 2018—2022年, 5～10公斤. */
const RANGE_MARKS = new Set(['\u2014', '～', '~', '\u2013']);

const endsWithDigit = (c: Cluster | undefined) => c !== undefined && c.latin && /\p{Nd}$/u.test(clusterText(c));
const startsWithDigit = (c: Cluster | undefined) => c !== undefined && c.latin && /^\p{Nd}/u.test(clusterText(c));

/**
 * Marks that belong to a number: `3．` after an item number is a compact marker like `3.` (the
 * full-width stop keeps half its cell, its ink side, and never starts a line), and a range
 * `2018—2022` never breaks at its dash.
 */
function numberMarks(out: Cluster[]): void {
  for (let i = 1; i < out.length; i++) {
    const c = out[i]!;
    if (c.han || c.cells !== 1 || c.glyphs.length !== 1) continue;
    const t = c.glyphs[0]!.text;
    if (t === FULL_STOP && endsWithDigit(out[i - 1])) {
      c.widthPt = c.endWidthPt = c.cellPt / 2;
      c.shrinkPt = c.endShrinkPt = 0;
      c.side = 'close';
      c.noStart = true;
    } else if (RANGE_MARKS.has(t) && endsWithDigit(out[i - 1]) && startsWithDigit(out[i + 1])) {
      c.noStart = true;
      out[i + 1]!.noStart = true;
    }
  }
}
