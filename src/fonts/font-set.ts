/** A FontSet from resolved role faces: per-character fallback and a description for build logs. */
import { relative, isAbsolute } from 'node:path';
import type { Font } from 'fontkit';
import { FONT_ROLES, type FontRole } from './roles.ts';
import type { FaceInfo, FontSet, LoadedFace } from './types.ts';

const keysByFace = new Map<string, string>();
const takenKeys = new Set<string>();

/**
 * A process-wide stable key for a face: its PostScript name, suffixed when another file already
 * uses that name (two weights of a webfont package may both call themselves "…-Regular").
 */
export function faceKey(info: Pick<FaceInfo, 'file' | 'index' | 'postscriptName'>): string {
  const id = `${info.file}#${info.index}`;
  let key = keysByFace.get(id);
  if (key) return key;
  const base = info.postscriptName.replace(/[^\x21-\x7e]/g, '_') || 'face';
  key = base;
  for (let n = 2; takenKeys.has(key); n++) key = `${base}-${n}`;
  keysByFace.set(id, key);
  takenKeys.add(key);
  return key;
}

/** Make a LoadedFace: the shared parsed font with this set's index entry. */
export function loadedFace(font: Font, info: FaceInfo): LoadedFace {
  return { key: faceKey(info), info, font };
}

/** The name a user knows a face by: its Chinese name when it has one, else its full name. */
export function displayName(face: LoadedFace): string {
  const zh = face.info.names.find((n) => /[\u3400-\u9fff]/.test(n));
  return zh ?? face.font.fullName ?? face.info.family;
}

/** Source as shown to users. */
export function sourceLabel(info: FaceInfo): string {
  return info.source === 'fonts-dir' ? 'fonts/' : info.source;
}

/** A path relative to cwd when it lies inside it. */
export function shortPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** Assemble a FontSet. `fallbacks` are tried, in order, after the role's own face and the other CJK role faces. */
export function createFontSet(roles: Record<FontRole, LoadedFace>, fallbacks: LoadedFace[], cwd = process.cwd()): FontSet {
  const distinct: LoadedFace[] = [];
  const add = (f: LoadedFace): void => {
    if (!distinct.some((d) => d.key === f.key)) distinct.push(f);
  };
  for (const r of FONT_ROLES) add(roles[r]);
  // Body first: a Han character in a Latin run should fall back to the text face, not the title's.
  const cjkRoleFaces = [roles.body, ...distinct.filter((f) => f !== roles.latin && f !== roles.body)];
  for (const f of fallbacks) add(f);
  const chains = new Map<FontRole, LoadedFace[]>();
  const memo = new Map<FontRole, Map<number, LoadedFace | undefined>>();
  const chain = (role: FontRole): LoadedFace[] => {
    let c = chains.get(role);
    if (!c) {
      c = [roles[role]];
      for (const f of [...cjkRoleFaces, ...fallbacks]) if (!c.some((x) => x.key === f.key)) c.push(f);
      chains.set(role, c);
    }
    return c;
  };
  return {
    role: (role) => roles[role],
    faceFor(role, cp) {
      let m = memo.get(role);
      if (!m) memo.set(role, (m = new Map()));
      if (m.has(cp)) return m.get(cp);
      const face = chain(role).find((f) => f.font.hasGlyphForCodePoint(cp));
      m.set(cp, face);
      return face;
    },
    faces: () => [...distinct],
    describe: () =>
      FONT_ROLES.map((r) => {
        const f = roles[r];
        const where = f.info.source === 'bundled' ? 'bundled' : `${shortPath(f.info.file, cwd)}, ${sourceLabel(f.info)}`;
        return `${r.padEnd(12)}${displayName(f)} (${where}, ${f.info.outline})`;
      }),
  };
}
