/**
 * The fonts module's contract: what a resolved face is, and the font set a document is rendered
 * with. Layout measures through it, the PDF renderer registers its fontkit objects, the DOCX
 * renderer subsets its bytes — so measurement, drawing and embedding use the same font.
 */
import type { Font } from 'fontkit';
import type { FontRole } from './roles.ts';
import type { Position } from '../model/types.ts';

/** Where a face was found, in order of precedence when several match a name. */
export type FaceSource = 'config' | 'fonts-dir' | 'system' | 'bundled';

/** Embedding permission from OS/2 fsType. */
export type EmbeddingRights = 'installable' | 'editable' | 'preview-print' | 'restricted';

/** A concrete face on disk, as indexed (no parsed font object). */
export interface FaceInfo {
  /** Absolute path of the font file. */
  file: string;
  /** Face index inside a collection (.ttc); 0 for single fonts. */
  index: number;
  /** PostScript name, unique per face; selects the face of a collection. */
  postscriptName: string;
  /** Preferred family name (English where the font has one). */
  family: string;
  /** Every family/full name the font carries, all languages (仿宋_GB2312, FangSong…). */
  names: string[];
  /** usWeightClass (400 regular, 700 bold, 900 black). */
  weight: number;
  /** Outline technology: TrueType glyf or CFF. */
  outline: 'glyf' | 'cff';
  /** Container format of the file. */
  format: 'ttf' | 'otf' | 'ttc' | 'woff' | 'woff2';
  /** Embedding permission derived from fsType. */
  embedding: EmbeddingRights;
  /** Where the face was found. */
  source: FaceSource;
}

/** A face loaded for use: its index entry plus the parsed fontkit object (parsed once per process). */
export interface LoadedFace {
  /** Stable key for this face within a process: used as pdfkit's registered font name. */
  key: string;
  /** The index entry. */
  info: FaceInfo;
  /** The parsed font. */
  font: Font;
}

/** The faces a document is rendered with: one per role plus the fallback chain. */
export interface FontSet {
  /** The face serving a role (before any per-character fallback). */
  role(role: FontRole): LoadedFace;
  /**
   * The face that draws a code point in a role: the role's face if it has the glyph, else the first
   * face along the fallback chain (other configured CJK faces, then bundled faces) that has it;
   * undefined when no face has it.
   */
  faceFor(role: FontRole, codePoint: number): LoadedFace | undefined;
  /** Every distinct face the set may use, roles first, then fallbacks. */
  faces(): LoadedFace[];
  /** One line per role saying which face serves it and where it came from (for build logs). */
  describe(): string[];
}

/** Which face draws a character of a role — what the style stage asks of the fonts. */
export interface FaceLookup {
  /** Key of the face that draws `codePoint` in `role` (after fallback); undefined if none can. */
  faceFor(role: FontRole, codePoint: number): string | undefined;
  /** Key of the face serving a role before any fallback; without it callers probe `faceFor`. */
  roleFace?(role: FontRole): string;
  /** Name of a face as users know it (仿宋_GB2312, 霞鹜文楷…), for messages; the key when absent. */
  faceName?(faceKey: string): string;
}

/** Text measurement, injected so unit tests can use a fake font with fixed advances. */
export interface Measurer extends FaceLookup {
  /** Advance width of `text` set in face `faceKey`, in em (multiply by the size in pt). Kerned for Latin runs. */
  advance(faceKey: string, text: string): number;
  /** Ascent and descent (negative) of a face, in em. */
  metrics(faceKey: string): { ascent: number; descent: number };
  /**
   * Horizontal extents (em, left to right, overlapping contours merged) of the ink of a code point's
   * glyph in a face: the three dots of …, the one bar of —. Optional: without it ——/…… are placed
   * by their advances alone.
   */
  inkSpans?(faceKey: string, codePoint: number): readonly (readonly [number, number])[];
}

/** What a document's text needs of the faces: read off the style stage's runs (style/coverage.ts). */
export interface GlyphCoverage {
  /** Characters no face has, each once, in order of first use. */
  missing: { cp: number; role: FontRole; position?: Position }[];
  /** Characters drawn by a face other than their role's, per role and face, in order of first use. */
  fallbacks: { role: FontRole; faceKey: string; chars: string[]; position?: Position }[];
}
