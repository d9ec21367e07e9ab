/** The text of model nodes as it will be printed (for measuring, searching, tests and metadata). */
import type { Block, Inline, Speech } from './types.ts';

/** Concatenated text of inline nodes; leads and emphasis contribute their content, placeholders their blank. */
export function inlineText(nodes: readonly Inline[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'placeholder') s += n.value;
    else s += inlineText(n.children);
  }
  return s;
}

/**
 * The text of one block as printed: a heading with its marker in front, table cells joined by a tab
 * and rows by a newline (tables have no single printed line).
 */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
      return block.marker + inlineText(block.children);
    case 'paragraph':
    case 'salutation':
      return inlineText(block.children);
    case 'table':
      return block.children.map((row) => row.children.map((c) => inlineText(c.children)).join('\t')).join('\n');
    default:
      throw new Error(`[model] Cannot get the text of unknown block \`${(block as { type: string }).type}\``);
  }
}

/** The whole speech as plain text, one block per line, title block first (for checks and previews). */
export function speechText(speech: Speech): string {
  const m = speech.meta;
  const head = [m.title, m.subtitle, m.speaker, m.date].filter((x): x is string => !!x);
  return [...head, ...speech.children.map(blockText)].join('\n');
}
