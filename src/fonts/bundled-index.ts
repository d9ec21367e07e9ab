/** Names of every bundled file (all weights), so `--font title="Noto Serif SC Black"` finds one. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FaceInfo } from './types.ts';
import { bundledPath, BUNDLED_FALLBACKS, BUNDLED_ROLES, type BundledFile } from './bundled.ts';
import { indexFontFile } from './font-index.ts';

let memo: FaceInfo[] | undefined;

function allBundledFiles(): BundledFile[] {
  const files: BundledFile[] = [...Object.values(BUNDLED_ROLES), ...BUNDLED_FALLBACKS];
  const extra = (pkg: string, ext: string): void => {
    const root = bundledPath({ pkg, path: '' });
    const walk = (rel: string): void => {
      for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
        const p = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith(ext) && !e.name.includes('italic')) files.push({ pkg, path: p });
      }
    };
    try {
      walk('');
    } catch {
      // An incomplete install only narrows what can be asked for by name.
    }
  };
  extra('@expo-google-fonts/noto-serif-sc', '.ttf');
  extra('@expo-google-fonts/noto-sans-sc', '.ttf');
  for (const w of [300, 700]) files.push({ pkg: '@fontsource/lxgw-wenkai', path: `files/lxgw-wenkai-latin-${w}-normal.woff` });
  files.push({ pkg: '@fontsource/tinos', path: 'files/tinos-latin-700-normal.woff' });
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(bundledPath(f)) && seen.add(bundledPath(f)));
}

/** Index entries of every bundled face (read once per process, on first use). */
export function bundledIndex(): FaceInfo[] {
  if (!memo) {
    memo = [];
    for (const f of allBundledFiles()) {
      try {
        memo.push(...indexFontFile(bundledPath(f), 'bundled'));
      } catch {
        // Skipped: a damaged optional weight.
      }
    }
  }
  return memo;
}
