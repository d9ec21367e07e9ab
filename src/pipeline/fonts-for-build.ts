/**
 * The font set of a build, loaded once per process (and so once per worker thread) and shared by
 * every document that process renders.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FontSet } from '../fonts/types.ts';
import type { BuildOptions } from '../config/options.ts';
import { loadFontSet } from '../fonts/index.ts';

const cache = new Map<string, Promise<{ fontSet: FontSet; diagnostics: Diagnostic[] }>>();

/** The font set for these build options; the same promise for the same font settings. */
export function fontsForBuild(options: BuildOptions): Promise<{ fontSet: FontSet; diagnostics: Diagnostic[] }> {
  const key = JSON.stringify([options.fonts, options.fontsDir, options.systemFonts]);
  const cached = cache.get(key);
  if (cached) return cached;
  const p = loadFontSet({ fontsDir: options.fontsDir, overrides: options.fonts, useSystemFonts: options.systemFonts });
  cache.set(key, p);
  return p;
}
