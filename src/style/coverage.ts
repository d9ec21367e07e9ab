/**
 * Glyph coverage, read off a styled speech: characters no face has (warning: they print as blanks
 * or boxes) and characters a fallback face draws (info: they print in a different style from their
 * neighbours). The DOCX renderer, the PDF and `speechdoc fonts` all see the same faces because
 * they all read the same runs.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Speech } from '../model/types.ts';
import type { GlyphCoverage, FontSet } from '../fonts/types.ts';
import { createMeasurer } from '../fonts/measurer.ts';
import type { Preset } from './preset.ts';
import { styleSpeech } from './style-speech.ts';
import type { FaceLookup, MissingGlyph, StyledRun, StyledSpeech } from './types.ts';

/** `U+20000` form of a code point. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One role's characters drawn by another face. */
export type FallbackUse = GlyphCoverage['fallbacks'][number];

/** Every run of a styled speech, in reading order. */
export function* styledRuns(styled: StyledSpeech): Generator<StyledRun> {
  for (const b of styled.blocks) {
    if (b.type === 'text') yield* b.runs;
    else for (const row of b.rows) for (const cell of row.cells) yield* cell.runs;
  }
}

/** Characters drawn by fallback faces, grouped by role and face, in order of first use. */
export function fallbackUses(styled: StyledSpeech): FallbackUse[] {
  const uses = new Map<string, FallbackUse & { seen: Set<string> }>();
  for (const run of styledRuns(styled)) {
    if (!run.fallback) continue;
    const k = `${run.faceRole}:${run.faceKey}`;
    let u = uses.get(k);
    if (!u) {
      u = { role: run.faceRole, faceKey: run.faceKey, chars: [], seen: new Set(), ...(run.position ? { position: run.position } : {}) };
      uses.set(k, u);
    }
    for (const ch of run.text) {
      if (/[\p{Default_Ignorable_Code_Point}\p{Cc}]/u.test(ch) || u.seen.has(ch)) continue;
      u.seen.add(ch);
      u.chars.push(ch);
    }
  }
  return [...uses.values()].map(({ seen: _seen, ...u }) => u);
}

/** The warning for a character no face has. */
export function missingGlyph(m: MissingGlyph): Diagnostic {
  return diagnostic('warning', 'fonts/missing-glyph', `没有字体包含字符“${String.fromCodePoint(m.cp)}”（${codePointLabel(m.cp)}），将显示为空白或方框`, m.position,
    '安装或用 --font 指定含有该字的字体，或改写该字');
}

/** `fonts/missing-glyph` (warning) per character and `fonts/fallback` (info) per role and face. */
export function coverageDiagnostics(styled: StyledSpeech, fonts: FaceLookup): Diagnostic[] {
  const name = (key: string) => fonts.faceName?.(key) ?? key;
  const out = styled.missing.map(missingGlyph);
  for (const f of fallbackUses(styled)) {
    // A long list says nothing more; `speechdoc fonts <file>` lists them all.
    const shown = f.chars.length > 20 ? `${f.chars.slice(0, 20).join('')}”等 ${f.chars.length} 字` : `${f.chars.join('')}”`;
    const own = fonts.roleFace?.(f.role);
    out.push(diagnostic('info', 'fonts/fallback', `${f.role} 字体 ${own ? name(own) : f.role} 缺少“${shown}，改用 ${name(f.faceKey)}`, f.position));
  }
  return out;
}

/** The coverage of a styled speech: what `speechdoc fonts <file>` reports. */
export function coverageOf(styled: StyledSpeech): GlyphCoverage {
  return { missing: styled.missing, fallbacks: fallbackUses(styled) };
}

/** Style a speech with a font set and read its coverage (the `fonts` command's one call). */
export function documentCoverage(speech: Speech, preset: Preset, fontSet: FontSet): GlyphCoverage {
  return coverageOf(styleSpeech(speech, preset, createMeasurer(fontSet)).value);
}
