/**
 * Which characters each face has to draw, collected while the runs are built, so each embedded
 * subset holds exactly what the document shows (plus what Word may draw itself: digits, the dash,
 * the space, page-number text).
 */
import type { FontRole } from '../../fonts/roles.ts';
import type { FontSet, LoadedFace } from '../../fonts/types.ts';

/** Characters every subset carries: digits for fields, the 一字线, the space. */
export const ALWAYS_CHARS = '0123456789— ';

/** Below this code point a character may be drawn by the latin face (ascii/hAnsi slots, Latin punctuation). */
const LATIN_LIMIT = 0x2e80;

/** A face and the characters it draws. */
export interface FaceUsage {
  /** The face. */
  face: LoadedFace;
  /** Roles it serves (for messages). */
  roles: Set<FontRole>;
  /** Characters drawn with it. */
  chars: Set<string>;
}

/** Records character use per face. */
export class FontUsage {
  readonly #fonts: FontSet;
  readonly #byKey = new Map<string, FaceUsage>();
  /** Whether anything is recorded: only subsets need it, and a copy that embeds no face makes none. */
  readonly #recording: boolean;

  /** `recording` false: a copy that embeds nothing (every call returns at once, `faces()` is empty). */
  constructor(fonts: FontSet, recording = true) {
    this.#fonts = fonts;
    this.#recording = recording;
  }

  /** Record text set in a role whose role face draws it (fallback characters are recorded with `useFace`). */
  useRole(role: FontRole, text: string): void {
    if (!this.#recording) return;
    this.useFace(this.#fonts.role(role), text, role);
    // The ascii/hAnsi slots and LibreOffice's "weak" characters (quotes, dashes) may fall to the latin face.
    const latin = [...text].filter((ch) => ch.codePointAt(0)! < LATIN_LIMIT).join('');
    if (latin) this.useFace(this.#fonts.role('latin'), latin, 'latin');
  }

  /** Record text drawn with a particular face. */
  useFace(face: LoadedFace, text: string, role: FontRole): void {
    if (!this.#recording) return;
    let u = this.#byKey.get(face.key);
    if (!u) {
      u = { face, roles: new Set(), chars: new Set(ALWAYS_CHARS) };
      this.#byKey.set(face.key, u);
    }
    u.roles.add(role);
    for (const ch of text) u.chars.add(ch);
  }

  /** Every face used, in first-use order. */
  faces(): FaceUsage[] {
    return [...this.#byKey.values()];
  }
}
