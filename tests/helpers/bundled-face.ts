/**
 * One bundled font file as a LoadedFace, for renderer tests that build their own FontSet.
 * Fonts are opened through the fonts module's per-process cache, so WOFF files are unpacked once
 * (fontkit alone re-inflates them for every glyph) and every test sees the same font objects.
 */
import type { FaceInfo, LoadedFace } from '../../src/fonts/types.ts';
import { openFace } from '../../src/fonts/load-font.ts';

const faces = new Map<string, LoadedFace>();

/** The face in `file` (absolute), keyed `key` (default: its PostScript name), with index fields overridden. */
export function bundledFace(file: string, overrides: Partial<FaceInfo> = {}, key?: string): LoadedFace {
  const k = `${file}\u0000${key ?? ''}\u0000${JSON.stringify(overrides)}`;
  const hit = faces.get(k);
  if (hit) return hit;
  const opened = openFace(file);
  if (!opened) throw new Error(`[tests] cannot open ${file}`);
  const font = opened.font;
  const face: LoadedFace = {
    key: key ?? `${font.postscriptName}${overrides.embedding ?? ''}`,
    font,
    info: {
      file,
      index: 0,
      postscriptName: font.postscriptName,
      family: font.familyName,
      names: [font.familyName],
      weight: (font as unknown as { 'OS/2': { usWeightClass: number } })['OS/2'].usWeightClass,
      outline: 'glyf',
      format: file.endsWith('.woff') ? 'woff' : 'ttf',
      embedding: 'installable',
      source: 'bundled',
      ...overrides,
    },
  };
  faces.set(k, face);
  return face;
}
