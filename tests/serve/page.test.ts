/// <reference lib="dom" />
/**
 * The page in a real browser (Debian's chromium through puppeteer-core): paste the sample, see the
 * pages, edit the title, click a finding, download the PDF, drop a PNG renamed .txt.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import type { Page } from 'puppeteer-core';
import { launchBrowser, testServer, downloadsOf, downloaded } from './browser.ts';
import { SAMPLE, runCli, tempDir } from '../helpers/run-cli.ts';
import { pdfText, pdfInfo } from '../render-pdf/pdf-tools.ts';
import type { Started } from '../../src/serve/start.ts';

let server: Started;
let close: () => Promise<void>;
let page: Page;

before(async () => {
  server = await testServer();
  const b = await launchBrowser();
  close = b.close;
  page = await b.browser.newPage();
  await page.setViewport({ width: 1400, height: 860 });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
});

after(async () => {
  await close?.();
  await server?.close();
});

/** Wait for the next rendering of the pages after `action`. */
async function nextRender(action: () => Promise<unknown>): Promise<void> {
  const before = await page.$eval('body', (b) => Number(b.dataset.renders ?? 0));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.renders ?? 0) > n && document.body.dataset.state !== 'busy', { timeout: 60_000 }, before);
}

const svgLines = (p: Page, pageIndex: number) =>
  p.$$eval(`#pages .page[data-index="${pageIndex}"] text.sd-line:not(.sd-footer)`, (ts) => ts.map((t) => t.textContent ?? ''));

/** Build a text file with the CLI, as a user would, and return the PDF's path. */
function cliPdf(name: string, text: string): string {
  const work = tempDir();
  writeFileSync(join(work, name), text);
  const r = runCli(['build', name, '-o', 'out', '--format', 'pdf', '--no-system-fonts'], work);
  assert.equal(r.code, 0, r.stderr);
  return join(work, 'out', name.replace(/\.txt$/, '.pdf'));
}

const squash = (s: string) => s.replace(/\s+/g, '');

test('pasting the sample shows its pages, line for line the PDF the CLI writes', async () => {
  const sample = readFileSync(SAMPLE, 'utf8');
  await nextRender(() => page.$eval('#editor', (el, t) => {
    (el as HTMLTextAreaElement).value = t;
    el.dispatchEvent(new Event('input'));
  }, sample));
  const reference = cliPdf('讲话稿.txt', sample);
  const pages = Number(pdfInfo(reference).Pages);
  assert.equal(await page.$eval('body', (b) => Number(b.dataset.pages)), pages);
  assert.equal((await page.$$('#pages svg.sd-page')).length, pages);
  const first = await svgLines(page, 0);
  assert.equal(first[0], '在防疫期间春节后上班收心会上的讲话');
  // Every line of page 1 is a line of the PDF's page 1, in order: same breaks.
  const pdfPage1 = squash(pdfText(reference, 1));
  let at = 0;
  for (const line of first) {
    const found = pdfPage1.indexOf(squash(line), at);
    assert.ok(found >= 0, `line not on the PDF's page 1 in order: ${line}`);
    at = found + squash(line).length;
  }
  assert.ok(first.some((l) => l.startsWith('按照惯例，今天这个领导干部大会')), 'a body line is in the SVG text');
  // The glyphs are drawn with the served subsets, not a browser fallback.
  const fontsLoaded = await page.evaluate(() => [...(document.fonts as unknown as Iterable<FontFace>)].filter((f) => f.family.startsWith('sd-') && f.status === 'loaded').length);
  assert.ok(fontsLoaded >= 2, `font subsets loaded: ${fontsLoaded}`);
  mkdirSync('/tmp/serve-shots', { recursive: true });
  await page.screenshot({ path: '/tmp/serve-shots/1-pasted.png' });
});

test('editing the title field re-typesets with the new title', async () => {
  await nextRender(async () => {
    await page.click('#field-title', { count: 3 });
    await page.keyboard.type('在全县春节后收心会上的讲话');
  });
  const first = await svgLines(page, 0);
  assert.equal(first[0], '在全县春节后收心会上的讲话');
  const editor = await page.$eval('#editor', (el) => (el as HTMLTextAreaElement).value);
  assert.match(editor.split('\n')[0]!, /在全县春节后收心会上的讲话/);
});

test('clicking a finding selects it in the text and marks it on the page', async () => {
  await page.click('#findings li.warning[data-rule="placeholder/unfilled"]');
  await page.waitForSelector('#pages .sd-mark');
  const selected = await page.$eval('#editor', (el) => {
    const t = el as HTMLTextAreaElement;
    return t.value.slice(t.selectionStart, t.selectionEnd);
  });
  assert.equal(selected, 'XX');
  // The mark lies over the placeholder's characters on the page.
  const under = await page.$eval('#pages .sd-mark', (mark) => {
    const r = (mark as SVGRectElement).getBBox();
    const svg = (mark as SVGRectElement).ownerSVGElement!;
    const hits: string[] = [];
    for (const t of Array.from(svg.querySelectorAll('text.sd-line'))) {
      const text = t as SVGTextElement;
      for (let i = 0; i < text.getNumberOfChars(); i++) {
        const e = text.getExtentOfChar(i);
        const cx = e.x + e.width / 2;
        const cy = e.y + e.height / 2;
        if (cx > r.x && cx < r.x + r.width && cy > r.y && cy < r.y + r.height) hits.push(text.textContent![i]!);
      }
    }
    return hits.join('');
  });
  assert.equal(under, 'XX');
  await page.screenshot({ path: '/tmp/serve-shots/2-finding.png' });
});

test('the PDF downloaded is the one the CLI writes for the same text', async () => {
  const dir = await downloadsOf(page);
  await page.click('#download-pdf');
  const file = await downloaded(dir, '.pdf');
  assert.match(pdfText(file, 1), /在全县春节后收心会上的讲话/);
  const text = await page.$eval('#editor', (el) => (el as HTMLTextAreaElement).value);
  assert.ok(readFileSync(file).equals(readFileSync(cliPdf('讲话稿.txt', text))), 'same bytes as `speechdoc build`');
});

test('a PNG renamed .txt dropped on the editor is answered with its finding', async () => {
  const png = tinyPng();
  await page.evaluate((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], '照片.txt', { type: 'text/plain' }));
    document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, Buffer.from(png).toString('base64'));
  await page.waitForSelector('#findings li.error');
  const finding = await page.$eval('#findings li.error', (li) => li.textContent ?? '');
  assert.match(finding, /照片\.txt/);
  assert.equal(await page.$eval('body', (b) => b.dataset.pages), '0');
  const message = await page.$eval('#message', (m) => m.textContent ?? '');
  assert.match(message, /照片\.txt/);
  await page.screenshot({ path: '/tmp/serve-shots/3-png.png' });
  // The server is still serving.
  const info = await fetch(new URL('/api/info', server.url));
  assert.equal(info.status, 200);
});

test('a batch of files shows its progress and gives a zip of PDFs, DOCX and the report', async () => {
  const work = tempDir();
  const a = join(work, '甲.txt');
  const b = join(work, '乙.txt');
  writeFileSync(a, '在甲会议上的讲话\n同志们：\n今天开会。\n');
  writeFileSync(b, '在乙会议上的讲话\n同志们：\n明天开会。\n');
  await page.click('#batch-toggle');
  const input = await page.$('#batch-files');
  await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(a, b);
  await page.waitForSelector('#batch-zip:not([hidden])', { timeout: 120_000 });
  const progress = await page.$eval('#batch-progress', (p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max]);
  assert.deepEqual(progress, [2, 2]);
  assert.match(await page.$eval('#batch-status', (s) => s.textContent ?? ''), /全部完成：共 2 个文件，0 个失败/);
  const list = await page.$$eval('#batch-list li', (lis) => lis.map((li) => li.textContent ?? ''));
  assert.deepEqual(list.sort(), ['乙.txt：完成（1 页）', '甲.txt：完成（1 页）']);
  const href = await page.$eval('#batch-zip', (el) => (el as HTMLAnchorElement).href);
  const zip = unzipSync(new Uint8Array(await (await fetch(href)).arrayBuffer()));
  assert.deepEqual(Object.keys(zip).sort(), ['report.json', '乙.docx', '乙.pdf', '甲.docx', '甲.pdf'].sort());
  await page.screenshot({ path: '/tmp/serve-shots/4-batch.png' });
  await page.click('#batch-close');
});

/** A real 2×2 PNG (signature, IHDR, IDAT, IEND). */
function tinyPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 0]);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
