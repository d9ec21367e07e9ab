import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { useFastSubset } from '../../src/render/pdf/fast-subset.ts';
import { cacheWoffTables } from '../../src/render/pdf/woff-tables.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TEXT = '各位领导、同志们：今年以来，全县GDP增长6.5%。“好”——Aé ü ﬁ';

/** Subset bytes for the glyphs of TEXT. */
function subsetBytes(font: fontkit.Font): Buffer {
  const subset = font.createSubset() as unknown as { includeGlyph(id: number): number; encode(): Uint8Array };
  for (const g of font.layout(TEXT).glyphs) subset.includeGlyph(g.id);
  return Buffer.from(subset.encode());
}

for (const file of [
  'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'node_modules/@fontsource/tinos/files/tinos-latin-400-normal.woff',
  'node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff',
]) {
  test(`fast subset and WOFF table cache give byte-identical subsets: ${file.split('/').pop()}`, () => {
    const bytes = readFileSync(resolve(ROOT, file));
    const plain = fontkit.create(bytes) as fontkit.Font;
    const fast = fontkit.create(bytes) as fontkit.Font;
    // fontkit alone takes ~80 s to subset the 10 MB WenKai WOFF (the reason for the table cache);
    // for it, compare against fontkit's own subsetter over cached tables.
    if (file.includes('wenkai')) cacheWoffTables(plain);
    cacheWoffTables(fast);
    useFastSubset(fast);
    useFastSubset(fast); // idempotent
    assert.ok(Object.hasOwn(fast, 'createSubset'), 'fast path installed');
    assert.ok(subsetBytes(plain).equals(subsetBytes(fast)));
    assert.ok(subsetBytes(plain).equals(subsetBytes(fast)), 'second subset from the same font');
  });
}

test('WOFF tables inflated by zlib equal fontkit’s own inflation', () => {
  const bytes = readFileSync(resolve(ROOT, 'node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff'));
  type Streams = { _getTableStream(tag: string): { buffer: Uint8Array } };
  const plain = fontkit.create(bytes) as unknown as Streams;
  const cached = fontkit.create(bytes) as fontkit.Font;
  cacheWoffTables(cached);
  for (const tag of ['glyf', 'loca', 'cmap', 'hmtx']) {
    const want = Buffer.from(plain._getTableStream(tag).buffer);
    const got = Buffer.from((cached as unknown as Streams)._getTableStream(tag).buffer);
    assert.ok(want.equals(got), tag);
  }
});
