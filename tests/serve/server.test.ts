/**
 * The server without a browser (Fastify's inject): previews, fonts, downloads, limits, bad input,
 * names from the client, temp folders, batches, and worker lanes.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { unzipSync, zipSync, strFromU8 } from 'fflate';
import * as fontkit from 'fontkit';
import { testServer } from './browser.ts';
import { speech, longSpeech } from './fixtures.ts';
import { MAX_FILE_BYTES } from '../../src/serve/limits.ts';
import type { Started } from '../../src/serve/start.ts';
import { tempPdf, pdfText, pdfInfo } from '../render-pdf/pdf-tools.ts';

let started: Started;
const app = () => started.server.app;

before(async () => {
  started = await testServer({}, 2);
});
after(async () => {
  await started?.close();
});

/** A multipart body with files and fields. */
function form(files: Array<{ name: string; bytes: Uint8Array | string; field?: string }>, fields: Record<string, string> = {}) {
  const boundary = '----speechdoc-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(Buffer.from(f.bytes));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const preview = (text: string, extra: Record<string, unknown> = {}) => app().inject({ method: 'POST', url: '/api/preview', payload: { text, name: '稿.txt', ...extra } });

test('the page and its assets are served, in Chinese, with nothing from elsewhere', async () => {
  const page = await app().inject({ url: '/' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<html lang="zh-CN">/);
  assert.match(page.body, /下载 PDF/);
  assert.doesNotMatch(page.body, /https?:\/\//, 'no CDN or other outside address');
  for (const asset of ['/app.js', '/app.css', '/positions.js']) {
    const r = await app().inject({ url: asset });
    assert.equal(r.statusCode, 200, asset);
    assert.doesNotMatch(r.body.replace(/http:\/\/www\.w3\.org\/2000\/svg/g, ''), /https?:\/\//, `${asset} loads nothing from outside`);
  }
});

test('a preview gives SVG pages with the title and structure, and fonts that draw them', async () => {
  const r = await preview(speech());
  assert.equal(r.statusCode, 200);
  const p = r.json();
  assert.equal(p.pages.length, 1);
  assert.match(p.pages[0], /<svg [^>]*viewBox="0 0 595\.28 841\.89"/);
  assert.match(p.pages[0], />在全县春季农业生产工作会议上的讲话</);
  assert.equal(p.structure.fields.title.value, '在全县春季农业生产工作会议上的讲话');
  assert.equal(p.structure.fields.speaker.value, '县委书记　李明');
  assert.equal(p.structure.salutation.value, '同志们：');
  assert.deepEqual(p.structure.outline.map((h: { text: string }) => h.text), ['一、统一思想，提高认识', '二、突出重点，狠抓落实']);
  assert.ok(p.findings.some((f: { ruleId: string }) => f.ruleId === 'placeholder/unfilled'));
  // Each family the SVG names is served as a TrueType subset holding the characters drawn with it.
  for (const face of p.fontFaces) {
    assert.ok(p.pages[0].includes(`font-family:'${face.family}'`));
    const font = await app().inject({ url: face.url });
    assert.equal(font.statusCode, 200);
    assert.equal(font.headers['content-type'], 'font/ttf');
    const parsed = fontkit.create(font.rawPayload) as fontkit.Font;
    assert.ok(parsed.numGlyphs < 2000, 'a subset, not the whole face');
  }
  const bodyFamily = /font-family:'(sd-[0-9a-f]+)';font-size:16px">[^<]*春耕/.exec(p.pages[0])?.[1];
  const bodyFace = p.fontFaces.find((f: { family: string }) => f.family === bodyFamily);
  assert.ok(bodyFace, 'the body line names a served face');
  const body = fontkit.create((await app().inject({ url: bodyFace.url })).rawPayload) as fontkit.Font;
  for (const ch of '今年春耕生产任务重') assert.ok(body.hasGlyphForCodePoint(ch.codePointAt(0)!), `subset has ${ch}`);
});

test('the preset and draft switches change the pages', async () => {
  const official = (await preview(speech())).json();
  const reading = (await preview(speech(), { preset: 'reading' })).json();
  assert.ok(reading.pages.length > official.pages.length, 'the large-print copy takes more pages');
  assert.doesNotMatch(official.pages[0], /class="sd-draft"/);
  assert.match((await preview(speech(), { draft: true })).json().pages[0], /class="sd-draft"/);
  const bad = await preview(speech(), { preset: 'fancy' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error, /不认识的样式/);
});

test('a PNG renamed .txt is answered with its finding, and the server keeps serving', async () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
  const r = await app().inject({ method: 'POST', url: '/api/open', ...form([{ name: 'photo.txt', bytes: png }]) });
  assert.equal(r.statusCode, 200);
  const p = r.json();
  assert.equal(p.pages.length, 0);
  assert.equal(p.failed, true);
  assert.match(p.findings[0].message, /photo\.txt.*PNG/);
  const d = await app().inject({ method: 'POST', url: '/api/download', ...form([{ name: 'photo.txt', bytes: png }], { format: 'pdf' }) });
  assert.equal(d.statusCode, 422);
  assert.match(d.json().error, /photo\.txt 无法生成 PDF/);
  assert.doesNotMatch(d.body, /at .*\.ts:\d+/, 'no stack trace');
  assert.equal((await preview(speech())).statusCode, 200);
});

test('uploads over the limit are refused with the limit named', async () => {
  const big = new Uint8Array(MAX_FILE_BYTES + 1024).fill(0x41);
  const r = await app().inject({ method: 'POST', url: '/api/open', ...form([{ name: 'big.txt', bytes: big }]) });
  assert.equal(r.statusCode, 413);
  assert.match(r.json().error, /20 MB 的上限/);
  const long = await app().inject({ method: 'POST', url: '/api/preview', payload: { text: 'a'.repeat(5 * 1024 * 1024) } });
  assert.equal(long.statusCode, 413);
  assert.match(long.json().error, /上限/);
});

test('no path from the client is used, and the private temp folders are removed', async () => {
  const r = await app().inject({ method: 'POST', url: '/api/open', ...form([{ name: '../../../etc/会议讲话.txt', bytes: speech() }]) });
  assert.equal(r.json().name, '会议讲话.txt');
  const d = await app().inject({ method: 'POST', url: '/api/download', ...form([{ name: '..\\..\\x\\讲话.txt', bytes: speech() }], { format: 'docx' }) });
  assert.equal(d.statusCode, 200);
  assert.match(String(d.headers['content-disposition']), /filename\*=UTF-8''%E8%AE%B2%E8%AF%9D\.docx/);
  assert.ok(d.rawPayload.subarray(0, 2).equals(Buffer.from('PK')));
  assert.deepEqual(readdirSync(started.server.context.temp.root), [], 'request folders removed');
});

test('a batch of files and a zip comes back as one zip of PDFs, DOCX and the report', async () => {
  const zip = zipSync({ 'a/甲.txt': new TextEncoder().encode(speech('在甲会议上的讲话')), '../../乙.md': new TextEncoder().encode('# 在乙会议上的讲话\n\n正文一段。\n'), 'bad.txt': new Uint8Array([0, 1, 2, 3, 0, 0, 0]) });
  const r = await app().inject({
    method: 'POST',
    url: '/api/batch',
    ...form([{ name: '丙.txt', bytes: speech('在丙会议上的讲话'), field: 'files' }, { name: 'more.zip', bytes: zip, field: 'files' }]),
  });
  assert.equal(r.statusCode, 202, r.body);
  const { id, total } = r.json();
  assert.equal(total, 4);
  let state;
  for (;;) {
    state = (await app().inject({ url: `/api/batch/${id}` })).json();
    if (state.finished) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  assert.equal(state.done, 4);
  const result = unzipSync(new Uint8Array((await app().inject({ url: `/api/batch/${id}/zip` })).rawPayload));
  assert.deepEqual(Object.keys(result).sort(), ['report.json', '丙.docx', '丙.pdf', '乙.docx', '乙.pdf', '甲.docx', '甲.pdf'].sort());
  const report = JSON.parse(strFromU8(result['report.json']!));
  const byName = Object.fromEntries(report.files.map((f: { input: string; status: string }) => [f.input, f.status]));
  assert.equal(byName['bad.txt'], 'failed');
  assert.equal(byName['丙.txt'], 'warnings');
  assert.equal(byName['乙.md'], 'ok');
  assert.ok(result['甲.pdf']!.subarray(0, 5).every((b, i) => b === '%PDF-'.charCodeAt(i)));
  const missing = await app().inject({ url: '/api/batch/00000000-0000-0000-0000-000000000000' });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.json().error, /找不到/);
});

test('a 100k-character manuscript in one worker lane does not hold up a short one', async () => {
  const order: string[] = [];
  const big = preview(longSpeech(100_000)).then((r) => {
    order.push('big');
    return r;
  });
  // Give the big one a head start into its worker.
  await new Promise((res) => setTimeout(res, 50));
  const small = await preview(speech());
  order.push('small');
  assert.equal(small.statusCode, 200);
  const bigAnswer = await big;
  assert.equal(bigAnswer.statusCode, 200);
  assert.ok(bigAnswer.json().pages.length > 50, 'the long one is long');
  assert.deepEqual(order, ['small', 'big']);
});

test('a running batch does not hold up a preview: batch files wait behind it', async () => {
  const files = Array.from({ length: 8 }, (_, i) => ({ name: `稿${i}.txt`, bytes: speech(`在第${i}次会议上的讲话`, 12), field: 'files' }));
  const r = await app().inject({ method: 'POST', url: '/api/batch', ...form(files, { preset: 'reading' }) });
  assert.equal(r.statusCode, 202);
  const { id } = r.json();
  const p = await preview(speech());
  assert.equal(p.statusCode, 200);
  const state = (await app().inject({ url: `/api/batch/${id}` })).json();
  // It took the first worker to free up, not a place behind the eight files.
  assert.ok(state.done < files.length / 2, `the preview came back early in the batch (${state.done} of ${files.length} done)`);
  for (;;) {
    const s = (await app().inject({ url: `/api/batch/${id}` })).json();
    if (s.finished) break;
    await new Promise((res) => setTimeout(res, 100));
  }
});

test('a Word draft opens with its paragraphs in the editor, one a line, and its pages', async () => {
  const d = await app().inject({ method: 'POST', url: '/api/download', ...form([], { format: 'docx', text: speech(), name: '稿.txt' }) });
  assert.equal(d.statusCode, 200, d.body);
  const r = await app().inject({ method: 'POST', url: '/api/open', ...form([{ name: '稿.docx', bytes: d.rawPayload }]) });
  assert.equal(r.statusCode, 200);
  const p = r.json();
  const lines = p.text.split('\n').filter((l: string) => l.trim());
  assert.equal(lines[0], '在全县春季农业生产工作会议上的讲话');
  assert.ok(lines.includes('一、统一思想，提高认识'), p.text);
  assert.equal(p.pages.length, 1);
  // A finding's line is the editor's line.
  const blank = p.findings.find((f: { ruleId: string }) => f.ruleId === 'placeholder/unfilled');
  assert.match(p.text.split('\n')[blank.position.start.line - 1], /XX/);
});

test('on 127.0.0.1 a request naming another host is refused; the page allows nothing from elsewhere', async () => {
  const rebound = await app().inject({ url: '/api/info', headers: { host: 'attacker.example:8020' } });
  assert.equal(rebound.statusCode, 403);
  assert.match(rebound.json().error, /只接受本机访问/);
  assert.equal((await app().inject({ url: '/api/info', headers: { host: '127.0.0.1:8020' } })).statusCode, 200);
  const page = await app().inject({ url: '/' });
  assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
});

test('every page of the preview holds the text of the same page of the PDF', async () => {
  const text = speech('在全县春季农业生产工作会议上的讲话', 40);
  const p = (await preview(text, { preset: 'reading' })).json();
  const d = await app().inject({ method: 'POST', url: '/api/download', ...form([], { format: 'pdf', preset: 'reading', text, name: '稿.txt' }) });
  assert.equal(d.statusCode, 200);
  const file = tempPdf(new Uint8Array(d.rawPayload));
  assert.equal(Number(pdfInfo(file).Pages), p.pages.length);
  assert.ok(p.pages.length >= 3);
  const squash = (s: string) => s.replace(/\s+/g, '');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  p.pages.forEach((svg: string, i: number) => {
    assert.equal(squash(unescape(svg.replace(/<[^>]+>/g, ''))), squash(pdfText(file, i + 1)), `page ${i + 1}`);
  });
});
