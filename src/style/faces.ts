/**
 * Faces per character: a cell character (Han, CJK punctuation) is drawn by its run's font role,
 * a Latin letter, digit or ASCII mark by the `latin` role, each through that role's fallback chain.
 * Text is split into runs wherever the drawing face changes. A character no face has is drawn
 * with the role's own face (a blank or box) and flagged `missing`; the stage reports it once.
 */
import { faceCacheOf, type FaceCache } from '../fonts/face-cache.ts';
import { latinRoleOf, type FontRole } from '../fonts/roles.ts';
import type { Point, Position } from '../model/types.ts';
import { isCellChar, ridesAlongCp } from './cell-chars.ts';
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

/**
 * Split looked-at text into runs of one drawing face each. Each run's text is one slice of its
 * piece (runs partition the piece), cut when the next run starts.
 */
export function splitByFace(pieces: readonly LookedText[], faces: FacePicker): StyledRun[] {
  const runs: StyledRun[] = [];
  for (let span = 0; span < pieces.length; span++) {
    const piece = pieces[span]!;
    const { look, text } = piece;
    const latinRole = latinRoleOf(look.fontRole);
    let open: StyledRun | undefined;
    let from = 0;
    let col = 0;
    for (let unit = 0; unit < text.length; col++) {
      const cp = text.codePointAt(unit)!;
      const units = cp > 0xffff ? 2 : 1;
      if (!open || !ridesAlongCp(cp)) {
        // Latin and digits take the role's own face where it has the weight (titles, 黑体/楷体 levels): fonts/roles.ts.
        const faceRole: FontRole = isCellChar(cp) ? look.fontRole : latinRole;
        let faceKey = faces.faceFor(faceRole, cp);
        const missing = faceKey === undefined && !ridesAlongCp(cp) && !/\s/u.test(String.fromCodePoint(cp));
        if (missing) faces.noteMissing(cp, faceRole, charPosition(piece.position, text, col, unit));
        faceKey ??= faces.roleFace(faceRole);
        if (!open || open.faceKey !== faceKey || (open.missing ?? false) !== missing || open.faceRole !== faceRole) {
          if (open) open.text = text.slice(from, unit);
          from = unit;
          // Drawn by the face of the text around it (a small form the latin face lacks) is no fallback.
          const fallback = !missing && faceKey !== faces.roleFace(faceRole) && faceKey !== faces.roleFace(look.fontRole);
          open = {
            text: '', role: look.role, emphasis: look.emphasis, placeholder: look.placeholder, fontRole: look.fontRole,
            faceRole, span, faceKey, sizePt: look.sizePt, bold: look.bold, fauxBold: look.bold,
          };
          if (look.depth) open.depth = look.depth;
          if (missing) open.missing = true;
          if (fallback) open.fallback = true;
          if (piece.position) open.position = piece.position;
          runs.push(open);
        }
      }
      unit += units;
    }
    if (open) open.text = text.slice(from);
  }
  return runs;
}
