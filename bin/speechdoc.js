#!/usr/bin/env node
// Runs the prebuilt CLI in dist/ (scripts/bundle.mjs, run on npm install) when it was built from
// the sources as they are now; otherwise the TypeScript sources directly through tsx, so a fresh
// clone, or one whose sources changed since, needs no build step. SPEECHDOC_NO_BUNDLE=1 forces tsx.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** Whether dist/ holds a bundle of the current sources (same size and mtime for every one). */
function bundleIsCurrent() {
  if (process.env.SPEECHDOC_NO_BUNDLE) return false;
  try {
    const { sources } = JSON.parse(readFileSync(new URL('dist/sources.json', root), 'utf8'));
    return sources.every(([file, size, mtime]) => {
      const s = statSync(new URL(file, root));
      return s.size === size && Math.round(s.mtimeMs) === mtime;
    });
  } catch {
    return false;
  }
}

let main;
if (bundleIsCurrent()) {
  ({ main } = await import('../dist/main.mjs'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
await main();
