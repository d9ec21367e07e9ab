/**
 * The structure panel's view of a speech: the title block fields (with the source span each came
 * from, so the page can rewrite that span when the clerk edits a field), the salutation and the
 * heading outline with the page each heading landed on.
 */
import type { Position, Speech } from '../model/types.ts';
import type { OutlineEntry } from '../layout/types.ts';
import { inlineText } from '../model/to-plain-text.ts';

/** The editable fields of the title block. */
export const TITLE_FIELDS = ['title', 'subtitle', 'speaker', 'date'] as const;
/** One editable title-block field. */
export type TitleField = (typeof TITLE_FIELDS)[number];

/** One heading of the outline. */
export interface OutlineItem {
  /** Depth 1–4 (一、 （一） 1. （1）). */
  depth: number;
  /** The heading as printed, marker included. */
  text: string;
  /** Source span of the heading line. */
  position?: Position;
  /** 1-based page the heading starts on, when it was laid out. */
  page?: number;
}

/** What the structure panel shows. */
export interface Structure {
  /** Title-block fields found, each with its value (a title's lines joined by newlines) and source span (absent when the text has none). */
  fields: Partial<Record<TitleField, { value: string; position?: Position }>>;
  /** The `原标题：` line, when the speech is a repost. */
  originalTitle?: string;
  /** The salutation (称呼) and its source span. */
  salutation?: { value: string; position?: Position };
  /** Headings in order. */
  outline: OutlineItem[];
  /** Body blocks (paragraphs, headings, tables) counted. */
  blocks: number;
}

/** The structure of a parsed speech; `outline` entries of the layout give the headings' pages. */
export function structureOf(speech: Speech, laidOut: readonly OutlineEntry[] = []): Structure {
  const fields: Structure['fields'] = {};
  for (const f of TITLE_FIELDS) {
    // A title set on several lines is edited as those lines (its span covers them all).
    const lines = f === 'title' ? speech.meta.titleLines : undefined;
    const value = lines && lines.length > 1 ? lines.join('\n') : speech.meta[f];
    if (value) fields[f] = { value, ...(speech.meta.positions?.[f] ? { position: speech.meta.positions[f] } : {}) };
  }
  const outline: OutlineItem[] = [];
  let salutation: Structure['salutation'];
  for (const block of speech.children) {
    if (block.type === 'salutation' && !salutation) {
      salutation = { value: inlineText(block.children), ...(block.position ? { position: block.position } : {}) };
    }
    if (block.type === 'heading') {
      const item: OutlineItem = { depth: block.depth, text: block.marker + inlineText(block.children) };
      if (block.position) item.position = block.position;
      outline.push(item);
    }
  }
  // The layout bookmarks every heading (and may bookmark run-in headings too): match in order by text.
  let from = 0;
  for (const item of outline) {
    const at = laidOut.findIndex((e, i) => i >= from && e.title.replace(/\s/g, '') === item.text.replace(/\s/g, ''));
    if (at < 0) continue;
    item.page = laidOut[at]!.pageIndex + 1;
    from = at + 1;
  }
  const s: Structure = { fields, outline, blocks: speech.children.length };
  if (speech.meta.originalTitle) s.originalTitle = speech.meta.originalTitle;
  if (salutation) s.salutation = salutation;
  return s;
}
