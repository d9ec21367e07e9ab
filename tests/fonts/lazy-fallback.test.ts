/**
 * A bundled fallback no role uses (Noto Sans SC Regular with the bundled roles) is read only when a
 * character first reaches it down the fallback chain: most documents never need its 10.5 MB.
 * Its own file: the process must not have read that face before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFontSet } from '../../src/fonts/index.ts';
import { sharedFontFiles } from '../../src/fonts/shared-bytes.ts';
import { bundledPath, BUNDLED_FALLBACKS, BUNDLED_ROLES } from '../../src/fonts/bundled.ts';

const SANS_REGULAR = bundledPath(BUNDLED_FALLBACKS[1]!);

test('a fallback no role uses is read when a character first needs it, under the key it always had', async () => {
  assert.match(SANS_REGULAR, /NotoSansSC_400Regular\.ttf$/);
  // heading1 in the serif too: with the bundled Sans Medium in the chain, Sans Regular is never reached.
  const { fontSet } = await loadFontSet({ useSystemFonts: false, standardFaces: false, overrides: { heading1: bundledPath(BUNDLED_ROLES.body) } });
  const read = () => sharedFontFiles().map((f) => f.file);
  assert.ok(!read().includes(SANS_REGULAR), 'not read with the set');
  const sans = fontSet.faces().find((f) => f.info.file === SANS_REGULAR);
  assert.ok(sans, 'listed among the set’s faces');
  assert.equal(sans.key, 'NotoSansSC-Regular');
  assert.equal(sans.info.postscriptName, 'NotoSansSC-Regular');
  // Common text stays in the role faces.
  for (const cp of [0x4e2d, 0x3002, 0x41, 0x31, 0x2014]) assert.notEqual(fontSet.faceFor('body', cp)?.key, sans.key);
  assert.ok(!read().includes(SANS_REGULAR), 'still not read');
  // 豈 (U+F900, a compatibility ideograph) is in Noto Sans SC only.
  assert.equal(fontSet.faceFor('body', 0xf900)?.key, sans.key);
  assert.ok(read().includes(SANS_REGULAR), 'read when first needed');
  assert.ok(sans.font.hasGlyphForCodePoint(0xf900));
  assert.equal(sans.font.postscriptName, 'NotoSansSC-Regular');
});
