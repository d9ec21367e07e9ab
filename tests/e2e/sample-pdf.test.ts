/**
 * The PDF handout of the user's sample, checked the way issue "CJK layout engine and the PDF
 * handout" states it: text back from pdftotext, fonts embedded and subset, 避头尾, 28-cell lines
 * flush within 0.5 pt, 22-line pages, "— N —" odd right / even left, the outline, reproducibility.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSpeechFile } from '../../src/parse/index.ts';
import { loadFontSet, createMeasurer } from '../../src/fonts/index.ts';
import { layoutSpeech } from '../../src/layout/index.ts';
import { renderPdf } from '../../src/render/pdf/render-pdf.ts';
import { blockText } from '../../src/model/to-plain-text.ts';
import { OFFICIAL, pageGeometry } from '../../src/style/preset.ts';
import type { PagedDocument, PlacedLine } from '../../src/layout/types.ts';
import type { Speech } from '../../src/model/types.ts';
import { SAMPLE } from '../helpers/run-cli.ts';
import { linesOf } from '../layout/helpers.ts';

const NO_START = new Set([...'、。，：；！？”’）〕】〗》〉」』］｝～·%‰℃']);
const NO_END = new Set([...'“‘（〔【〖《〈「『［｛￥$']);
const g = pageGeometry(OFFICIAL);
const dir = mkdtempSync(join(tmpdir(), 'speechdoc-e2e-'));
let speech: Speech;
let doc: PagedDocument;
let pdfFile: string;
let bytes: Uint8Array;

const lineText = (l: PlacedLine) => l.runs.map((r) => r.text).join('');
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

before(async () => {
  speech = (await parseSpeechFile(readFileSync(SAMPLE), { file: 'seed-speech.txt' })).value!;
  const { fontSet } = await loadFontSet({ useSystemFonts: false });
  doc = layoutSpeech(speech, OFFICIAL, createMeasurer(fontSet)).value;
  bytes = await renderPdf(doc, fontSet, { date: new Date(1_700_000_000_000) });
  pdfFile = join(dir, 'seed-speech.pdf');
  writeFileSync(pdfFile, bytes);
});

test('pdftotext gives back every paragraph and heading, normalized, in order', () => {
  const text = sh('pdftotext', ['-raw', '-enc', 'UTF-8', pdfFile, '-']).replace(/— \d+ —/g, '').replace(/\s+/g, '');
  let at = text.indexOf(speech.meta.title);
  assert.equal(at, 0, 'the title comes first');
  for (const block of speech.children) {
    const want = blockText(block).replace(/\s+/g, '');
    const found = text.indexOf(want, at);
    assert.ok(found >= at, `not found in order: ${want.slice(0, 30)}…`);
    at = found + want.length;
  }
  assert.ok(!/[,:;?!()]/.test(text.replace(/[A-Za-z0-9]+[,:;?!()]?[A-Za-z0-9]*/g, '')), 'no ASCII punctuation in Chinese text');
});

test('pdffonts: every font embedded, subset and with a ToUnicode map; no standard-14 fonts', () => {
  const rows = sh('pdffonts', [pdfFile]).trim().split('\n').slice(2);
  assert.ok(rows.length >= 4, rows.join('\n'));
  for (const row of rows) {
    const cols = row.trim().split(/\s+/);
    const [emb, sub, uni] = cols.slice(-5, -2);
    assert.deepEqual([emb, sub, uni], ['yes', 'yes', 'yes'], row);
    assert.match(cols[0]!, /^[A-Z]{6}\+/, `subset tag: ${row}`);
  }
  assert.ok(!/Helvetica|Times-Roman|Courier/.test(rows.join('\n')));
});

test('no line starts or ends with a forbidden mark', () => {
  for (const page of doc.pages) {
    for (const l of linesOf(page).filter((x) => x.kind === 'body' || x.kind === 'heading')) {
      const t = [...lineText(l)];
      assert.ok(!NO_START.has(t[0]!), `p${page.number}: starts with ${t[0]}: ${t.join('')}`);
      assert.ok(!NO_END.has(t.at(-1)!), `p${page.number}: ends with ${t.at(-1)}: ${t.join('')}`);
    }
  }
});

test('every full line fills 28 cells and is flush with both block edges within 0.5 pt', () => {
  const right = g.blockLeftPt + g.blockWidthPt;
  let full = 0;
  let exactly28 = 0;
  for (const page of doc.pages) {
    for (const l of linesOf(page).filter((x) => x.kind === 'body' && !x.last)) {
      full++;
      assert.ok(Math.abs(l.xPt + l.widthPt - right) <= 0.5, `not flush right: ${lineText(l)}`);
      const indent = Math.round((l.xPt - g.blockLeftPt) / g.cellPt);
      assert.ok(Math.abs(l.xPt - (g.blockLeftPt + indent * g.cellPt)) <= 0.5, `not on the grid at the left: ${lineText(l)}`);
      const t = lineText(l);
      if (/[A-Za-z0-9]/.test(t)) continue; // Latin and digits are set at their natural width
      const chars = [...t].length + indent;
      // Push-in (a squeezed mark, GB/T 15834 5.1.10) and 1.5-cell mark pairs put 29 or 30 glyphs in
      // 28 cells; push-out (preferred while the stretch stays ≤ 0.15 cell) leaves 27 or 26, stretched.
      // The cells are always 28.
      assert.ok(chars >= 26 && chars <= 30, `${chars} characters: ${t}`);
      if (chars === 28) exactly28++;
    }
  }
  assert.ok(full > 60, `${full} full lines`);
  assert.ok(exactly28 / full >= 0.75, `${exactly28} of ${full} full lines hold exactly 28 characters`);
});

test('lines sit on the 22-line grid; every page but the first and last holds 22 lines', () => {
  for (const page of doc.pages) {
    for (const l of linesOf(page)) {
      const size = l.runs[0]!.sizePt;
      const k = (l.baselinePt - 0.38 * size - g.blockTopPt - g.linePitchPt / 2) / g.linePitchPt;
      assert.ok(Math.abs(k - Math.round(k)) < 0.05 && k > -0.5 && k < 21.5, `p${page.number}: off the grid (${k.toFixed(2)}): ${lineText(l)}`);
    }
  }
  assert.ok(doc.pages.length >= 4);
  for (const page of doc.pages.slice(1, -1)) assert.equal(linesOf(page).length, 22, `page ${page.number}`);
});

test('"— N —" on every page: odd pages right, even pages left, one 14 pt character in, 7 mm below the block', () => {
  const bbox = sh('pdftotext', ['-bbox', pdfFile, '-']);
  const pages = bbox.split('<page ').slice(1);
  assert.equal(pages.length, doc.pages.length);
  pages.forEach((p, i) => {
    const words = [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x1: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), text: m[5]!,
    }));
    const footer = words.filter((w) => w.y1 > g.blockTopPt + g.blockHeightPt);
    assert.equal(footer.map((w) => w.text).join(' '), `— ${i + 1} —`, `page ${i + 1} footer`);
    const left = Math.min(...footer.map((w) => w.x1));
    const right = Math.max(...footer.map((w) => w.x2));
    if ((i + 1) % 2 === 1) assert.ok(Math.abs(right - (g.blockLeftPt + g.blockWidthPt - 14)) < 1.5, `odd page ${i + 1} right edge ${right}`);
    else assert.ok(Math.abs(left - (g.blockLeftPt + 14)) < 1.5, `even page ${i + 1} left edge ${left}`);
    const top = Math.min(...footer.map((w) => w.y1));
    assert.ok(top > g.blockTopPt + g.blockHeightPt + 10 && top < g.blockTopPt + g.blockHeightPt + 30, `footer top ${top}`);
  });
});

test('the outline lists the two 一、 headings', () => {
  const json = JSON.parse(sh('qpdf', ['--json', '--json-key=outlines', pdfFile]));
  const titles = (json.outlines as Array<{ title: string; kids: unknown[] }>).map((o) => o.title);
  assert.deepEqual(titles, ['一、认真总结经验，深刻领会中华民族团结奋进的磅礴精神', '二、聚焦目标任务，全力推进各项工作任务落到实处']);
});

test('qpdf --check accepts the file', () => {
  sh('qpdf', ['--check', pdfFile]);
});

test('two builds with the same SOURCE_DATE_EPOCH are byte-identical', async () => {
  const { fontSet } = await loadFontSet({ useSystemFonts: false });
  const again = await renderPdf(layoutSpeech(speech, OFFICIAL, createMeasurer(fontSet)).value, fontSet, { date: new Date(1_700_000_000_000) });
  assert.ok(Buffer.from(again).equals(Buffer.from(bytes)));
});
