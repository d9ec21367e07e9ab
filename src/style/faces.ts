/**
 * Faces per character: a cell character (Han, CJK punctuation) is drawn by its run's font role,
 * a Latin letter, digit or ASCII mark by the `latin` role, each through that role's fallback chain.
 * Text is split into runs wherever the drawing face changes. A character no face has is drawn
 * with the role's own face (a blank or box) and flagged `missing`; the stage reports it once.
 */
import { faceCacheOf, type FaceCache } from '../fonts/face-cache.ts';
import { latinRoleOf, type FontRole } from '../fonts/roles.ts';
import type { Point, Position } from '../model/types.ts';
import { isCellChar, ridesAlong } from './cell-chars.ts';
import type { LookedText } from './looks.ts';
import type { FaceLookup, MissingGlyph, StyledRun } from './types.ts';

/** The faces of one styling run: the lookup's cached answers, and the characters no face has. */
export class FacePicker {
  private readonly cache: FaceCache;
  /** Characters no face has, in order of first use. */
  readonly missing: MissingGlyph[] = [];
  private readonly seenMissing = new Set<number>();

  constructor(lookup: FaceLookup) {
    this.cache = faceCacheOf(lookup);
  }

  /** The face serving a role before fallback. */
  roleFace(role: FontRole): string {
    return this.cache.roleFace(role);
  }

  /** The face drawing `cp` in `role`, or undefined when no face has it. */
  faceFor(role: FontRole, cp: number): string | undefined {
    return this.cache.faceFor(role, cp);
  }

  /** Note a character no face has (kept once, at its first use). */
  noteMissing(cp: number, role: FontRole, position: Position | undefined): void {
    if (this.seenMissing.has(cp)) return;
    this.seenMissing.add(cp);
    this.missing.push(position ? { cp, role, position } : { cp, role });
  }
}

/** The span of one character, when the node's span is its text as written on one line. */
function charPosition(position: Position | undefined, text: string, col: number, unit: number): Position | undefined {
  const start = position?.start;
  if (!start || !position) return position;
  if (position.end.line !== start.line || position.end.column - start.column !== [...text].length) return position;
  const at: Point = { line: start.line, column: start.column + col };
  if (start.offset !== undefined) at.offset = start.offset + unit;
  return { start: at, end: { ...at, column: at.column + 1 } };
}

/** Split looked-at text into runs of one drawing face each. */
export function splitByFace(pieces: readonly LookedText[], faces: FacePicker): StyledRun[] {
  const runs: StyledRun[] = [];
  for (const [span, piece] of pieces.entries()) {
    const { look } = piece;
    let open: StyledRun | undefined;
    let col = 0;
    let unit = 0;
    for (const ch of piece.text) {
      const cp = ch.codePointAt(0)!;
      if (open && ridesAlong(ch)) {
        open.text += ch;
      } else {
        // Latin and digits take the role's own face where it has the weight (titles, 黑体/楷体 levels): fonts/roles.ts.
        const faceRole: FontRole = isCellChar(cp) ? look.fontRole : latinRoleOf(look.fontRole);
        let faceKey = faces.faceFor(faceRole, cp);
        const missing = faceKey === undefined && !ridesAlong(ch) && !/\s/u.test(ch);
        if (missing) faces.noteMissing(cp, faceRole, charPosition(piece.position, piece.text, col, unit));
        faceKey ??= faces.roleFace(faceRole);
        if (open && open.faceKey === faceKey && (open.missing ?? false) === missing && open.faceRole === faceRole) open.text += ch;
        else {
          // Drawn by the face of the text around it (a small form the latin face lacks) is no fallback.
          const fallback = !missing && faceKey !== faces.roleFace(faceRole) && faceKey !== faces.roleFace(look.fontRole);
          open = {
            text: ch, role: look.role, emphasis: look.emphasis, placeholder: look.placeholder, fontRole: look.fontRole,
            faceRole, span, faceKey, sizePt: look.sizePt, bold: look.bold, fauxBold: look.bold,
          };
          if (look.depth) open.depth = look.depth;
          if (missing) open.missing = true;
          if (fallback) open.fallback = true;
          if (piece.position) open.position = piece.position;
          runs.push(open);
        }
      }
      col++;
      unit += ch.length;
    }
  }
  return runs;
}
