/**
 * The printed text of a speech as units (a title-block line, a heading, a paragraph, a table cell),
 * each remembering which node every character came from, so a rule that finds something at character
 * 37 of a paragraph can report the source line and column of that character.
 */
import type { Block, Inline, Position, Speech } from '../model/types.ts';

/** A stretch of a unit's text that came from one place. */
export interface Segment {
  /** The characters. */
  value: string;
  /** UTF-16 index of the first character within the unit's text. */
  start: number;
  /** Source span of the stretch, when known. */
  position?: Position;
  /** What the stretch is: plain text (a text node or a meta string), a placeholder, or a heading marker. */
  kind: 'text' | 'placeholder' | 'marker';
}

/** One unit of printed text. */
export interface TextUnit {
  /** Where the text is printed. */
  kind: 'meta' | 'heading' | 'paragraph' | 'salutation' | 'tableCell';
  /** The whole text. */
  text: string;
  /** The text in source order, by origin. */
  segments: Segment[];
  /** Source span of the whole unit, when known. */
  position?: Position;
  /** The block the unit belongs to (absent for title-block lines). */
  block?: Block;
}

const META_FIELDS = ['title', 'subtitle', 'speaker', 'date', 'occasion', 'originalTitle'] as const;

/** All text units of `speech` in reading order: title block first, then the body. */
export function textUnits(speech: Speech): TextUnit[] {
  const units: TextUnit[] = [];
  const m = speech.meta;
  for (const field of META_FIELDS) {
    const value = m[field];
    if (!value) continue;
    const position = field === 'occasion' ? undefined : m.positions?.[field];
    units.push(unit('meta', [{ value, start: 0, kind: 'text', ...(position && { position }) }], position));
  }
  // Title-block notes and the furniture of an official text are printed too: the same rules apply
  // (a 文号 written 〔2024〕05号, a placeholder left in the 落款).
  const f = m.furniture;
  const extra = [
    ...(m.notes ?? []).map((text) => ({ text })),
    ...[f?.issuer, f?.docNumber, f?.addressee, f?.issuedTitle].flatMap((l) => (l ? [l] : [])),
    ...(f?.attachments ?? []),
    ...(f?.signature ?? []),
    ...(f?.signedDate ? [f.signedDate] : []),
  ] as Array<{ text: string; position?: Position }>;
  for (const l of extra) {
    if (!l.text) continue;
    units.push(unit('meta', [{ value: l.text, start: 0, kind: 'text', ...(l.position && { position: l.position }) }], l.position));
  }
  for (const block of speech.children) {
    if (block.type === 'table') {
      for (const row of block.children) {
        for (const cell of row.children) units.push(unit('tableCell', flatten(cell.children), cell.position, block));
      }
      continue;
    }
    const lead: Segment[] = block.type === 'heading' && block.marker ? [{ value: block.marker, start: 0, kind: 'marker', ...(block.position && { position: block.position }) }] : [];
    units.push(unit(block.type, flatten(block.children, lead), block.position, block));
  }
  return units;
}

function unit(kind: TextUnit['kind'], segments: Segment[], position?: Position, block?: Block): TextUnit {
  const u: TextUnit = { kind, text: segments.map((s) => s.value).join(''), segments };
  if (position) u.position = position;
  if (block) u.block = block;
  return u;
}

function flatten(nodes: readonly Inline[], out: Segment[] = []): Segment[] {
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'placeholder') {
      const last = out[out.length - 1];
      const start = last ? last.start + last.value.length : 0;
      out.push({ value: n.value, start, kind: n.type, ...(n.position && { position: n.position }) });
    } else flatten(n.children, out);
  }
  return out;
}

/**
 * Source span of `length` UTF-16 units at `index` of the unit's text. Columns are counted from the
 * start of the segment (or unit) holding the index, which is exact for single-line nodes; a node that
 * spans lines gives its own span.
 */
export function positionAt(u: TextUnit, index: number, length = 1): Position | undefined {
  const seg = u.segments.find((s) => index >= s.start && index < s.start + s.value.length) ?? u.segments[u.segments.length - 1];
  const [base, from, text] = seg?.position ? [seg.position, seg.start, seg.value] : [u.position, 0, u.text];
  if (!base) return undefined;
  if (base.start.line !== base.end.line) return base;
  const before = text.slice(0, index - from);
  const match = text.slice(index - from, index - from + length);
  const column = base.start.column + [...before].length;
  const startOffset = base.start.offset === undefined ? undefined : base.start.offset + before.length;
  const start = { line: base.start.line, column, ...(startOffset !== undefined && { offset: startOffset }) };
  const end = { line: base.start.line, column: column + [...match].length, ...(startOffset !== undefined && { offset: startOffset + match.length }) };
  return { start, end };
}
