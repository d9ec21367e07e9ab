/** Body blocks from prepared lines: headings, salutations, paragraphs with their leads, tables. */
import type { Block, Heading, Inline, Lead, Paragraph, Salutation } from '../../model/types.ts';
import { buildInlines, spanPosition } from './build-inlines.ts';
import { findLeads } from './find-leads.ts';
import { HEADING_FORBIDDEN, headingMarker, MAX_HEADING_LENGTH } from './markers.ts';
import { lineText, type PreparedLine } from './prepare-line.ts';
import { isSalutationText } from './salutation.ts';

/** Longest heading line that may end in a full stop. */
const SHORT_HEADING = 30;

/** Whether a line is a salutation (see salutation.ts). */
export const isSalutation = isSalutationText;

/** The block a body line stands for. */
export function buildBlock(l: PreparedLine): Block {
  const position = spanPosition(l, 0, l.chars.length);
  if (l.table) return position && !l.table.position ? { ...l.table, position } : l.table;
  const text = lineText(l);
  if (isSalutation(text)) {
    const node: Salutation = { type: 'salutation', children: buildInlines(l, 0, l.chars.length) };
    if (position) node.position = position;
    return node;
  }
  const h = headingMarker(text);
  // A Word heading style or outline level is the writer's word: a heading whatever its marker.
  if (l.outlineLevel && l.chars.length <= MAX_HEADING_LENGTH * 2 && !/[。！？；]./.test(text)) {
    const markerEnd = h ? [...text.slice(0, h.length)].length : 0;
    const node: Heading = { type: 'heading', depth: l.outlineLevel, marker: h?.marker ?? '', children: buildInlines(l, markerEnd, l.chars.length) };
    if (h?.kind) node.kind = h.kind;
    if (position) node.position = position;
    return node;
  }
  // A heading carries no sentence punctuation; `（一）…。` is a run-in lead of a paragraph instead.
  // A short heading line may still end in one 。 (`一、城市工作的情况。`) when nothing follows it.
  const after = h ? text.slice(h.length) : '';
  const core = l.chars.length <= SHORT_HEADING ? after.replace(/[。.]$/, '') : after;
  if (h && l.chars.length <= MAX_HEADING_LENGTH && !HEADING_FORBIDDEN.test(core) && (after === '' || core !== '')) {
    const markerEnd = [...text.slice(0, h.length)].length;
    const node: Heading = { type: 'heading', depth: h.depth, marker: h.marker, children: buildInlines(l, markerEnd, l.chars.length) };
    if (h.kind) node.kind = h.kind;
    if (position) node.position = position;
    return node;
  }
  return buildParagraph(l);
}

/** A paragraph with its run-in leads. */
export function buildParagraph(l: PreparedLine): Paragraph {
  const children: Inline[] = [];
  let i = 0;
  for (const s of findLeads(l.text, l.chars, l.bold)) {
    if (s.start > i) children.push(...buildInlines(l, i, s.start));
    const lead: Lead = { type: 'lead', kind: s.kind, marker: s.marker, children: buildInlines(withoutEmphasis(l), s.start, s.end) };
    if (s.depth) lead.depth = s.depth;
    const pos = spanPosition(l, s.start, s.end);
    if (pos) lead.position = pos;
    children.push(lead);
    i = s.end;
  }
  if (i < l.chars.length) children.push(...buildInlines(l, i, l.chars.length));
  const node: Paragraph = { type: 'paragraph', children };
  const position = spanPosition(l, 0, l.chars.length);
  if (position) node.position = position;
  return node;
}

/** A lead is already set apart; emphasis inside it would only nest the same emphasis again. */
function withoutEmphasis(l: PreparedLine): PreparedLine {
  return { ...l, emphasis: [] };
}
