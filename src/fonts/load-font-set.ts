/**
 * Build the FontSet of a run. Each role takes the first usable candidate of: the config's face
 * (name or path), the standard GB/T 9704 faces found in the fonts/ folder, then among system fonts,
 * then the bundled stand-in. Faces whose fsType forbids embedding are refused (a PDF must embed).
 */
import { resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { t } from '../i18n/index.ts';
import { FONT_ROLES, type FontRole } from './roles.ts';
import type { FaceInfo, FontSet, LoadedFace } from './types.ts';
import type { FontSetOptions } from './options.ts';
import { BUNDLED_FALLBACKS, BUNDLED_ROLES, bundledPath, type BundledFile } from './bundled.ts';
import type { Font } from 'fontkit';
import { openFace } from './load-font.ts';
import { dropUnusedAhead, prefetchFontFiles } from './shared-bytes.ts';
import { faceInfo } from './face-info.ts';
import { createFontSet, displayName, faceKey, loadedFace, shortPath } from './font-set.ts';
import { indexDirectory, indexFontFile } from './font-index.ts';
import { defaultCacheDir } from './cache-dir.ts';
import { defaultSystemFontDirs, systemFontIndex } from './system-index.ts';
import { bundledIndex } from './bundled-index.ts';
import { findFaceByName } from './find-face.ts';
import { parseFontSpec } from './font-spec.ts';
import { STANDARD_FACES } from './standard-faces.ts';

/** Load a bundled face (a missing npm dependency is an installation bug, so it throws). */
export function bundledFace(f: BundledFile): LoadedFace {
  const file = bundledPath(f);
  const opened = openFace(file, 0);
  if (!opened) throw new Error(`[fonts] cannot open bundled font ${file}`);
  return loadedFace(opened.font, faceInfo(opened.font, file, 0, 'bundled'));
}

/**
 * A bundled fallback that no role uses: indexed from its headers now, read and parsed only when a
 * character first reaches it down the fallback chain. Noto Sans SC Regular (10.5 MB) is such a
 * face with the bundled roles: Sans Medium (heading1) comes before it in every chain, so it was read
 * and parsed by every build and almost never drawn.
 */
function lazyBundledFace(f: BundledFile): LoadedFace {
  const file = bundledPath(f);
  const info = indexFontFile(file, 'bundled')[0];
  if (!info) throw new Error(`[fonts] cannot open bundled font ${file}`);
  let font: Font | undefined;
  return {
    key: faceKey(info),
    info,
    get font(): Font {
      return (font ??= bundledFace(f).font);
    },
  };
}

/** The bundled fallbacks: those a role already uses as they are, the others loaded on first use. */
function bundledFallbacks(roles: Record<FontRole, LoadedFace>): LoadedFace[] {
  const open = new Set(FONT_ROLES.map((r) => roles[r].info.file));
  return BUNDLED_FALLBACKS.map((f) => (open.has(bundledPath(f)) ? bundledFace(f) : lazyBundledFace(f)));
}

/**
 * Touch what rendering will need (cmap, metrics, shaping tables), so a damaged file fails here,
 * where it can be named and replaced by another face, instead of failing every document later.
 */
function probe(font: Font): void {
  void font.unitsPerEm;
  for (const cp of [0x4e00, 0x3002, 0x41, 0x31]) void font.glyphForCodePoint(cp).advanceWidth;
  font.layout('中文，Ab1');
}

/** Faces found damaged, with why, so the set can say which file it skipped. */
type Damaged = Array<{ file: string; why: string }>;

/** Load an indexed face; undefined when the file changed or cannot be parsed any more (a damaged one is recorded). */
function load(info: FaceInfo, damaged: Damaged): LoadedFace | undefined {
  try {
    const opened = openFace(info.file, info.index > 0 ? info.postscriptName : 0) ?? openFace(info.file, info.index);
    if (opened) probe(opened.font);
    return opened ? loadedFace(opened.font, { ...info, index: opened.index }) : undefined;
  } catch (e) {
    damaged.push({ file: info.file, why: (e as Error).message.split('\n')[0]! });
    return undefined;
  }
}

/** A face named by path in the config (a file that cannot be used is recorded with why). */
function loadFile(file: string, face: number | string | undefined, damaged: Damaged): LoadedFace | undefined {
  try {
    const opened = openFace(file, face ?? 0);
    if (opened) probe(opened.font);
    return opened ? loadedFace(opened.font, faceInfo(opened.font, file, opened.index, 'config')) : undefined;
  } catch (e) {
    // A file that is not there is “not found” (its own warning), not a damaged font.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    damaged.push({ file, why: (e as Error).message.split('\n')[0]! });
    return undefined;
  }
}

/** “仿宋_GB2312”（fonts/fs.ttf）: a face as a diagnostic names it. */
const label = (info: FaceInfo, cwd: string): string =>
  `“${info.names.find((n) => /[\u3400-\u9fff]/.test(n)) ?? info.family}”（${shortPath(info.file, cwd)}）`;

/** How the role loop reaches a face: opening it, or (when planning reads) only naming its file. */
interface Opener<F extends Reached> {
  /** An indexed face (fonts/, system or bundled index). */
  indexed(info: FaceInfo): F | undefined;
  /** A file named by path in the config. */
  file(file: string, face: number | string | undefined): F | undefined;
  /** The bundled stand-in of a role. */
  bundled(f: BundledFile): F;
}

/** What the role loop needs to know of a face it reached. */
interface Reached {
  /** The face's file, index and embedding rights (restricted faces are passed over). */
  info: Pick<FaceInfo, 'file' | 'index' | 'embedding'>;
}

/** Where faces are looked up. */
interface Sources {
  /** The fonts/ folder's faces. */
  dir: FaceInfo[];
  /** The system's faces (indexed on first use; none with useSystemFonts false). */
  system: () => FaceInfo[];
}

/** The roles resolved by one pass of the loop, and what it passed over on the way. */
interface Resolved<F extends Reached> {
  /** The face of every role. */
  roles: Record<FontRole, F>;
  /** Faces refused for their embedding rights, with the roles that asked for them. */
  refused: Map<string, { face: F; roles: FontRole[] }>;
  /** Roles whose configured face was not found, with the spec as parsed. */
  notFound: Array<{ role: FontRole; what: string }>;
}

/** Resolve every role to a face: config, then fonts/, then system, then bundled. */
function resolveRoles<F extends Reached>(options: FontSetOptions, cwd: string, sources: Sources, open: Opener<F>): Resolved<F> {
  const refused = new Map<string, { face: F; roles: FontRole[] }>();
  const notFound: Array<{ role: FontRole; what: string }> = [];
  const roles = {} as Record<FontRole, F>;
  for (const role of FONT_ROLES) {
    let refusedHere = false;
    const accept = (face: F | undefined): boolean => {
      if (!face) return false;
      if (face.info.embedding !== 'restricted') {
        roles[role] = face;
        return true;
      }
      const id = `${face.info.file}#${face.info.index}`;
      const r = refused.get(id) ?? { face, roles: [] };
      r.roles.push(role);
      refused.set(id, r);
      refusedHere = true;
      return false;
    };
    const fromIndex = (info: FaceInfo | undefined): boolean => (info ? accept(open.indexed(info)) : false);
    const spec = options.overrides?.[role];
    if (spec) {
      const parsed = parseFontSpec(spec, cwd);
      const ok =
        parsed.kind === 'file'
          ? accept(open.file(parsed.file, parsed.face))
          : fromIndex(findFaceByName(sources.dir, parsed.name)) ||
            fromIndex(findFaceByName(sources.system(), parsed.name)) ||
            fromIndex(findFaceByName(bundledIndex(), parsed.name));
      if (!ok && !refusedHere) {
        const what = parsed.kind === 'file' ? `字体文件 ${shortPath(parsed.file, cwd)}${parsed.face !== undefined ? `#${parsed.face}` : ''}` : `字体“${parsed.name}”`;
        notFound.push({ role, what });
      }
    }
    if (roles[role]) continue;
    if (options.standardFaces !== false) {
      const lists = [() => sources.dir, sources.system];
      if (lists.some((faces) => STANDARD_FACES[role].some((n) => fromIndex(findFaceByName(faces(), n))))) continue;
    }
    roles[role] = open.bundled(BUNDLED_ROLES[role]);
  }
  return { roles, refused, notFound };
}

/**
 * The files a set with these sources would read, found by the same loop without opening any: each
 * role's first choice (a configured file is assumed usable). Fallbacks no role uses are read only
 * when needed (lazyBundledFace).
 */
function plannedFiles(options: FontSetOptions, cwd: string, sources: Sources): string[] {
  const named = (file: string): Reached => ({ info: { file, index: 0, embedding: 'installable' } });
  const planned = resolveRoles(options, cwd, sources, {
    indexed: (info) => ({ info }),
    file: (file) => named(file),
    bundled: (f) => named(bundledPath(f)),
  });
  return FONT_ROLES.map((r) => planned.roles[r].info.file);
}

/** Build the font set: config, then fonts/, then system, then bundled, each role; its files read ahead at once. */
export async function loadFontSet(options: FontSetOptions = {}): Promise<{ fontSet: FontSet; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const cwd = options.cwd ?? process.cwd();
  const dirIndex = indexDirectory(resolve(cwd, options.fontsDir ?? 'fonts'), 'fonts-dir', options.readFile);
  for (const file of dirIndex.unreadable) {
    diagnostics.push(diagnostic('warning', 'fonts/unreadable', `fonts/ 目录中的文件不是可读的字体，已跳过：${shortPath(file, cwd)}`));
  }
  // A face downloaded as an archive, or a Type 1/bitmap font, would otherwise be passed over without a word.
  for (const file of dirIndex.ignored) {
    diagnostics.push(diagnostic('warning', 'fonts/not-a-font-file', t().fonts.notAFontFile(shortPath(file, cwd))));
  }
  let system: FaceInfo[] | undefined;
  const sources: Sources = {
    dir: dirIndex.faces,
    system: () =>
      (system ??=
        options.useSystemFonts === false
          ? []
          : systemFontIndex(options.systemDirs ?? defaultSystemFontDirs(), options.cacheDir ?? defaultCacheDir(), options.readFile)),
  };

  await prefetchFontFiles(plannedFiles(options, cwd, sources));
  const damaged: Damaged = [];
  const { roles, refused, notFound } = resolveRoles(options, cwd, sources, {
    indexed: (info) => load(info, damaged),
    file: (file, face) => loadFile(file, face, damaged),
    bundled: bundledFace,
  });
  const fallbacks = bundledFallbacks(roles);
  dropUnusedAhead();
  for (const { role, what } of notFound) {
    diagnostics.push(diagnostic('warning', 'fonts/not-found', `未找到${what}（${role}），改用其他字体`, undefined, '把字体文件放进 fonts/ 目录，或写出文件路径'));
  }
  for (const { face, roles: rs } of refused.values()) {
    const instead = rs.map((r) => `${r} → ${displayName(roles[r])}`).join('，');
    diagnostics.push(
      diagnostic('warning', 'fonts/restricted', `字体${label(face.info, cwd)}的授权禁止嵌入（fsType 受限），不能用于 PDF；改用：${instead}`),
    );
  }
  for (const { file, why } of new Map(damaged.map((d) => [d.file, d])).values()) {
    diagnostics.push(diagnostic('warning', 'fonts/damaged', `字体文件 ${shortPath(file, cwd)} 无法使用（${why}），已改用其他字体`, undefined, '换一份完好的字体文件，或把它移出 fonts/ 目录'));
  }
  return { fontSet: createFontSet(roles, fallbacks, cwd), diagnostics };
}
