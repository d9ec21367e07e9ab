/**
 * A FontSet over the bundled font files, parsed once per process, for renderer tests that must not
 * depend on the fonts module. Keys: `serif` (Noto Serif SC), `kai` (LXGW WenKai), `latin` (Tinos).
 */
import { join, resolve } from 'node:path';
import type { FontSet, LoadedFace } from '../../src/fonts/types.ts';
import { bundledFace } from '../helpers/bundled-face.ts';
import type { FontRole } from '../../src/fonts/roles.ts';
import type { Measurer } from '../../src/layout/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');

const FILES: Record<string, string> = {
  serif: 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  kai: 'node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff',
  latin: 'node_modules/@fontsource/tinos/files/tinos-latin-400-normal.woff',
};

let cached: FontSet | undefined;

function load(key: string, rel: string): LoadedFace {
  return bundledFace(join(ROOT, rel), { weight: 400 }, key);
}

/** The test font set (every role served by `serif`, falling back to `kai`, then `latin`). */
export function testFonts(): FontSet {
  if (cached) return cached;
  const faces = Object.entries(FILES).map(([k, f]) => load(k, f));
  const [serif] = faces as [LoadedFace];
  cached = {
    role: () => serif,
    faceFor: (_role, cp) => faces.find((f) => f.font.hasGlyphForCodePoint(cp)),
    faces: () => faces,
    describe: () => faces.map((f) => `${f.key}: ${f.info.postscriptName}`),
  };
  return cached;
}

/** Advance of `text` in face `key`, in em (fontkit layout, kerned). */
export function advanceEm(key: string, text: string): number {
  const face = testFonts().faces().find((f) => f.key === key)!;
  return face.font.layout(text).advanceWidth / face.font.unitsPerEm;
}

/** Face per role in the test set: 楷体 roles get WenKai, Latin gets Tinos, the rest Noto Serif SC. */
const ROLE_FACE: Record<string, string> = { heading2: 'kai', heading3: 'kai', titleBlock: 'kai', latin: 'latin' };

/** A Measurer over the test fonts (until the fonts module provides `createMeasurer`). */
export function testMeasurer(): Measurer {
  const faces = testFonts().faces();
  const byKey = new Map(faces.map((f) => [f.key, f]));
  const roleFace = (role: FontRole) => byKey.get(ROLE_FACE[role] ?? 'serif')!;
  return {
    faceFor(role, cp) {
      const own = roleFace(role);
      if (own.font.hasGlyphForCodePoint(cp)) return own.key;
      return faces.find((f) => f.font.hasGlyphForCodePoint(cp))?.key;
    },
    advance: (key, text) => advanceEm(key, text),
    metrics(key) {
      const f = byKey.get(key)!.font;
      return { ascent: f.ascent / f.unitsPerEm, descent: f.descent / f.unitsPerEm };
    },
    roleFace: (role) => roleFace(role).key,
  };
}
