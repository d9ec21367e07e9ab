/** A user's font request: a family/full name, or a file path with an optional collection face. */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { FaceSelector } from './load-font.ts';

/** A request by name. */
export interface FontNameSpec {
  /** Discriminant. */
  kind: 'name';
  /** Any family, full or PostScript name of the face. */
  name: string;
}

/** A request by file. */
export interface FontFileSpec {
  /** Discriminant. */
  kind: 'file';
  /** Absolute path of the file. */
  file: string;
  /** Face of a collection (index or PostScript name); undefined for the first. */
  face: FaceSelector | undefined;
}

/** A parsed font request. */
export type FontSpec = FontNameSpec | FontFileSpec;

const FONT_EXT = /\.(ttf|otf|ttc|otc|woff2?|dfont)$/i;

/**
 * Parse `NameOrPath`: `path`, `path#PostScriptName` or `path#index` name a file (a request is a
 * path when it has a font extension, a slash, or names an existing file); anything else is a name.
 */
export function parseFontSpec(spec: string, cwd: string): FontSpec {
  const s = spec.trim();
  // A file whose name really contains '#' is taken whole.
  const hash = existsSync(resolve(cwd, s)) ? -1 : s.lastIndexOf('#');
  const base = hash > 0 ? s.slice(0, hash) : s;
  const looksLikePath = FONT_EXT.test(base) || /[\\/]/.test(base) || existsSync(resolve(cwd, base));
  if (!looksLikePath) return { kind: 'name', name: s };
  const file = isAbsolute(base) ? base : resolve(cwd, base);
  if (hash <= 0) return { kind: 'file', file, face: undefined };
  const sel = s.slice(hash + 1);
  return { kind: 'file', file, face: /^\d+$/.test(sel) ? Number(sel) : sel };
}
