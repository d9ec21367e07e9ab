/**
 * Files of the package the server needs at run time (the page's assets, the render worker's boot
 * script). Found from the package root, not from this module's own URL, so they are the same
 * whether the CLI runs from the sources or from the prebuilt bundle in dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder holding speechdoc's package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'speechdoc') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('[serve] cannot find the speechdoc package root');
    dir = up;
  }
}

/** Absolute path of a file of the package, given relative to its root. */
export function packageFile(relative: string): string {
  return join(packageRoot(), relative);
}
