/**
 * Every printed character of a speech with the role it is set in, in document order — the same
 * role choices the layout makes (title block, heading roles by depth, run-in leads, body).
 */
import type { Block, Inline, Point, Position, Speech } from '../model/types.ts';
import type { Preset } from '../style/preset.ts';
import type { FontRole } from './roles.ts';

/** One character occurrence. */
export interface CharUse {
  /** The code point. */
  cp: number;
  /** Role of the text around it (Latin letters and digits are drawn in `latin` first). */
  role: FontRole;
  /** Source position of the character, or of its node when the text was rewritten. */
  position?: Position;
}

/** Characters never drawn with a glyph: default-ignorables (VS, ZWJ), controls and spaces. */
const IGNORED = /[\p{Default_Ignorable_Code_Point}\p{Cc}\s]/u;

/** Whether a character is set in the Western face (digits and Latin letters). */
export function isLatinChar(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7);
}

function* chars(text: string, role: FontRole, position?: Position): Generator<CharUse> {
  const start = position?.start;
  // Point at the character itself when the node's span is the text as written on one line.
  const exact = !!start && position.end.line === start.line && position.end.column - start.column === [...text].length;
  let col = 0;
  let unit = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!IGNORED.test(ch)) {
      if (exact && start) {
        const at: Point = { line: start.line, column: start.column + col };
        if (start.offset !== undefined) at.offset = start.offset + unit;
        yield { cp, role, position: { start: at, end: { ...at, column: at.column + 1 } } };
      } else yield position ? { cp, role, position } : { cp, role };
    }
    col++;
    unit += ch.length;
  }
}

function* inlines(nodes: readonly Inline[], role: FontRole, preset: Preset): Generator<CharUse> {
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'placeholder') yield* chars(n.value, role, n.position);
    else if (n.type === 'emphasis') yield* inlines(n.children, role, preset);
    else if (n.type === 'lead') {
      const r = preset.leadStyle !== 'role' ? role : n.kind === 'heading' ? preset.headingRoles[n.depth ?? 2] : 'lead';
      yield* inlines(n.children, r, preset);
    }
  }
}

function* block(b: Block, preset: Preset): Generator<CharUse> {
  if (b.type === 'heading') {
    const role = preset.headingRoles[b.depth];
    yield* chars(b.marker, role, b.position);
    yield* inlines(b.children, role, preset);
  } else if (b.type === 'table') {
    for (const row of b.children) for (const cell of row.children) yield* inlines(cell.children, 'body', preset);
  } else yield* inlines(b.children, 'body', preset);
}

/** Every printed character of the speech, with its role and position. */
export function* speechChars(speech: Speech, preset: Preset): Generator<CharUse> {
  const m = speech.meta;
  const at = m.positions ?? {};
  yield* chars(m.title, 'title', at.title);
  for (const f of ['subtitle', 'speaker', 'date'] as const) {
    const v = m[f];
    if (v) yield* chars(v, 'titleBlock', at[f]);
  }
  if (preset.printOriginalTitle && m.originalTitle) yield* chars(m.originalTitle, 'titleBlock', at.originalTitle);
  for (const b of speech.children) yield* block(b, preset);
  if (preset.printCredits) for (const c of m.credits) yield* chars(`${c.label}：${c.value}`, 'body', c.position);
}
