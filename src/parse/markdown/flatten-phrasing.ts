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

/** Flatten `nodes` into a SourceLine numbered `line`. `leadFromStrong` turns a leading `**…**` into a lead. */
export function flattenPhrasing(nodes: PhrasingContent[], line: number, diagnostics: Diagnostic[], leadFromStrong = true): SourceLine {
  const chars: string[] = [];
  const ranges: Array<{ range: [number, number]; strong: boolean }> = [];
  const walk = (list: PhrasingContent[]): void => {
    for (const n of list) {
      switch (n.type) {
        case 'text':
        case 'inlineCode':
          chars.push(...n.value);
          break;
        case 'break':
          chars.push('\n');
          break;
        case 'strong':
        case 'emphasis': {
          const start = chars.length;
          walk(n.children);
          if (chars.length > start) ranges.push({ range: [start, chars.length], strong: n.type === 'strong' });
          break;
        }
        case 'link':
        case 'linkReference':
          walk(n.children);
          break;
        case 'html':
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
  };
  walk(nodes);
  return joinLines(chars, ranges, line, leadFromStrong);
}

/** Resolve soft breaks and build the SourceLine. */
function joinLines(chars: string[], ranges: Array<{ range: [number, number]; strong: boolean }>, line: number, leadFromStrong: boolean): SourceLine {
  const out: string[] = [];
  const index: number[] = [];
  chars.forEach((ch, i) => {
    index.push(out.length);
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
  const outer = emphasis.filter(([s, e], k) => !emphasis.some(([s2, e2], j) => j !== k && s2 <= s && e <= e2 && (e2 - s2 > e - s || j < k)));
  emphasis.length = 0;
  emphasis.push(...outer);
  if (emphasis.length > 0) src.emphasis = emphasis;
  return src;
}

/** Index of the first non-space code point. */
function firstNonSpace(chars: string[]): number {
  const i = chars.findIndex((c) => c.trim() !== '');
  return i < 0 ? 0 : i;
}
