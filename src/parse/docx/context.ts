/** State shared by the whole document walk. */
import type { Item } from './items.ts';
import type { Numbering } from './numbering.ts';
import type { Styles } from './styles.ts';
import type { XmlNode } from './xml.ts';

/** One open field (`w:fldChar begin` … `end`). */
export interface OpenField {
  /** Whether we are past `separate` (in the visible result). */
  inResult: boolean;
  /** The field instruction collected from `w:instrText`. */
  instr: string;
}

/** Counts reported once per document. */
export interface DocStats {
  /** Tracked insertions kept. */
  insertions: number;
  /** Tracked deletions dropped. */
  deletions: number;
  /** Comments ignored. */
  comments: number;
  /** Paragraphs of a table of contents dropped. */
  tocParagraphs: number;
}

/** Everything the walk needs besides the node at hand. */
export interface ReadContext {
  /** Style lookups. */
  styles: Styles;
  /** Running list counters. */
  numbering: Numbering;
  /** The text of a footnote or endnote by id ('' when unknown). */
  noteText: (kind: 'footnote' | 'endnote', id: string) => string;
  /** Open fields, innermost last; fields may span paragraphs. */
  fields: OpenField[];
  /** Document-wide counts. */
  stats: DocStats;
  /** Read block content (a text box body, a table cell) into items. */
  readBlocks: (nodes: XmlNode[]) => Item[];
}

/** Whether we are inside the result of a table-of-contents field. */
export function inTableOfContents(ctx: ReadContext): boolean {
  return ctx.fields.some((f) => f.inResult && /^\s*TOC\b/i.test(f.instr));
}

/** Whether text at this point is hidden: inside a field instruction or a table of contents. */
export function fieldHidesText(ctx: ReadContext): boolean {
  return ctx.fields.some((f) => !f.inResult) || inTableOfContents(ctx);
}

/** Pick one branch of `mc:AlternateContent`: the first Choice, else the Fallback. */
export function alternateBranch(node: XmlNode): XmlNode[] {
  const branch = node.children.find((c) => c.name === 'mc:Choice') ?? node.children.find((c) => c.name === 'mc:Fallback');
  return branch?.children ?? [];
}
