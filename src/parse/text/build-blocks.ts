/** Body blocks from prepared lines: headings, salutations, paragraphs with their leads, tables. */
import type { Block, Heading, Inline, Lead, Paragraph, Salutation } from '../../model/types.ts';
import { buildInlines, spanPosition } from './build-inlines.ts';
import { findLeads } from './find-leads.ts';
import { HEADING_FORBIDDEN, headingMarker, MAX_HEADING_LENGTH } from './markers.ts';
import { lineText, type PreparedLine } from './prepare-line.ts';

/** Words that make a short line ending in a colon a salutation (称呼). */
const ADDRESSEES = /同志|领导|来宾|嘉宾|朋友|代表|女士|先生|同学|老师|各位|大家|委员|战友|乡亲|家长|专家|企业家/;

/** Whether a line is a salutation: short, addresses people, ends with a colon, no sentence inside. */
export function isSalutation(text: string): boolean {
  return [...text].length <= 30 && /[：:]$/.test(text) && ADDRESSEES.test(text) && !/[。！？；，]/.test(text);
}

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
  // A heading carries no sentence punctuation; `（一）…。` is a run-in lead of a paragraph instead.
  if (h && l.chars.length <= MAX_HEADING_LENGTH && !HEADING_FORBIDDEN.test(text.slice(h.length))) {
    const markerEnd = [...text.slice(0, h.length)].length;
    const node: Heading = { type: 'heading', depth: h.depth, marker: h.marker, children: buildInlines(l, markerEnd, l.chars.length) };
    if (position) node.position = position;
    return node;
  }
  return buildParagraph(l);
}

/** A paragraph with its run-in leads. */
export function buildParagraph(l: PreparedLine): Paragraph {
  const children: Inline[] = [];
  let i = 0;
  for (const s of findLeads(l.chars, l.bold)) {
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
