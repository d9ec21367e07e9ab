import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { isWoff, woffToSfnt } from '../../src/fonts/woff.ts';
import { openFace } from '../../src/fonts/load-font.ts';
import { BUNDLED } from './sfnt.ts';

test('WOFF files are unpacked to SFNT once, with the same glyphs and widths', () => {
  const bytes = readFileSync(BUNDLED.wenkai);
  assert.ok(isWoff(bytes));
  const sfnt = woffToSfnt(bytes);
  assert.ok(!isWoff(sfnt));
  const direct = fontkit.create(bytes) as Font;
  const unpacked = fontkit.create(sfnt) as Font;
  assert.equal(unpacked.postscriptName, direct.postscriptName);
  assert.equal(unpacked.numGlyphs, direct.numGlyphs);
  // Few glyphs: every glyph fontkit decodes from the WOFF itself costs a full inflate.
  assert.equal(unpacked.glyphForCodePoint(0x201c).advanceWidth, direct.glyphForCodePoint(0x201c).advanceWidth);
  assert.equal(unpacked.glyphForCodePoint(0x6977).id, direct.glyphForCodePoint(0x6977).id);
});

test('a loaded WOFF face is an SFNT in memory (fontkit re-inflates WOFF outlines per glyph)', () => {
  const face = openFace(BUNDLED.wenkai)!.font as Font & { type: string };
  assert.equal(face.type, 'TTF');
});

test('a truncated WOFF is refused with a [fonts] error', () => {
  const bytes = readFileSync(BUNDLED.tinos).subarray(0, 2000);
  assert.throws(() => woffToSfnt(bytes), /\[fonts\]/);
});
