/**
 * The faces shipped as npm dependencies: open stand-ins for the GB/T 9704 faces, used when neither
 * the config, the fonts/ folder nor the system has the standard face.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FontRole } from './roles.ts';

/** One bundled font file. */
export interface BundledFile {
  /** npm package that ships it. */
  pkg: string;
  /** Path inside the package. */
  path: string;
}

const serif = (w: string): BundledFile => ({
  pkg: '@expo-google-fonts/noto-serif-sc',
  path: `${w}/NotoSerifSC_${w}.ttf`,
});
const sans = (w: string): BundledFile => ({ pkg: '@expo-google-fonts/noto-sans-sc', path: `${w}/NotoSansSC_${w}.ttf` });
const WENKAI: BundledFile = { pkg: '@fontsource/lxgw-wenkai', path: 'files/lxgw-wenkai-latin-500-normal.woff' };
const TINOS: BundledFile = { pkg: '@fontsource/tinos', path: 'files/tinos-latin-400-normal.woff' };

/**
 * Role → bundled file. Title: Serif ExtraBold — 方正小标宋's colour sits between Noto Serif Bold and
 * Black, Black clogs dense characters (警, 疆) at 22 pt, and Bold is a RIBBI style whose legacy
 * family name (name id 1) is plain "Noto Serif SC", the body's, so Word and LibreOffice would take
 * the title's embedded face for the body's. heading1: Sans Medium, because 黑体 (SimHei) is darker
 * than a Regular grotesque and a 400 heading hardly stands out from the body text.
 */
export const BUNDLED_ROLES: Record<FontRole, BundledFile> = {
  title: serif('800ExtraBold'),
  body: serif('400Regular'),
  heading1: sans('500Medium'),
  heading2: WENKAI,
  heading3: serif('400Regular'),
  lead: WENKAI,
  titleBlock: WENKAI,
  pageNumber: serif('400Regular'),
  latin: TINOS,
};

/** Bundled faces tried, in order, for characters no role face has. */
export const BUNDLED_FALLBACKS: BundledFile[] = [serif('400Regular'), sans('400Regular'), WENKAI, TINOS];

const roots = new Map<string, string>();

/** Directory of an installed package, found the way Node resolves packages (walking up node_modules). */
function packageRoot(pkg: string): string {
  const hit = roots.get(pkg);
  if (hit) return hit;
  let dir = import.meta.dirname;
  for (;;) {
    const candidate = join(dir, 'node_modules', pkg);
    if (existsSync(join(candidate, 'package.json'))) {
      roots.set(pkg, candidate);
      return candidate;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`[fonts] bundled font package ${pkg} is not installed`);
    dir = up;
  }
}

/** Absolute path of a bundled file. */
export function bundledPath(f: BundledFile): string {
  return join(packageRoot(f.pkg), f.path);
}
