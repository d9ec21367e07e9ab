import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFontSet, createMeasurer } from '../../src/fonts/index.ts';
import { tempDir } from './sfnt.ts';

const { fontSet } = await loadFontSet({ useSystemFonts: false, fontsDir: tempDir() });
const m = createMeasurer(fontSet);
const body = m.roleFace!('body');
const lead = m.roleFace!('lead');
const latin = m.roleFace!('latin');

test('Han characters and full-width punctuation are 1 em in Noto; its em dash is 0.89 em', () => {
  assert.equal(m.advance(body, '讲话稿'), 3);
  assert.equal(m.advance(body, '，。：'), 3);
  assert.equal(m.advance(body, '—'), 0.89);
  assert.equal(m.advance(body, '——'), 1.78);
});

test('LXGW WenKai’s curly quotes are 0.35 em', () => {
  assert.equal(m.advance(lead, '“'), 0.35);
  assert.equal(m.advance(lead, '一是“'), 2.35);
});

test('Latin runs are shaped: kerning narrows AV in Tinos; COVID-19 has its shaped width', () => {
  const tinos = fontSet.role('latin').font;
  const unkerned = (s: string): number => [...s].reduce((a, c) => a + tinos.glyphForCodePoint(c.codePointAt(0)!).advanceWidth, 0) / tinos.unitsPerEm;
  assert.ok(m.advance(latin, 'AV') < unkerned('AV') - 0.05);
  const run = tinos.layout('COVID-19');
  assert.equal(m.advance(latin, 'COVID-19'), run.positions.reduce((a, p) => a + p.xAdvance, 0) / tinos.unitsPerEm);
  assert.ok(Math.abs(m.advance(latin, 'COVID-19') - 4.4995) < 0.001);
  assert.equal(m.advance(latin, 'COVID-19'), m.advance(latin, 'COVID-19'));
});

test('characters outside the BMP are measured per code point', () => {
  // 𠀀 is in no bundled face: its advance is the .notdef width, counted once, not per UTF-16 unit.
  const one = m.advance(body, '𠀀');
  assert.equal(m.advance(body, '𠀀𠀀'), 2 * one);
});

test('faceFor falls back per character; undefined when no face has it', () => {
  assert.equal(m.faceFor('body', '中'.codePointAt(0)!), body);
  assert.equal(m.faceFor('latin', 'A'.codePointAt(0)!), latin);
  assert.equal(m.faceFor('latin', '中'.codePointAt(0)!), body);
  assert.equal(m.faceFor('body', 0x20000), undefined);
  assert.equal(m.faceFor('body', 0x4dc0), lead, 'WenKai has the hexagram ䷀, Noto does not');
});

test('metrics come from hhea, in em', () => {
  assert.deepEqual(m.metrics(body), { ascent: 1.151, descent: -0.286 });
  assert.throws(() => m.advance('nope', 'a'), /\[fonts\]/);
});
