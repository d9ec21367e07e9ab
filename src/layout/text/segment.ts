/**
 * Styled text → clusters. Cell characters (Han, full-width marks) become one- or two-cell clusters;
 * Latin words and numbers (with their joiners and %, $ affixes) become one natural-width cluster in
 * the `latin` role, so they never split (unless longer than a line).
 * Reference: clreq "Prohibition Rules for Unbreakable Marks"; typesetting.md §3.2, §3.6.
 */
import type { FontRole } from '../../fonts/roles.ts';
import type { Position } from '../../model/types.ts';
import {
  PAIRED_MARKS, WORD_JOINERS, WORD_PREFIXES, WORD_SUFFIXES, isCellChar, isInvisible, isVariationSelector, isWordChar,
} from './break-classes.ts';
import { clusterText, type Cluster } from './cluster.ts';
import type { Faces } from './faces.ts';
import { compressPunctuation } from './compress.ts';
import { cellCluster, naturalCluster, sameStyle, type Char } from './make-cluster.ts';

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
  /** Source node, for diagnostics (present, possibly undefined, so every span has one shape). */
  position: Position | undefined;
}

/** The two-em dash U+2E3A: one character, two cells. */
const TWO_EM_DASH = 0x2e3a;
/** ？ and ！: doubled as ？！ or ！？ (or ？？, ！！) they share one cell (GB/T 15834-2011 4.2, 4.3). */
const SHARED_CELL = new Set([0xff1f, 0xff01]);

function flatten(spans: readonly StyledSpan[]): Char[] {
  const out: Char[] = [];
  for (const span of spans) {
    for (const ch of span.text) {
      const cp = ch.codePointAt(0)!;
      if (isInvisible(cp)) continue;
      const prev = out[out.length - 1];
      if (isVariationSelector(cp) && prev) prev.text += ch;
      else out.push({ cp, text: ch, style: span.style, position: span.position });
    }
  }
  return out;
}

/** End index (exclusive) of the word or number starting at i. */
function wordEnd(chars: Char[], i: number): number {
  let j = i;
  if (WORD_PREFIXES.has(chars[j]!.cp)) j++;
  while (j < chars.length) {
    const cp = chars[j]!.cp;
    const next = chars[j + 1];
    if (isWordChar(cp)) j++;
    else if (WORD_JOINERS.has(cp) && next && isWordChar(next.cp)) j++;
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
function urlEnd(chars: Char[], i: number): number {
  const c = chars[i]!.cp;
  if (!((c | 0x20) === 0x68 || (c | 0x20) === 0x66 || (c | 0x20) === 0x77 || isWordChar(c))) return i;
  let s = '';
  for (let j = i; j < chars.length && j < i + 2048 && chars[j]!.cp < 0x80; j++) s += chars[j]!.text;
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
function piecesOf(chars: Char[], i: number, end: number, faces: Faces, maxLinePt: number, out: Cluster[]): void {
  const first = out.length;
  let start = i;
  const flush = (to: number) => {
    if (to <= start) return;
    const c = naturalCluster(chars.slice(start, to), faces);
    if (c.widthPt > maxLinePt && to - start > 1) for (let k = start; k < to; k++) out.push(naturalCluster([chars[k]!], faces));
    else out.push(c);
    start = to;
  };
  for (let k = i; k < end; k++) {
    const ch = chars[k]!.text;
    if (URL_BREAK_AFTER.has(ch) && !(ch === '/' && chars[k + 1]?.text === '/')) flush(k + 1);
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
  const chars = flatten(spans);
  const out: Cluster[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    const next = chars[i + 1];
    if (isCellChar(c.cp)) {
      if (PAIRED_MARKS.has(c.cp) && next && next.cp === c.cp && sameStyle(c.style, next.style)) {
        out.push(cellCluster([c, next], faces, 2));
        i += 2;
      } else if (SHARED_CELL.has(c.cp) && next && SHARED_CELL.has(next.cp) && sameStyle(c.style, next.style)) {
        out.push(cellCluster([c, next], faces, 1));
        i += 2;
      } else {
        out.push(cellCluster([c], faces, c.cp === TWO_EM_DASH ? 2 : 1));
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
    const isWord = isWordChar(c.cp) || (WORD_PREFIXES.has(c.cp) && next !== undefined && isWordChar(next.cp));
    const end = isWord ? wordEnd(chars, i) : i + 1;
    const cluster = naturalCluster(chars.slice(i, end), faces);
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
    if (c.cells !== 1 || c.glyphs.length !== 1) continue;
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
