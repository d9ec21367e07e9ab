/**
 * Test helpers for the DOCX renderer: a FontSet over the bundled fonts (until the fonts module
 * lands) and zip access to a rendered file. Models are in speeches.ts.
 */
import { join, resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { FontRole } from '../../src/fonts/roles.ts';
import type { FaceInfo, FontSet, LoadedFace } from '../../src/fonts/types.ts';
import { bundledFace } from '../helpers/bundled-face.ts';
import type { Speech } from '../../src/model/types.ts';
import type { Preset } from '../../src/style/preset.ts';
import { styleSpeech } from '../../src/style/style-speech.ts';
import { createMeasurer } from '../../src/fonts/measurer.ts';
import { renderDocx, type DocxOptions } from '../../src/render/docx/render-docx.ts';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
const NM = join(ROOT, 'node_modules');

/** The bundled font files by short name. */
export const BUNDLED = {
  serif: join(NM, '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  serifBlack: join(NM, '@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf'),
  sans: join(NM, '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  kai: join(NM, '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff'),
  tinos: join(NM, '@fontsource/tinos/files/tinos-latin-400-normal.woff'),
} as const;

/** Load one bundled face (parsed once per process). */
export function loadFace(file: string, overrides: Partial<FaceInfo> = {}): LoadedFace {
  return bundledFace(file, overrides);
}

/** A FontSet over the bundled faces, with optional per-role overrides. */
export function bundledFontSet(override: Partial<Record<FontRole, LoadedFace>> = {}): FontSet {
  const serif = loadFace(BUNDLED.serif);
  const kai = loadFace(BUNDLED.kai);
  const roles: Record<FontRole, LoadedFace> = {
    title: loadFace(BUNDLED.serifBlack),
    body: serif,
    heading1: loadFace(BUNDLED.sans),
    heading2: kai,
    heading3: serif,
    lead: kai,
    titleBlock: kai,
    pageNumber: serif,
    latin: loadFace(BUNDLED.tinos),
    ...override,
  };
  const chain = [serif, loadFace(BUNDLED.sans)];
  return {
    role: (r) => roles[r],
    faceFor: (r, cp) => [roles[r], ...chain].find((f) => f.font.hasGlyphForCodePoint(cp)),
    faces: () => [...new Set([...Object.values(roles), ...chain])],
    describe: () => Object.entries(roles).map(([r, f]) => `${r}: ${f.info.postscriptName}`),
  };
}

/** The entries of a DOCX as text (XML parts) or bytes. */
export function unzipDocx(bytes: Uint8Array): { names: string[]; text(name: string): string; bytes(name: string): Uint8Array } {
  const files = unzipSync(bytes);
  return {
    names: Object.keys(files),
    text: (n) => {
      const f = files[n];
      if (!f) throw new Error(`no ${n} in the package`);
      return strFromU8(f);
    },
    bytes: (n) => files[n]!,
  };
}

/** The `<w:style>` element with the given id. */
export function styleXml(xml: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(xml);
  if (!m) throw new Error(`style ${id} missing`);
  return m[0];
}

/** Style a speech with `options.preset` and write it as DOCX: the pipeline's two steps. */
export function docxOf(speech: Speech, options: Omit<DocxOptions, 'fonts'> & { preset: Preset; fonts: FontSet }) {
  const { preset, ...rest } = options;
  return renderDocx(styleSpeech(speech, preset, createMeasurer(options.fonts)).value, rest);
}
