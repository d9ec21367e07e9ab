/** Options of `loadFontSet`. */
import type { FontRole } from './roles.ts';

/** How to build a font set; every field is optional and defaults to the usual places. */
export interface FontSetOptions {
  /** Per-role face: a family/full name, or a path (`path#PostScriptName` or `path#index` for collections). */
  overrides?: Partial<Record<FontRole, string>>;
  /** The project's own font folder; default `<cwd>/fonts`. */
  fontsDir?: string;
  /** Look for installed system fonts (default true). */
  useSystemFonts?: boolean;
  /** System font folders to scan instead of the platform's usual ones (tests inject temp dirs). */
  systemDirs?: string[];
  /** Where the system font index is cached; default `$SPEECHDOC_CACHE_DIR`, `$XDG_CACHE_HOME/speechdoc` or `~/.cache/speechdoc`. */
  cacheDir?: string;
  /** Ask for the GB/T 9704 faces (方正小标宋简体, 仿宋_GB2312…) by name before the bundled ones (default true). */
  standardFaces?: boolean;
  /** Base for relative paths and for reports; default `process.cwd()`. */
  cwd?: string;
  /** Reads a font file's bytes while indexing (injected by tests to count reads). */
  readFile?: (file: string) => Uint8Array;
}
