/**
 * Which font name a role is written with in `w:rFonts` and `word/fontTable.xml`.
 *
 * Embedded fonts are matched by name: Word looks an embedded face up by its legacy family
 * (name id 1), LibreOffice by any family name fontconfig lists — name id 1 satisfies both. Using
 * id 1 rather than the preferred family (16) also keeps two weights of one family apart: Noto Serif
 * SC Regular is "Noto Serif SC" and its Black cut is "Noto Serif SC Black" (subtype Regular), so
 * body and title each get a regular face of their own family and no `w:b` trickery is needed.
 * Reference: ../shared/notes/typesetting.md §4.3; ECMA-376 17.8.3.
 */
import type { FontRole } from '../../fonts/roles.ts';
import type { FontSet, LoadedFace } from '../../fonts/types.ts';
import { OFFICE_FACES, type OfficeFace } from '../../fonts/standard-faces.ts';

/** How fonts reach the reader: embedded subsets of our faces, or the standard Office faces by name. */
export type FontMode = 'embed' | 'system';

/** A face named in the font table with the fallbacks Word may use when it is not installed. */
export type SystemFace = OfficeFace;

/** The standard Office faces of GB/T 9704 per role, for `fontMode: 'system'` (fonts/standard-faces.ts). */
export const SYSTEM_FACES: Record<FontRole, SystemFace> = OFFICE_FACES;

/** The legacy family name (name id 1, English) of a loaded face; the index's family as a fallback. */
export function faceFamily(face: LoadedFace): string {
  const records = (face.font as unknown as { name?: { records?: { fontFamily?: Record<string, string> } } }).name
    ?.records?.fontFamily;
  return records?.en ?? (records ? Object.values(records)[0] : undefined) ?? face.info.family;
}

/** Resolves role and face names for one render. */
export interface FontNamer {
  /** Name of the face serving a role. */
  role(role: FontRole): string;
  /** Name of a particular (fallback) face, or undefined in system mode where Word falls back itself. */
  face(face: LoadedFace): string | undefined;
}

/** Build the namer for a font mode. */
export function fontNamer(fonts: FontSet, mode: FontMode): FontNamer {
  if (mode === 'system') return { role: (r) => SYSTEM_FACES[r].name, face: () => undefined };
  return { role: (r) => faceFamily(fonts.role(r)), face: faceFamily };
}
