/**
 * The unshaped path for Han strings (src/render/pdf/fast-layout.ts) gives pdfkit exactly what
 * fontkit's shaper gave for every such run of the sample speeches, in every bundled face; strings
 * with Latin letters or digits still go through the shaper.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { useFastLayout } from '../../src/render/pdf/fast-layout.ts';
import { cacheWoffTables } from '../../src/render/pdf/woff-tables.ts';
import { BUNDLED, loadFace, ROOT } from '../render-docx/helpers.ts';

type Layout = (text: string, features?: unknown, onlyWidth?: boolean) => {
  glyphs: { id: number; codePoints: number[] }[] | null;
  positions: Record<string, number>[] | null;
  advanceWidth: number;
};

/** A pdfkit font object for a face, as drawRun gets it. */
function pdfFont(file: string): { layout: Layout } {
  const pdf = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  const face = loadFace(file);
  // As createDocument does: fontkit alone re-inflates a WOFF's glyf table for every glyph.
  cacheWoffTables(face.font);
  pdf.registerFont('f', face.font as unknown as string);
  pdf.font('f');
  return (pdf as unknown as { _font: { layout: Layout } })._font;
}

const speeches = ['seed-speech.txt', 'county-economy-speech.txt', 'health-work-speech.txt'].map((f) =>
  readFileSync(join(ROOT, 'input', f), 'utf8'),
);
/** Short strings cut from the speeches, as runs would be. */
const strings = [...new Set(speeches.flatMap((s) => s.split(/\n+/).flatMap((line) => line.match(/.{1,17}/gu) ?? [])))];

for (const file of [BUNDLED.serif, BUNDLED.serifBlack, BUNDLED.sans, BUNDLED.kai, BUNDLED.tinos]) {
  test(`unshaped Han runs equal fontkit's shaping: ${file.split('/').pop()}`, () => {
    const shaped = pdfFont(file);
    const fast = pdfFont(file);
    useFastLayout(fast);
    let compared = 0;
    for (const s of strings) {
      const a = shaped.layout(s);
      const b = fast.layout(s);
      assert.equal(b.advanceWidth, a.advanceWidth, s);
      assert.deepEqual(b.glyphs!.map((g) => [g.id, g.codePoints]), a.glyphs!.map((g) => [g.id, g.codePoints]), s);
      assert.deepEqual(b.positions!.map((p) => ({ ...p })), a.positions!.map((p) => ({ ...p })), s);
      assert.equal(fast.layout(s, undefined, true).advanceWidth, a.advanceWidth);
      compared++;
    }
    assert.ok(compared > 100);
  });
}

test('strings with Latin letters or digits keep the shaper (kerning)', () => {
  const fast = pdfFont(BUNDLED.tinos);
  const calls: string[] = [];
  const original = fast.layout;
  (fast as { layout: Layout }).layout = (text, features, onlyWidth) => {
    calls.push(text);
    return original.call(fast, text, features, onlyWidth);
  };
  useFastLayout(fast);
  fast.layout('AV 11');
  fast.layout('同志们');
  assert.deepEqual(calls, ['AV 11']);
});
