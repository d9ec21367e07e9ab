/**
 * src/adapters/pdfkit.ts against the installed pdfkit. The unshaped path for Han strings gives
 * pdfkit exactly what fontkit's shaper gave for every such run of the sample speeches, in every
 * bundled face, and strings with Latin letters or digits still go through the shaper; the catalog,
 * page tree, structure tree root, outline and XMP internals are there and end up in the file. A
 * pdfkit release that changes any of it fails here, by name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { catalog, collectOutput, currentFont, outlineRoot, pageRefs, replaceXmpDescriptions, selectFont, deflateStreams, showText, structTreeRootDict, useFastLayout } from '../../src/adapters/pdfkit.ts';
import { BUNDLED, loadFace, ROOT } from '../render-docx/helpers.ts';
import { deflateInPlace, deflateStream, startDeflateHelper, stopDeflateHelper } from '../../src/render/deflate.ts';

type Layout = (text: string, features?: unknown, onlyWidth?: boolean) => {
  glyphs: { id: number; codePoints: number[] }[] | null;
  positions: Record<string, number>[] | null;
  advanceWidth: number;
};

/** A pdfkit font object for a face, as drawRun gets it. */
function pdfFont(file: string): { layout: Layout } {
  const pdf = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  const face = loadFace(file);
  pdf.registerFont('f', face.font as unknown as string);
  pdf.font('f');
  const font = currentFont(pdf) as { layout: Layout; font?: unknown; scale?: number };
  assert.equal(typeof font.layout, 'function', 'EmbeddedFont.layout');
  assert.equal(font.font, face.font, 'EmbeddedFont.font is the fontkit font');
  assert.equal(typeof font.scale, 'number', 'EmbeddedFont.scale');
  return font;
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

test('catalog, page tree, structure tree, outline and XMP internals reach the written file', async () => {
  const pdf = new PDFDocument({ autoFirstPage: false, font: null as unknown as string, compress: false, tagged: true, pdfVersion: '1.7' });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => pdf.on('end', r));
  replaceXmpDescriptions(pdf, '<rdf:Description rdf:about="" xmlns:speechdoc="urn:test">adapter-xmp</rdf:Description>');
  structTreeRootDict(pdf).RoleMap = { Speechdoc: 'P' };
  pdf.addPage({ size: [200, 200] });
  pdf.addPage({ size: [200, 200] });
  catalog(pdf).PageLabels = { Nums: [0, { S: 'D', St: 7 }] };
  const refs = pageRefs(pdf);
  assert.equal(refs.length, 2);
  const root = outlineRoot(pdf);
  const item = root.addItem('Second', { fit: true, pageNumber: 1 });
  item.outlineData.Dest = [refs[1], 'XYZ', null, 123, null];
  root.outlineData.Count = 1;
  pdf.end();
  await done;
  const text = Buffer.concat(chunks).toString('latin1');
  assert.match(text, /adapter-xmp/);
  assert.match(text, /\/RoleMap <<\n\/Speechdoc \/P/);
  assert.match(text, /\/PageLabels <<\n\/Nums \[0 <<\n\/S \/D\n\/St 7/);
  assert.match(text, /\/Dest \[\d+ 0 R \/XYZ null 123 null\]/);
});

/** How `sample` deflates: pdfkit itself, in place, on the helper thread, or later in reverse order. */
type Deflating = { level: number; how: 'in place' | 'helper' | 'reversed' } | undefined;

/** A small three-page PDF with a face, text and a bookmark, deflated as `how` says. */
async function sample(deflating?: Deflating): Promise<Buffer> {
  const pdf = new PDFDocument({ autoFirstPage: false, font: null as unknown as string, tagged: true, info: { CreationDate: new Date(0) } });
  let delay = 40;
  if (deflating?.how === 'in place') deflateStreams(pdf, (data) => deflateInPlace(data, deflating.level));
  if (deflating?.how === 'helper') deflateStreams(pdf, (data) => deflateStream(data, deflating.level));
  // Each stream's deflate finishes before the one started ahead of it: the file must not care.
  if (deflating?.how === 'reversed') {
    deflateStreams(pdf, (data) => new Promise((r) => setTimeout(() => r(deflateInPlace(data, deflating.level)), (delay = Math.max(0, delay - 5)))));
  }
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => pdf.on('end', r));
  pdf.registerFont('f', loadFace(BUNDLED.serif).font as unknown as string);
  for (const s of strings.slice(0, 3)) {
    pdf.addPage({ size: [300, 300] });
    // A structure element: pdfkit clears its /K right after writing it, so a late write would lose it.
    pdf.addStructure(pdf.struct('P', {}, () => pdf.font('f').fontSize(12).text(s, 10, 10)));
  }
  pdf.outline.addItem('Bookmark');
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

test("deflate through the adapter at pdfkit's level 6 is pdfkit's own file, wherever and in whatever order it runs; another level, the same content", async (t) => {
  const own = await sample();
  startDeflateHelper();
  t.after(stopDeflateHelper);
  for (const how of ['in place', 'helper', 'reversed'] as const) {
    assert.ok(own.equals(await sample({ level: 6, how })), `level 6 ${how}: byte-identical`);
  }
  assert.match(own.toString('latin1'), /\/K \[\d+ 0 R\]|\/K \[0\]|\/MCID 0/);
  const fast = await sample({ level: 1, how: 'helper' });
  assert.ok(!fast.equals(own));
  assert.ok(fast.equals(await sample({ level: 1, how: 'reversed' })), 'level 1: the same file in any order');
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-deflate-'));
  writeFileSync(join(dir, 'own.pdf'), own);
  writeFileSync(join(dir, 'fast.pdf'), fast);
  execFileSync('qpdf', ['--check', join(dir, 'fast.pdf')]);
  const text = (f: string) => execFileSync('pdftotext', [join(dir, f), '-'], { encoding: 'utf8' });
  assert.equal(text('fast.pdf'), text('own.pdf'));
  assert.ok(text('own.pdf').includes(strings[0]!.trim().slice(0, 4)));
});

test('a deflate that fails fails the document instead of writing it', async () => {
  const pdf = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  deflateStreams(pdf, () => Promise.reject(new Error('no memory for zlib')));
  const failed = new Promise<Error>((resolve) => pdf.on('error', resolve));
  let ended = false;
  pdf.on('data', () => {});
  pdf.on('end', () => (ended = true));
  pdf.addPage({ size: [100, 100] }).rect(10, 10, 20, 20).fill();
  pdf.end();
  assert.equal((await failed).message, 'no memory for zlib');
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(ended, false, 'no file was completed');
});

/** Runs as the renderer shows them: plain Han, kerned Latin, digits, stacked marks (GPOS offset), mixed; spacing and faux bold. */
const SHOWN: { face: 'serif' | 'tinos' | 'kai'; text: string; x: number; y: number; cs: number; bold: boolean }[] = [
  { face: 'serif', text: '同志们：今天我们召开全市经济工作会议。', x: 79.37, y: 206.3, cs: 0, bold: false },
  { face: 'serif', text: '“一是”，（二）——……《决定》', x: 79.371234567, y: 235.1, cs: -0.125, bold: false },
  { face: 'serif', text: '同志们', x: 100.5, y: 264, cs: 1.4285714, bold: true },
  { face: 'tinos', text: 'AV Wa To 2015', x: 120.25, y: 300, cs: 0.3, bold: false },
  { face: 'tinos', text: 'Ca\u0300\u0301fe — 12 —', x: 130, y: 320, cs: 0, bold: false },
  { face: 'serif', text: '第2015号文件', x: 90, y: 340, cs: 0.5, bold: false },
  { face: 'kai', text: '一是加强领导，二是抓好落实。', x: 95.5, y: 360, cs: 0, bold: true },
  { face: 'serif', text: '同志们', x: 100.5, y: 380, cs: 0, bold: false },
  { face: 'serif', text: '', x: 100.5, y: 400, cs: 0, bold: false },
];

/** The SHOWN runs in one uncompressed PDF, through pdfkit's text() or through showText. */
async function shown(direct: boolean, collect = false, compress = false): Promise<Buffer> {
  const pdf = new PDFDocument({ autoFirstPage: false, font: null as unknown as string, compress, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  const collected = collect ? collectOutput(pdf) : undefined;
  if (!collect) pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = collected ?? new Promise((r) => pdf.on('end', r));
  for (const [key, file] of [['serif', BUNDLED.serif], ['tinos', BUNDLED.tinos], ['kai', BUNDLED.kai]] as const) {
    pdf.registerFont(key, loadFace(file).font as unknown as string);
  }
  pdf.addPage({ size: [595.28, 841.89], margins: { top: 0, left: 0, right: 0, bottom: 0 } });
  for (const r of SHOWN) {
    selectFont(pdf, r.face, 16);
    if (direct) showText(pdf, r.text, r.x, r.y, r.cs, r.bold);
    else {
      const options: PDFKit.Mixins.TextOptions = { lineBreak: false, baseline: 'alphabetic' };
      if (r.cs) options.characterSpacing = r.cs;
      if (r.bold) Object.assign(options, { fill: true, stroke: true });
      pdf.text(r.text, r.x, r.y, options);
    }
  }
  pdf.end();
  if (collected) return Buffer.from(await collected);
  await done;
  return Buffer.concat(chunks);
}

test("showText writes the bytes of pdfkit's text(): content stream, subsets, widths, ToUnicode", async () => {
  const own = await shown(false);
  const direct = await shown(true);
  const content = (b: Buffer) => b.toString('latin1').match(/stream\n1 0 0 -1 0 841\.89 cm\n[\s\S]*?endstream/)![0];
  assert.equal(content(direct), content(own));
  // Kerning (TJ adjustments) and the mark's own Tm were written: the shaped path was taken.
  assert.match(content(own), /<[0-9a-f]+> -?\d+(\.\d+)? <[0-9a-f]+>/);
  assert.match(content(own), /Tm\n\[<[0-9a-f]+> 0\] TJ\n1 0 0 1 /);
  assert.ok(direct.equals(own), 'whole file byte-identical');
});

test("collectOutput gathers the very file pdfkit's stream gives, header to %%EOF", async () => {
  for (const compress of [false, true]) {
    const streamed = await shown(true, false, compress);
    const collected = await shown(true, true, compress);
    assert.ok(collected.subarray(0, 9).equals(Buffer.from('%PDF-1.3\n')), 'the header written on creation is there');
    assert.ok(collected.toString('latin1').trimEnd().endsWith('%%EOF'));
    assert.ok(collected.equals(streamed), `byte-identical (compress: ${compress})`);
  }
});
