/**
 * Structure that shows only across lines: the upper lines of a stacked salutation (ending in ，),
 * short unnumbered section headings between long paragraphs, a long （一） line among heading
 * siblings, and a table of contents (heading lines repeated later) that must not count as headings.
 */
import type { Block, Heading, Inline, Paragraph, Salutation } from '../../model/types.ts';
import { inlineText } from '../../model/to-plain-text.ts';
import { headingMarker } from './markers.ts';
import { isSalutationLead } from './salutation.ts';
import { codePointLength } from '../../transform/code-points.ts';

/** Longest unnumbered heading, in code points. */
const MAX_PLAIN_HEADING = 18;
/** Shortest paragraph around an unnumbered heading, and how many times longer than it. */
const MIN_AROUND = 30;
const AROUND_RATIO = 2.5;
/** Captions of boxes, tables and figures, never section headings. */
const BOX = /^(?:专栏|附表|附图|表|图)\s*\d/;
/** Fewest lines of a table of contents. */
const MIN_TOC = 3;

/** Printed text of a block (heading marker included). */
function blockText(b: Block): string {
  if (b.type === 'table') return '';
  return (b.type === 'heading' ? b.marker : '') + inlineText(b.children);
}

/** A paragraph that is nothing but text (no leads, no emphasis). */
function plainParagraph(b: Block | undefined): b is Paragraph {
  return b?.type === 'paragraph' && b.children.every((c) => c.type === 'text' || c.type === 'placeholder');
}

/** The blocks with the cross-line structure applied. */
export function refineBlocks(blocks: Block[]): Block[] {
  const out = blocks.slice();
  // Stacked salutation: lines ending in ， that run down into a salutation.
  for (let i = out.length - 2; i >= 0; i--) {
    const b = out[i]!;
    if (out[i + 1]!.type === 'salutation' && plainParagraph(b) && isSalutationLead(blockText(b))) {
      out[i] = withType<Salutation>(b, 'salutation');
    }
  }
  // A long （一） line without sentence punctuation is a heading when its siblings are.
  const headingShapes = new Set(out.flatMap((b) => (b.type === 'heading' && b.marker ? [shape(b.marker)] : [])));
  for (let i = 0; i < out.length; i++) {
    const b = out[i]!;
    if (!plainParagraph(b)) continue;
    const t = blockText(b);
    const h = headingMarker(t);
    if (!h || !headingShapes.has(shape(h.marker)) || codePointLength(t) > 80) continue;
    // Long: no sentence punctuation at all. Short (二、城市工作做什么？依靠谁？): questions allowed.
    const short = codePointLength(t) <= 30;
    if (short ? /[。；;：:，,]/.test(t.slice(0, -1)) || /[；;：:，,]$/.test(t) : /[。！？；;：:，,]/.test(t)) continue;
    out[i] = toHeading(b, h.depth, h.marker, [...t.slice(0, h.length)].length);
  }
  // A short line ending in 。 among list items of its shape (（一）…；（二）…；（三）…。) is the last item, no heading.
  for (let i = 0; i < out.length; i++) {
    const b = out[i]!;
    if (b.type !== 'heading' || !b.marker || !/[。.]$/.test(blockText(b))) continue;
    const sibling = (x: Block | undefined): boolean => plainOrLead(x) && headingMarker(blockText(x!)) !== undefined && shape(headingMarker(blockText(x!))!.marker) === shape(b.marker);
    if (sibling(out[i - 1]) || sibling(out[i + 1])) out[i] = toParagraph(b, '');
  }
  // Short unnumbered headings between long paragraphs.
  for (let i = 1; i + 1 < out.length; i++) {
    const b = out[i]!;
    if (!plainParagraph(b)) continue;
    const t = blockText(b);
    const n = codePointLength(t);
    const bracketed = /[）)]$/.test(t) && /[（(]/.test(t);
    if (n > MAX_PLAIN_HEADING + (bracketed ? 12 : 0) || n < 2 || (/[。！？；;：:，,、…—”’）)》!?.]$/.test(t) && !bracketed) || /[。！？；;，,]/.test(t) || headingMarker(t) || BOX.test(t)) continue;
    const around = [out[i - 1]!, out[i + 1]!].map((x) => (x.type === 'paragraph' ? [...blockText(x)].length : x.type === 'heading' ? -1 : 0));
    // Above may be a heading (一、… then 概述 then text); below must be running text.
    const aboveOk = around[0] === -1 || around[0]! >= Math.max(MIN_AROUND, n * AROUND_RATIO);
    if (!aboveOk || around[1]! < Math.max(MIN_AROUND, n * AROUND_RATIO)) continue;
    out[i] = toHeading(b, 1, '', 0);
  }
  return demoteTableOfContents(out);
}

/** A run of heading lines whose texts come back later as headings is a table of contents. */
function demoteTableOfContents(blocks: Block[]): Block[] {
  const key = (b: Block): string => blockText(b).replace(/[\s\u3000]/g, '');
  // Where each heading text last occurs: a contents line "comes back later" when it occurs after the run.
  const lastAt = new Map<string, number>();
  blocks.forEach((b, k) => {
    if (b.type === 'heading') lastAt.set(key(b), k);
  });
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.type !== 'heading') continue;
    let j = i;
    const seen = new Set<string>();
    // A run of heading lines; the contents end where a line repeats one above it (the text begins).
    while (j < blocks.length && blocks[j]!.type === 'heading' && !seen.has(key(blocks[j]!))) seen.add(key(blocks[j++]!));
    if (j - i >= MIN_TOC) {
      const run = blocks.slice(i, j);
      if (run.filter((b) => (lastAt.get(key(b)) ?? -1) >= j).length >= Math.ceil(run.length * 0.8)) {
        for (let k = i; k < j; k++) blocks[k] = toParagraph(blocks[k] as Heading);
      }
    }
    i = j;
  }
  return blocks;
}

/** The marker's shape: （一） and （二） share one, 一、 another. */
function shape(marker: string): string {
  return marker.replace(/[一二三四五六七八九十百]+/g, 'N').replace(/\d+/g, 'D');
}

function withType<T extends Salutation>(b: Paragraph, type: T['type']): T {
  return { ...b, type } as unknown as T;
}

/** Turn a paragraph into a heading, its first `markerLen` code points being the marker. */
function toHeading(b: Paragraph, depth: Heading['depth'], marker: string, markerLen: number): Heading {
  const children = dropPrefix(b.children, markerLen);
  const h: Heading = { type: 'heading', depth, marker, children };
  if (b.position) h.position = b.position;
  return h;
}

/** Any paragraph. */
function plainOrLead(b: Block | undefined): boolean {
  return b?.type === 'paragraph';
}

/** A heading as the paragraph it prints as (a table of contents line, a list item); `gap` goes between marker and text. */
function toParagraph(h: Heading, gap = '\u3000'): Paragraph {
  const children: Inline[] = h.marker ? [{ type: 'text', value: h.marker + (h.children.length ? gap : '') }, ...h.children] : h.children;
  const p: Paragraph = { type: 'paragraph', children };
  if (h.position) p.position = h.position;
  return p;
}

/** Inline nodes with their first `n` code points (and the spaces after them) removed. */
function dropPrefix(nodes: Inline[], n: number): Inline[] {
  const out: Inline[] = [];
  let left = n;
  let trim = n > 0;
  for (const node of nodes) {
    if (left <= 0 && !trim) {
      out.push(node);
      continue;
    }
    if (node.type !== 'text') {
      out.push(node);
      left = 0;
      trim = false;
      continue;
    }
    let cps = [...node.value];
    const take = Math.min(left, cps.length);
    cps = cps.slice(take);
    left -= take;
    if (left === 0 && trim) {
      while (cps.length && /[\s\u3000]/.test(cps[0]!)) cps.shift();
      if (cps.length) trim = false;
    }
    if (cps.length) out.push({ ...node, value: cps.join('') });
  }
  return out;
}
