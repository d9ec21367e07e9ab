/**
 * The user's sample with real fonts (the fonts module when present, else the bundled stand-ins):
 * the grid, 避头尾, flushness, and a PDF round trip through the renderer and pdftotext.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseSpeech } from '../../src/parse/index.ts';
import { layoutSpeech } from '../../src/layout/index.ts';
import { OFFICIAL, READING } from '../../src/style/preset.ts';
import { renderPdf } from '../../src/render/pdf/render-pdf.ts';
import { realFonts } from './real-fonts.ts';
import { G, allLines, count, flushRight, text, violation, linesOf } from './helpers.ts';
import type { PagedDocument } from '../../src/layout/types.ts';

const sample = parseSpeech(readFileSync('input/seed-speech.txt', 'utf8'), { file: 'seed-speech.txt' }).value!;
const fonts = await realFonts();

function gridRow(doc: PagedDocument, baseline: number, size: number): number {
  return 0 + Math.round((baseline - 0.38 * size - G.blockTopPt - G.linePitchPt / 2) / G.linePitchPt);
}

test(`sample, official preset, ${fonts.source} fonts: grid, breaks, flushness`, () => {
  const { value: document, diagnostics } = layoutSpeech(sample, OFFICIAL, fonts.measurer);
  assert.deepEqual(diagnostics, []);
  const lines = allLines(document);
  const stats = new Map<number, number>();
  for (const [i, l] of lines.entries()) {
    const paraStart = i === 0 || lines[i - 1]!.blockIndex !== l.blockIndex;
    assert.equal(violation(l, paraStart), '');
    if (l.kind !== 'body' || l.last) continue;
    assert.ok(flushRight(l), `flush: ${text(l)} ${l.xPt + l.widthPt}`);
    if (/[0-9A-Za-z]/.test(text(l))) continue;
    const n = count(l) + (paraStart ? 2 : 0);
    stats.set(n, (stats.get(n) ?? 0) + 1);
  }
  // 28 per line, except lines that took a mark in (29: push-in), gave one or two characters away
  // (27, 26: push-out, within 0.15 cell of stretch) or hold adjacent marks set in 1.5 cells (”、“ twice: 30).
  assert.deepEqual([...stats.keys()].filter((n) => n < 26 || n > 30), []);
  assert.ok((stats.get(28) ?? 0) > 0.7 * [...stats.values()].reduce((a, b) => a + b, 0), JSON.stringify([...stats]));
  for (const page of document.pages.slice(0, -1)) {
    const last = linesOf(page)[linesOf(page).length - 1]!;
    assert.ok(gridRow(document, last.baselinePt, 16) >= 20, `page ${page.number} ends early`);
    for (const l of linesOf(page)) assert.ok(gridRow(document, l.baselinePt, l.runs[0]!.sizePt) < 22);
  }
  const rows = lines.map((l) => l.runs.map((r) => r.text).join(''));
  const source = sample.children.map((b) => ('marker' in b ? b.marker : '') + JSON.stringify(b.children).replace(/.*?"value":"([^"]*)"|.+$/g, '$1')).join('');
  assert.equal(rows.slice(1).join(''), source);
});

test(`sample, reading preset, ${fonts.source} fonts: 20 per line, 14 lines`, () => {
  const { value: document } = layoutSpeech(sample, READING, fonts.measurer);
  const body = allLines(document).filter((l) => l.kind === 'body' && !l.last && !/[0-9A-Za-z]/.test(text(l)));
  const n = body.filter((l) => count(l) === 20).length;
  assert.ok(n > 0.7 * body.length);
  for (const p of document.pages) assert.ok(linesOf(p).length <= 14);
});

test('sample PDF: pdftotext gives back the text in order, without inserted spaces', async () => {
  const { value: document } = layoutSpeech(sample, OFFICIAL, fonts.measurer);
  const bytes = await renderPdf(document, fonts.fontSet, { date: new Date(0) });
  const file = join(mkdtempSync(join(tmpdir(), 'layout-')), 'sample.pdf');
  writeFileSync(file, bytes);
  const out = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const got = out.replace(/— \d+ —/g, '').replace(/[\n\f]/g, '');
  const expected = allLines(document).map(text).join('');
  assert.equal(got, expected);
});
