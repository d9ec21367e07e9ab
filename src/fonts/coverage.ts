/**
 * Which characters of a speech no face can draw (warning: they print as blanks or boxes) and which
 * a fallback face draws (info: they print in a different style from their neighbours).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Position, Speech } from '../model/types.ts';
import type { Preset } from '../style/preset.ts';
import type { FontRole } from './roles.ts';
import type { FontSet, LoadedFace } from './types.ts';
import { isLatinChar, speechChars } from './text-walk.ts';
import { displayName } from './font-set.ts';

/** `U+20000` form of a code point. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The face drawing a character of a role: Latin letters and digits try the Western face first. */
export function drawingFace(fontSet: FontSet, role: FontRole, cp: number): LoadedFace | undefined {
  if (isLatinChar(cp)) {
    const latin = fontSet.role('latin');
    if (latin.font.hasGlyphForCodePoint(cp)) return latin;
  }
  return fontSet.faceFor(role, cp);
}

/** One role's characters drawn by another face. */
export interface FallbackUse {
  /** The role whose face lacks the characters. */
  role: FontRole;
  /** The face that draws them instead. */
  face: LoadedFace;
  /** The characters, in order of first use. */
  chars: string[];
  /** Where the first of them is. */
  position?: Position;
}

/** Characters no face has, and characters drawn by fallback faces, each in order of first use. */
export function coverageOf(speech: Speech, preset: Preset, fontSet: FontSet): {
  missing: { cp: number; role: FontRole; position?: Position }[];
  fallbacks: FallbackUse[];
} {
  const missing: { cp: number; role: FontRole; position?: Position }[] = [];
  const seenMissing = new Set<number>();
  const fallbacks = new Map<string, FallbackUse>();
  const seen = new Set<string>();
  for (const use of speechChars(speech, preset)) {
    const id = `${use.role}:${use.cp}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const face = drawingFace(fontSet, use.role, use.cp);
    if (!face) {
      if (!seenMissing.has(use.cp)) {
        seenMissing.add(use.cp);
        missing.push(use.position ? { cp: use.cp, role: use.role, position: use.position } : { cp: use.cp, role: use.role });
      }
      continue;
    }
    if (face.key === fontSet.role(use.role).key || face.key === fontSet.role('latin').key) continue;
    const k = `${use.role}:${face.key}`;
    let f = fallbacks.get(k);
    if (!f) {
      f = { role: use.role, face, chars: [] };
      if (use.position) f.position = use.position;
      fallbacks.set(k, f);
    }
    f.chars.push(String.fromCodePoint(use.cp));
  }
  return { missing, fallbacks: [...fallbacks.values()] };
}

/** Coverage diagnostics: `fonts/missing-glyph` (warning) per character, `fonts/fallback` (info) per role and face. */
export function checkCoverage(speech: Speech, preset: Preset, fontSet: FontSet): Diagnostic[] {
  const { missing, fallbacks } = coverageOf(speech, preset, fontSet);
  const out: Diagnostic[] = [];
  for (const m of missing) {
    out.push(
      diagnostic('warning', 'fonts/missing-glyph', `没有字体包含字符“${String.fromCodePoint(m.cp)}”（${codePointLabel(m.cp)}），将显示为空白或方框`, m.position,
        '安装或用 --font 指定含有该字的字体，或改写该字'),
    );
  }
  for (const f of fallbacks) {
    // A long list says nothing more; `speechdoc fonts <file>` lists them all.
    const shown = f.chars.length > 20 ? `${f.chars.slice(0, 20).join('')}”等 ${f.chars.length} 字` : `${f.chars.join('')}”`;
    out.push(
      diagnostic('info', 'fonts/fallback', `${f.role} 字体 ${displayName(fontSet.role(f.role))} 缺少“${shown}，改用 ${displayName(f.face)}`, f.position),
    );
  }
  return out;
}
