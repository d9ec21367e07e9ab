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

/**
 * How fonts reach the reader: `system` (default) names the standard faces of GB/T 9704 that Chinese
 * offices have, so what a user types stays in the face around it; `embed` embeds our faces for
 * readers without them (see embed-fonts.ts for the names they get).
 */
export type FontMode = 'embed' | 'system';

/** A face named in the font table with the fallbacks Word may use when it is not installed. */
export interface SystemFace {
  /** The name written in rFonts (what offices have installed). */
  name: string;
  /** The face every Chinese Windows has, which Word tries when `name` is missing (w:altName). */
  altName: string;
  /** Whether the face is a GB2312 (charset 86) font rather than a Latin one. */
  chinese: boolean;
}

/** The standard Office faces of GB/T 9704 per role, for `fontMode: 'system'`. */
export const SYSTEM_FACES: Record<FontRole, SystemFace> = {
  // Windows has no 小标宋; 宋体 is the serif face closest to it on every Chinese Windows.
  title: { name: '方正小标宋简体', altName: '宋体', chinese: true },
  body: { name: '仿宋_GB2312', altName: '仿宋', chinese: true },
  // 黑体 is itself the Windows face; SimHei is its English name, which Word on other locales lists.
  heading1: { name: '黑体', altName: 'SimHei', chinese: true },
  heading2: { name: '楷体_GB2312', altName: '楷体', chinese: true },
  heading3: { name: '仿宋_GB2312', altName: '仿宋', chinese: true },
  lead: { name: '楷体_GB2312', altName: '楷体', chinese: true },
  titleBlock: { name: '楷体_GB2312', altName: '楷体', chinese: true },
  pageNumber: { name: '宋体', altName: 'SimSun', chinese: true },
  latin: { name: 'Times New Roman', altName: 'Tinos', chinese: false },
};

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
