/** Trailing credit lines of reposted speeches (编辑：何利军, 来源：…) that belong in meta, not in the body. */
import type { Credit } from '../../model/types.ts';
import { spanPosition } from './build-inlines.ts';
import { lineText, type PreparedLine } from './prepare-line.ts';

/** Labels that open a credit. */
const LABEL = '(责任编辑|编辑|责编|来源|审核|审校|校对|作者|供稿|初审|复审|终审|监制|记者|通讯员|撰稿|整理)';
/** A whole line of credits, possibly several (编辑：张三　审核：李四). */
const LINE = new RegExp(`^[（(【\\[]?${LABEL}\\s*[:：]\\s*\\S.*$`);
/** One credit inside a credit line. */
const ONE = new RegExp(`${LABEL}\\s*[:：]\\s*(.+?)(?=\\s+${LABEL}\\s*[:：]|[）)】\\]]?$)`, 'g');

/** Credits in one line, or undefined when the line is not a credit line. */
export function parseCredits(l: PreparedLine): Credit[] | undefined {
  const text = lineText(l);
  if (l.table || !LINE.test(text) || [...text].length > 80) return undefined;
  const out: Credit[] = [];
  for (const m of text.matchAll(ONE)) {
    const credit: Credit = { label: m[1]!, value: m[2]!.trim() };
    const start = [...text.slice(0, m.index)].length;
    const pos = spanPosition(l, start, start + [...m[0]].length);
    if (pos) credit.position = pos;
    out.push(credit);
  }
  return out.length > 0 ? out : undefined;
}

/** Split trailing credit lines off `lines`; returns the body lines and the credits in source order. */
export function takeTrailingCredits(lines: PreparedLine[]): { body: PreparedLine[]; credits: Credit[] } {
  let end = lines.length;
  const found: Credit[][] = [];
  while (end > 0) {
    const c = parseCredits(lines[end - 1]!);
    if (!c) break;
    found.unshift(c);
    end--;
  }
  // A text that is nothing but credits is still a (strange) body, not an empty speech.
  if (end === 0) return { body: lines, credits: [] };
  return { body: lines.slice(0, end), credits: found.flat() };
}
