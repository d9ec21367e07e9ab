#!/usr/bin/env node
// Prebuilds the CLI into dist/ (run by `npm install` / `npm ci` through the `prepare` script).
// The bin runs it when it is current and falls back to the TypeScript sources through tsx when it
// is missing or older than them, so this is only an optimisation: start-up without tsx's loader
// thread and its per-file transforms is ~0.4 s faster. Packages stay external (node_modules).
// Nothing is done when dist/ already matches the sources (`--force` rebuilds). The new bundle is
// built beside dist/ and swapped in, so a CLI starting meanwhile finds the old one, none (and uses
// tsx), or the new one — never half of one. Never fails an install: on error the bin uses tsx.
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const quiet = process.argv.includes('--quiet');

/** Whether dist/ was built from the sources as they are (the bin's test, bin/speechdoc.js). */
function current() {
  try {
    const { sources } = JSON.parse(readFileSync(join(DIST, 'sources.json'), 'utf8'));
    return sources.every(([file, size, mtime]) => {
      const s = statSync(join(ROOT, file));
      return s.size === size && Math.round(s.mtimeMs) === mtime;
    });
  } catch {
    return false;
  }
}

const staging = `${DIST}.tmp-${process.pid}`;
try {
  if (!process.argv.includes('--force') && current()) process.exit(0);
  // esbuild comes with tsx, a dependency; resolve it from there wherever npm placed it.
  const fromTsx = createRequire(createRequire(join(ROOT, 'package.json')).resolve('tsx/package.json'));
  const esbuild = await import(fromTsx.resolve('esbuild'));
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    // main: the CLI; worker-boot: what worker-pool.ts starts, next to the chunk that starts it.
    // serve-worker: what serve/render-pool.ts starts, likewise.
    entryPoints: { main: 'src/cli/main.ts', 'worker-boot': 'src/pipeline/worker.ts', 'serve-worker': 'src/serve/render-worker.ts' },
    outdir: staging,
    bundle: true,
    splitting: true, // commands and renderers stay lazily loaded chunks
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
  });
  // The sources it was built from, with their size and mtime: the bin checks them before using it.
  const sources = Object.keys(result.metafile.inputs)
    .filter((f) => !f.includes('node_modules'))
    .sort()
    .map((f) => {
      const s = statSync(join(ROOT, f));
      return [f, s.size, Math.round(s.mtimeMs)];
    });
  // The serve page's assets, served as they are from beside the bundle (serve/routes-page.ts).
  cpSync(join(ROOT, 'src/serve/client'), join(staging, 'client'), { recursive: true });
  for (const f of readdirSync(join(ROOT, 'src/serve/client'))) {
    const s = statSync(join(ROOT, 'src/serve/client', f));
    sources.push([`src/serve/client/${f}`, s.size, Math.round(s.mtimeMs)]);
  }
  writeFileSync(join(staging, 'sources.json'), `${JSON.stringify({ sources })}\n`);
  const old = `${DIST}.old-${process.pid}`;
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(staging, DIST);
  rmSync(old, { recursive: true, force: true });
  if (!quiet) console.log(`speechdoc: CLI bundled into dist/ (${sources.length} sources)`);
} catch (e) {
  rmSync(staging, { recursive: true, force: true });
  console.warn(`speechdoc: no prebuilt CLI (${e instanceof Error ? e.message : e}); it will run through tsx`);
}
