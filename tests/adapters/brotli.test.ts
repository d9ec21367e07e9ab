/**
 * src/adapters/brotli.ts against the installed fontkit, brotli and node: fontkit's Brotli decoder
 * is not loaded (its 120 KB dictionary not built) until a WOFF2 font is decoded, and then WOFF2
 * still decodes. A fontkit or node release that stops taking brotli from `require.cache` fails
 * here by name (builds would not be wrong, only ~40 ms slower to start).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const TTF = join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const WOFF2 = join(ROOT, 'node_modules/@fontsource/tinos/files/tinos-latin-400-normal.woff2');

test('fontkit loads without Brotli; the first WOFF2 font loads it and decodes', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'brotli-probe.ts'), TTF, WOFF2], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const seen = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.equal(seen.lazyAtStart, true, 'src/adapters/brotli.ts no longer puts its entry in require.cache for fontkit’s brotli/decompress.js: update it');
  assert.ok(Number(seen.ttfGlyphs) > 10_000);
  assert.equal(seen.dictionaryAfterTtf, false, 'fontkit built Brotli’s dictionary at load: its import no longer goes through require.cache (src/adapters/brotli.ts)');
  assert.ok(Number(seen.woff2Glyphs) > 100, 'a WOFF2 font still decodes');
  assert.ok(Number(seen.woff2Outline) > 3, 'and its glyphs have outlines');
  assert.equal(seen.dictionaryAfterWoff2, true);
  assert.equal(seen.lazyAtEnd, false, 'the real decoder replaced the lazy entry');
});
