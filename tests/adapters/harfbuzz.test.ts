/**
 * src/adapters/harfbuzz.ts against the installed harfbuzzjs: the wasm file is where the adapter
 * looks, instantiates without imports and has every export used; a face goes in and a subset comes
 * out through the C API. And nothing in src/ sets process-wide V8 flags.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { HARFBUZZ_EXPORTS, harfbuzzWasmPath, newHarfBuzz } from '../../src/adapters/harfbuzz.ts';
import { hbSubset } from '../../src/render/docx/hb-subset.ts';
import { BUNDLED, ROOT } from '../render-docx/helpers.ts';

test('harfbuzzjs ships the subsetting wasm with every export the adapter uses', () => {
  assert.ok(existsSync(harfbuzzWasmPath()), harfbuzzWasmPath());
  const h = newHarfBuzz() as unknown as Record<string, unknown>;
  for (const name of HARFBUZZ_EXPORTS) assert.ok(name in h, name);
  assert.ok((h.memory as { buffer: ArrayBuffer }).buffer.byteLength >= 16 << 20);
});

test('a subset made through the C API is a font fontkit reads, with the glyphs asked for', () => {
  const font = fontkit.create(readFileSync(BUNDLED.serif)) as fontkit.Font;
  const bytes = hbSubset(font, BUNDLED.serif, '同志们好');
  assert.ok(bytes && bytes.length > 1000);
  const subset = fontkit.create(Buffer.from(bytes)) as fontkit.Font;
  for (const c of '同志们好') assert.ok(subset.hasGlyphForCodePoint(c.codePointAt(0)!), c);
  assert.ok(!subset.hasGlyphForCodePoint('县'.codePointAt(0)!));
});

test('no source file sets process-wide V8 flags', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  const offenders = files(join(ROOT, 'src')).filter((f) => /setFlagsFromString|--liftoff|--no-opt/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
});
