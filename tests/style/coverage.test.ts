import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFontSet, createMeasurer } from '../../src/fonts/index.ts';
import { styleSpeech } from '../../src/style/style-speech.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import type { Speech } from '../../src/model/types.ts';
import { tempDir } from '../fonts/sfnt.ts';
import { speechOf } from '../fonts/fixtures.ts';

const { fontSet } = await loadFontSet({ useSystemFonts: false, fontsDir: tempDir() });
const checkCoverage = (speech: Speech, preset: typeof OFFICIAL) => styleSpeech(speech, preset, createMeasurer(fontSet)).diagnostics;

test('a character no face has is reported once, with its code point and first position', () => {
  const ds = checkCoverage(speechOf('同志们，𠀀字很少见，𠀀再次出现。'), OFFICIAL);
  const missing = ds.filter((d) => d.ruleId === 'fonts/missing-glyph');
  assert.equal(missing.length, 1);
  assert.equal(missing[0]!.severity, 'warning');
  assert.match(missing[0]!.message, /𠀀/);
  assert.match(missing[0]!.message, /U\+20000/);
  // Column counts code points: 同志们， are columns 1–4, 𠀀 is column 5 (offset in UTF-16 units).
  assert.deepEqual(missing[0]!.position?.start, { line: 3, column: 5, offset: 44 });
});

test('characters drawn by a fallback face are named in an info diagnostic', () => {
  // ䷀ (U+4DC0) is in LXGW WenKai, not in Noto Serif SC.
  const ds = checkCoverage(speechOf('易经第一卦是䷀，乾为天。'), OFFICIAL);
  assert.deepEqual(ds.map((d) => [d.severity, d.ruleId]), [['info', 'fonts/fallback']]);
  assert.match(ds[0]!.message, /䷀/);
  assert.match(ds[0]!.message, /霞鹜文楷/);
});

test('variation selectors, ZWJ and spaces are not reported; digits and Latin use the Western face', () => {
  const ds = checkCoverage(speechOf('増\uFE00长 2.3%，COVID-19 疫情\u200D，葛\u{E0100}。'), OFFICIAL);
  assert.deepEqual(ds, []);
});

test('the title block and headings are checked in their own roles', () => {
  const speech: Speech = {
    ...speechOf('正文。'),
    children: [{ type: 'heading', depth: 1, marker: '一、', children: [{ type: 'text', value: '关于䷁' }] }],
  };
  speech.meta.speaker = '县委书记　张𠀁';
  const ds = checkCoverage(speech, OFFICIAL);
  assert.deepEqual(ds.map((d) => d.ruleId).sort(), ['fonts/fallback', 'fonts/missing-glyph']);
  assert.match(ds.find((d) => d.ruleId === 'fonts/fallback')!.message, /heading1/);
});
