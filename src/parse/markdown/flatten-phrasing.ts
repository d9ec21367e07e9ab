/**
 * Markdown phrasing → one source line: the text, emphasis ranges and a bold opening, in code points.
 * Soft line breaks inside a paragraph vanish between Chinese characters and become a space between
 * Latin words (Chinese has no inter-word spaces).
 */
import type { PhrasingContent } from 'mdast';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { isChinese } from '../../transform/char-classes.ts';
import type { SourceLine } from '../types.ts';
import { toPosition } from './position.ts';

/** A hard line break the writer typed (`\\` or two spaces at a line end, `<br>`): where the next line starts. */
export interface HardBreak {
  /** Code-point offset in the flattened text where the text after the break starts. */
  at: number;
  /** Source line of the text after the break. */
  line: number;
  /** Source column (1-based) of the text after the break. */
  column: number;
}

/** An HTML line break: `<br>`, `<br/>`, `<br />`. */
const BR = /^<br\s*\/?>$/i;
/** Marks a hard break in the flattened characters until the lines are joined. */
const HARD = '\u2028';

/**
 * Flatten `nodes` into a SourceLine numbered `line`. `leadFromStrong` turns a leading `**…**` into a lead.
 * With `breaks`, hard breaks and `<br>` are reported there (a title keeps them as its printed lines),
 * and with `soft` the soft line breaks too (furniture typed one per line); without, `<br>` is left
 * out with a warning like other HTML and a hard break joins like a soft one.
 */
export function flattenPhrasing(nodes: PhrasingContent[], line: number, diagnostics: Diagnostic[], leadFromStrong = true, breaks?: HardBreak[], soft = false): SourceLine {
  const chars: string[] = [];
  const after: Array<{ line: number; column: number }> = [];
  const ranges: Array<{ range: [number, number]; strong: boolean }> = [];
  // An explicit stack, not recursion: emphasis nested as deep as the input says must not overflow it.
  type Frame = { list: PhrasingContent[]; i: number; close?: { start: number; strong: boolean } };
  const stack: Frame[] = [{ list: nodes, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.list.length) {
      stack.pop();
      if (top.close && chars.length > top.close.start) ranges.push({ range: [top.close.start, chars.length], strong: top.close.strong });
      continue;
    }
    const n = top.list[top.i++]!;
    switch (n.type) {
      case 'text':
      case 'inlineCode': {
        // One push per character: spreading a 100,000-character string overflows the call stack.
        let row = n.position?.start.line ?? line;
        for (const ch of n.value) {
          if (ch === '\n' && soft && breaks && n.type === 'text') {
            chars.push(HARD);
            after.push({ line: ++row, column: 1 });
          } else chars.push(ch);
        }
        break;
      }
      case 'break':
        if (breaks && n.position) {
          chars.push(HARD);
          after.push({ line: n.position.end.line, column: n.position.end.column });
        } else chars.push('\n');
        break;
      case 'strong':
      case 'emphasis':
        stack.push({ list: n.children, i: 0, close: { start: chars.length, strong: n.type === 'strong' } });
        break;
      case 'link':
      case 'linkReference':
        stack.push({ list: n.children, i: 0 });
        break;
      case 'html':
        if (breaks && n.position && BR.test(n.value.trim())) {
          chars.push(HARD);
          after.push({ line: n.position.end.line, column: n.position.end.column });
          break;
        }
        diagnostics.push(diagnostic('warning', 'markdown/html', `HTML 代码已略去：“${n.value.slice(0, 40)}”`, toPosition(n.position)));
        break;
      case 'image':
      case 'imageReference':
        diagnostics.push(diagnostic('warning', 'markdown/image', '图片已略去：speechdoc 只排版文字', toPosition(n.position)));
        break;
      default:
        // footnote references and other extensions carry nothing printable
        break;
    }
  }
  const src = joinLines(chars, ranges, line, leadFromStrong);
  if (breaks) {
    // The sentinels leave the text; each break remembers where the next line starts.
    const text: string[] = [];
    let k = 0;
    for (const ch of src.text) {
      if (ch === HARD) breaks.push({ at: text.length, ...after[k++]! });
      else text.push(ch);
    }
    src.text = text.join('');
    if (breaks.length > 0) delete src.emphasis; // a title's lines keep no emphasis
  }
  return src;
}

/** Resolve soft breaks and build the SourceLine. */
function joinLines(chars: string[], ranges: Array<{ range: [number, number]; strong: boolean }>, line: number, leadFromStrong: boolean): SourceLine {
  const out: string[] = [];
  const index: number[] = [];
  chars.forEach((ch, i) => {
    index.push(out.length);
    if (ch === HARD) {
      // A hard break keeps no space either side: the lines are printed apart.
      while (out[out.length - 1] === ' ') out.pop();
      out.push(ch);
      return;
    }
    if (ch !== '\n') {
      out.push(ch);
      return;
    }
    const p = out[out.length - 1];
    const n = chars[i + 1];
    if (p !== undefined && n !== undefined && !isChinese(p) && !isChinese(n) && p !== ' ' && n !== ' ') out.push(' ');
  });
  index.push(out.length);
  const at = (i: number): number => index[i]!;
  const src: SourceLine = { text: out.join(''), line };
  const lead = leadFromStrong ? ranges.find((r) => r.strong && at(r.range[0]) === firstNonSpace(out)) : undefined;
  if (lead && at(lead.range[1]) > 0) src.boldPrefixLength = at(lead.range[1]);
  const emphasis = ranges
    .filter((r) => r !== lead && !(lead && r.range[0] >= lead.range[0] && r.range[1] <= lead.range[1]))
    .map((r): [number, number] => [at(r.range[0]), at(r.range[1])])
    .filter(([s, e]) => e > s);
  // Nested emphasis (***a*** or **a *b***) collapses into the outermost range.
  const outer = outermost(emphasis);
  if (outer.length > 0) src.emphasis = outer;
  return src;
}

/**
 * The ranges no other range contains (of equal ranges, the first), in their original order; one
 * sort and one sweep, since ranges from a tree are nested or disjoint.
 */
function outermost(ranges: Array<[number, number]>): Array<[number, number]> {
  const order = ranges.map((_, k) => k).sort((a, b) => ranges[a]![0] - ranges[b]![0] || ranges[b]![1] - ranges[a]![1] || a - b);
  const keep = new Set<number>();
  let end = -1;
  for (const k of order) {
    const [s, e] = ranges[k]!;
    if (e <= end && keep.size > 0) continue; // inside the last kept range
    if (s < end) continue; // overlapping but not contained: cannot happen in a tree; keep the earlier
    keep.add(k);
    end = e;
  }
  return ranges.filter((_, k) => keep.has(k));
}

/** Index of the first non-space code point. */
function firstNonSpace(chars: string[]): number {
  const i = chars.findIndex((c) => c.trim() !== '');
  return i < 0 ? 0 : i;
}
