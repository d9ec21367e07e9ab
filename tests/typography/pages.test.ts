/**
 * Full pages (撑满版心), counted on the PDF: pdftotext gives back each page's lines. In the
 * official preset every page but the last holds 22 lines unless the next page starts with a heading
 * (kept off the bottom) or a paragraph's 孤字 last line; the reading copy splits paragraphs (two
 * lines or more on each side) and fills its pages to at least 85 % on average.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block } from '../../src/model/types.ts';
import type { PagedDocument } from '../../src/layout/types.ts';
import { OFFICIAL, READING } from '../../src/style/preset.ts';
import { lay, pageLinesOf, pdfFile, pdfRows, speechOf } from './helpers.ts';

const WORDS = '我们要坚持以人民为中心的发展思想，统筹推进经济建设、政治建设、文化建设、社会建设和生态文明建设，扎实做好各项工作。';

/** A speech of paragraphs of 1 to 9 lines with a heading every few paragraphs (deterministic). */
function longSpeech(): Block[] {
  const out: Block[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const numerals = '一二三四五六七八九';
  for (let i = 0; i < 60; i++) {
    if (i % 7 === 0) out.push({ type: 'heading', depth: 1, marker: `${numerals[(i / 7) % 9]}、`, children: [{ type: 'text', value: '关于做好今年工作的几点意见' }] });
    const n = 20 + Math.floor(next() * 240);
    let t = '';
    for (let k = 0; t.length < n; k++) t += WORDS[(k + i * 3) % WORDS.length];
    out.push({ type: 'paragraph', children: [{ type: 'text', value: t.replace(/^[，、。]+/, '') + '。' }] });
  }
  return out;
}

/** Text rows pdftotext gives back from each page, the page number row dropped. */
async function pdfLines(doc: PagedDocument): Promise<string[][]> {
  return pdfRows(await pdfFile(doc)).map((rows) => rows.filter((r) => !/^(—\d+—|第\d+页\/共\d+页)$/.test(r)));
}

test('official preset: every page but the last is full unless a heading starts the next one', async () => {
  const doc = await lay(speechOf(longSpeech()));
  const pages = await pdfLines(doc);
  assert.ok(pages.length >= 8, `${pages.length} pages`);
  let short = 0;
  pages.slice(0, -1).forEach((p, i) => {
    if (p.length === OFFICIAL.linesPerPage) return;
    short++;
    const first = pageLinesOf(doc.pages[i + 1]!)[0]!;
    assert.equal(first.kind, 'heading', `page ${i + 1} has ${p.length} lines and page ${i + 2} starts with ${first.kind}`);
  });
  assert.ok(short <= Math.ceil(0.2 * pages.length), `${short} short pages of ${pages.length}`);
});

test('reading preset: paragraphs split with two lines or more on each side, pages at least 85 % full', async () => {
  const doc = await lay(speechOf(longSpeech()), READING);
  const pages = await pdfLines(doc);
  const fill = pages.reduce((a, p) => a + p.length, 0) / (pages.length * READING.linesPerPage);
  assert.ok(fill >= 0.85, `fill ${(fill * 100).toFixed(1)} %`);
  const parts = new Map<number, number[]>();
  doc.pages.forEach((p) => {
    const count = new Map<number, number>();
    for (const l of pageLinesOf(p)) count.set(l.blockIndex, (count.get(l.blockIndex) ?? 0) + 1);
    for (const [b, c] of count) parts.set(b, [...(parts.get(b) ?? []), c]);
  });
  for (const [b, c] of parts) if (c.length > 1) assert.ok(c.every((n) => n >= 2), `block ${b}: ${c}`);
});
