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
import type { Cluster } from './cluster.ts';
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
  /** Source node, for diagnostics. */
  position?: Position;
}

/** The two-em dash U+2E3A: one character, two cells. */
const TWO_EM_DASH = 0x2e3a;

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
      } else {
        out.push(cellCluster([c], faces, c.cp === TWO_EM_DASH ? 2 : 1));
        i += 1;
      }
      continue;
    }
    const isWord = isWordChar(c.cp) || (WORD_PREFIXES.has(c.cp) && next !== undefined && isWordChar(next.cp));
    const end = isWord ? wordEnd(chars, i) : i + 1;
    const cluster = naturalCluster(chars.slice(i, end), faces);
    if (cluster.widthPt > maxLinePt && end - i > 1) {
      // Longer than a line: the only case a word may break, anywhere inside it.
      for (let k = i; k < end; k++) out.push(naturalCluster([chars[k]!], faces));
    } else out.push(cluster);
    i = end;
  }
  compressPunctuation(out);
  return out;
}
