import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import { renderPdf } from '../../src/render/pdf/render-pdf.ts';
import type { PagedDocument } from '../../src/layout/types.ts';
import { testFonts } from './test-fonts.ts';
import { quotesAndTableDocument, sampleDocument } from './sample-document.ts';
import { pdfFonts, pdfInfo, pdfObjects, pdfText, run, str, tempPdf, xmpPacket } from './pdf-tools.ts';
import { linesOf } from '../layout/helpers.ts';

const DATE = new Date('2024-03-01T08:00:00Z');
const strip = (s: string) => s.replace(/[\s\u3000]+/g, '');
const lineText = (l: { runs: { text: string }[] }) => l.runs.map((r) => r.text).join('');

async function render(doc: PagedDocument, options: Parameters<typeof renderPdf>[2] = {}) {
  const bytes = await renderPdf(doc, testFonts(), { date: DATE, ...options });
  return { bytes, file: tempPdf(bytes) };
}

const sample = sampleDocument();
const rendered = render(sample, { keywords: ['讲话', '经济工作'] });

test('pdftotext gives back every line in order, page numbers included', async () => {
  const { file } = await rendered;
  sample.pages.forEach((page, i) => {
    const expected = [...linesOf(page), ...page.footer].map(lineText).join('');
    assert.equal(strip(pdfText(file, i + 1)), strip(expected), `page ${i + 1}`);
  });
});

test('no spaces appear inside Chinese lines', async () => {
  const { file } = await rendered;
  const lines = pdfText(file, 1).split('\n').filter((l) => l.trim());
  const body = linesOf(sample.pages[0]!).filter((l) => !/[\s\u3000A-Za-z0-9]/.test(lineText(l)));
  for (const l of body) {
    const got = lines.find((x) => strip(x) === lineText(l));
    assert.ok(got !== undefined, `line not extracted as one line: ${lineText(l)}`);
    assert.equal(got, lineText(l));
  }
  assert.ok(body.length >= 15);
});

test('runs land at their x and on their baseline', async () => {
  const { file } = await rendered;
  const words = [...run('pdftotext', ['-f', '1', '-l', '1', '-bbox', file, '-']).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)];
  const face = testFonts().faces().find((f) => f.key === 'serif')!.font;
  const descent = face.descent / face.unitsPerEm;
  let checked = 0;
  for (const line of linesOf(sample.pages[0]!)) {
    const first = line.runs[0]!;
    if (first.faceKey !== 'serif') continue;
    // poppler's box bottom is the baseline minus the face's descent; its left is the run's x.
    const bottom = line.baselinePt - descent * first.sizePt;
    const word = words.find((w) => Math.abs(Number(w[1]) - first.xPt) < 0.01 && Math.abs(Number(w[3]) - bottom) < 0.01);
    assert.ok(word && first.text.startsWith(word[4]!.slice(0, 2)), lineText(line));
    checked++;
  }
  assert.ok(checked >= 10, `checked ${checked} lines`);
});

test('fonts are embedded subsets with ToUnicode, and no standard-14 font', async () => {
  const { file } = await rendered;
  const fonts = pdfFonts(file);
  assert.deepEqual(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort(), ['LXGWWenKai-Regular', 'NotoSerifSC-Regular']);
  for (const f of fonts) assert.deepEqual([f.emb, f.sub, f.uni], ['yes', 'yes', 'yes'], f.name);
  assert.doesNotMatch(run('pdffonts', [file]), /Helvetica/);
});

test('document properties, tagging, page count and version', async () => {
  const { file } = await rendered;
  const info = pdfInfo(file);
  assert.equal(info.Title, sample.meta.title);
  assert.equal(info.Author, '县委书记　张三');
  assert.equal(info.Subject, '在全县经济工作会议上的讲话');
  assert.equal(info.Keywords, '讲话, 经济工作');
  assert.equal(info.Creator, 'speechdoc');
  assert.equal(info.Producer, 'speechdoc');
  assert.equal(info.Tagged, 'yes');
  assert.equal(info.Pages, String(sample.pages.length));
  assert.equal(info['PDF version'], '1.7');
  assert.match(info.CreationDate!, /2024/);
  assert.ok(sample.pages.length >= 3);
});

test('qpdf finds no structural errors', async () => {
  const { file } = await rendered;
  assert.match(run('qpdf', ['--check', file]), /No syntax or stream encoding errors/);
});

test('catalog: language, display title, page labels, outlines', async () => {
  const { file } = await rendered;
  const objects = pdfObjects(file);
  const catalog = Object.values(objects).find((o) => (o as Record<string, unknown>)?.['/Type'] === '/Catalog') as Record<string, unknown>;
  assert.equal(str(catalog['/Lang']), 'zh-CN');
  assert.deepEqual(catalog['/PageLabels'], { '/Nums': [0, { '/S': '/D' }] });
  const prefs = objects[String(catalog['/ViewerPreferences']).replace(/^obj:/, '')] as Record<string, unknown>;
  assert.equal(prefs['/DisplayDocTitle'], true);
  assert.equal(catalog['/PageMode'], '/UseOutlines');
});

test('bookmarks: titles, nesting, page and y of every heading', async () => {
  const { file } = await rendered;
  const objects = pdfObjects(file);
  const get = (ref: unknown) => objects[String(ref)] as Record<string, unknown>;
  const catalog = Object.values(objects).find((o) => (o as Record<string, unknown>)?.['/Type'] === '/Catalog') as Record<string, unknown>;
  const pages = (get(catalog['/Pages'])['/Kids'] as string[]).map(String);
  const walk = (ref: unknown, depth: number): { title: string; depth: number; page: number; top: number }[] => {
    const out: { title: string; depth: number; page: number; top: number }[] = [];
    for (let r = ref; r; r = get(r)['/Next']) {
      const item = get(r);
      const dest = item['/Dest'] as unknown[];
      assert.equal(dest[1], '/XYZ');
      out.push({ title: str(item['/Title']), depth, page: pages.indexOf(String(dest[0])), top: dest[3] as number });
      if (item['/First']) out.push(...walk(item['/First'], depth + 1));
    }
    return out;
  };
  const got = walk(get(catalog['/Outlines'])['/First'], 1);
  const want = sample.outline.map((e) => ({ title: e.title, depth: e.depth, page: e.pageIndex, top: Math.round((sample.heightPt - e.topPt) * 100) / 100 }));
  assert.deepEqual(got, want);
  assert.equal(get(catalog['/Outlines'])['/Count'], want.length);
});

test('structure tree: Document with Title, H1, H2 and P elements in order', async () => {
  const { file } = await rendered;
  const objects = pdfObjects(file);
  const root = Object.values(objects).find((o) => (o as Record<string, unknown>)?.['/Type'] === '/StructTreeRoot') as Record<string, unknown>;
  assert.deepEqual(root['/RoleMap'], { '/Title': '/H1' });
  const doc = objects[String((root['/K'] as unknown[])[0])] as Record<string, unknown>;
  assert.equal(doc['/S'], '/Document');
  const kids = (doc['/K'] as unknown[]).map((k) => (objects[String(k)] as Record<string, unknown>)['/S']);
  const blocks = new Map<number, string>();
  for (const p of sample.pages) for (const l of linesOf(p)) blocks.set(l.blockIndex, `/${l.tag}`);
  assert.deepEqual(kids, [...blocks.values()]);
});

test('page numbers are drawn as pagination artifacts on every page', async () => {
  const { file, bytes } = await rendered;
  sample.pages.forEach((p, i) => assert.match(pdfText(file, i + 1), new RegExp(`— ${p.number} —`)));
  const uncompressed = run('qpdf', ['--qdf', '--object-streams=disable', file, '-']);
  assert.equal(uncompressed.match(/\/Artifact <<\n?\/Type \/Pagination\n?>> BDC/g)?.length, sample.pages.length);
  assert.ok(bytes.length > 0);
});

test('two renders with the same date are byte-identical', async () => {
  const a = await renderPdf(sample, testFonts(), { date: DATE, keywords: ['讲话', '经济工作'] });
  const b = await renderPdf(sampleDocument(), testFonts(), { date: DATE, keywords: ['讲话', '经济工作'] });
  assert.ok(Buffer.from(a).equals(Buffer.from(b)));
  const c = await renderPdf(sample, testFonts(), { date: new Date('2024-03-02T08:00:00Z') });
  assert.ok(!Buffer.from(a).equals(Buffer.from(c)));
});

test('a title with & < > " keeps the XMP well-formed and the Info title exact', async () => {
  const title = '关于“A&B”<试点>"方案"的讲话';
  const doc = sampleDocument();
  doc.meta = { ...doc.meta, title };
  const { bytes, file } = await render(doc);
  const xmp = xmpPacket(bytes);
  assert.equal(XMLValidator.validate(xmp), true);
  assert.match(xmp, /关于“A&amp;B”&lt;试点&gt;&quot;方案&quot;的讲话/);
  assert.equal(pdfInfo(file).Title, title);
});

test('PDF/A-2b: pdfaid in XMP, sRGB output intent, XMP dates match Info, qpdf clean', async () => {
  const { bytes, file } = await render(sample, { pdfa: true });
  const xmp = xmpPacket(bytes);
  assert.equal(XMLValidator.validate(xmp), true);
  assert.match(xmp, /<pdfaid:part>2<\/pdfaid:part>/);
  assert.match(xmp, /<pdfaid:conformance>B<\/pdfaid:conformance>/);
  assert.match(xmp, /<xmp:CreateDate>2024-03-01T08:00:00Z<\/xmp:CreateDate>/);
  assert.match(xmp, /<xmp:ModifyDate>2024-03-01T08:00:00Z<\/xmp:ModifyDate>/);
  assert.match(xmp, /<pdf:Producer>speechdoc<\/pdf:Producer>/);
  assert.match(run('qpdf', ['--check', file]), /No syntax or stream encoding errors/);
  const objects = pdfObjects(file);
  const intent = Object.values(objects).find((o) => (o as Record<string, unknown>)?.['/Type'] === '/OutputIntent') as Record<string, unknown>;
  assert.equal(intent['/S'], '/GTS_PDFA1');
  assert.equal(pdfInfo(file).Tagged, 'yes');
});

test('narrow quotes are drawn at their offsets, text in order; tables are tagged by row and cell', async () => {
  const doc = quotesAndTableDocument();
  const { file } = await render(doc);
  assert.equal(strip(pdfText(file)), strip('他说“好”“对”。指标增幅生产总值百分之六点五— 1 —'));
  const words = [...run('pdftotext', ['-bbox', file, '-']).matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)];
  const open = words.find((w) => w[2]!.startsWith('“好'))!;
  const line = linesOf(doc.pages[0]!)[0]!;
  // “ sits at the right of its cell: the cell's left edge plus the offset.
  assert.ok(Math.abs(Number(open[1]) - (line.runs[1]!.xPt + line.runs[1]!.glyphOffsetsEm![0]! * 16)) < 0.01);
  const objects = pdfObjects(file);
  const s = (t: string) => Object.values(objects).filter((o) => (o as Record<string, unknown>)?.['/S'] === t).length;
  assert.deepEqual([s('/Table'), s('/TR'), s('/TH'), s('/TD')], [1, 2, 2, 2]);
});

test('draft: placeholder runs get a highlight box; without draft none', async () => {
  const boxes = async (draft: boolean) => {
    const { file } = await render(sample, { draft });
    return (run('qpdf', ['--qdf', '--object-streams=disable', file, '-']).match(/^1 0\.949\d* 0\.658\d* scn\n[\d.]+ [\d.]+ [\d.]+ 16 re$/gm) ?? []).length;
  };
  assert.ok((await boxes(true)) >= 1);
  assert.equal(await boxes(false), 0);
});

test('edge cases: no pages renders a valid file; an unknown face is a clear error', async () => {
  const empty: PagedDocument = { ...sampleDocument(), pages: [], outline: [] };
  const { file } = await render(empty);
  assert.match(run('qpdf', ['--check', file]), /No syntax or stream encoding errors/);
  const bad = sampleDocument();
  linesOf(bad.pages[0]!)[0]!.runs[0]!.faceKey = 'nope';
  await assert.rejects(renderPdf(bad, testFonts(), { date: DATE }), /face "nope"/);
});
