/// <reference lib="dom" />
/** `build` writes output/index.html: page-1 thumbnails from the frame, page counts, findings, links. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli, workdirWith } from '../helpers/run-cli.ts';
import { pdfInfo, run } from '../render-pdf/pdf-tools.ts';
import { speech } from './fixtures.ts';
import { launchBrowser } from './browser.ts';

/** The characters a run of `<use>` elements draws (ids: face alias, then the code point in base 36). */
const drawn = (svg: string) => [...svg.matchAll(/<use href="#[A-Z]+([0-9a-z]+)"/g)].map((m) => String.fromCodePoint(parseInt(m[1]!, 36))).join('');

test('index.html shows each file: its first page, pages, findings and links that work', () => {
  const dir = workdirWith({
    'input/甲.txt': speech('在甲会议上的讲话', 30),
    'input/sub/乙.md': '# 在乙会议上的讲话\n\n同志们：\n\n正文一段。\n',
    'input/坏.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  });
  const r = runCli(['build', '--no-system-fonts'], dir);
  assert.equal(r.code, 1, r.stderr);
  const html = readFileSync(join(dir, 'output', 'index.html'), 'utf8');
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /3 个文件：1 个完成，1 个有警告，1 个失败/);
  // Thumbnails draw glyph outlines defined once for the page: no font is embedded.
  const titles = [...html.matchAll(/<g class="sd-line" data-role="title"[^>]*>(.*?)<\/g><\/g>/g)].map((m) => drawn(m[1]!));
  assert.deepEqual(titles.sort(), ['在乙会议上的讲话', '在甲会议上的讲话']);
  assert.doesNotMatch(html, /@font-face|data:font/);
  const ids = new Set([...html.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/<use href="#([^"]+)"/g)) assert.ok(ids.has(m[1]), `outline ${m[1]} is defined`);
  const pages = Number(pdfInfo(join(dir, 'output', '甲.pdf')).Pages);
  assert.ok(pages >= 2);
  assert.match(html, new RegExp(`有警告</span> · ${pages} 页`));
  assert.match(html, /占位符 “XX” 尚未填写/);
  assert.match(html, /坏\.txt[\s\S]*失败[\s\S]*PNG/);
  assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'nothing loaded from elsewhere');
  // Every link points at a file that is there.
  const links = [...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
  assert.deepEqual(links.sort(), ['sub/乙.docx', 'sub/乙.pdf', 'sub/乙.pdf', '甲.docx', '甲.pdf', '甲.pdf'].sort());
  for (const l of links) assert.ok(existsSync(join(dir, 'output', l)), l);
});

test('in the browser, a thumbnail’s title is drawn where the PDF has it', async () => {
  const dir = workdirWith({ 'input/甲.txt': speech('在甲会议上的讲话', 3) });
  const r = runCli(['build', '--no-system-fonts', '-f', 'pdf'], dir);
  assert.equal(r.code, 0, r.stderr);
  // The PDF's title: the first word of page 1 (pdftotext -bbox, points, y down as in SVG).
  const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<\/word>/.exec(run('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(dir, 'output', '甲.pdf'), '-']))!;
  assert.equal(word[5], '在甲会议上的讲话');
  const [xMin, yMin, xMax, yMax] = word.slice(1, 5).map(Number) as [number, number, number, number];
  const b = await launchBrowser();
  try {
    const page = await b.browser.newPage();
    await page.goto(pathToFileURL(join(dir, 'output', 'index.html')).href);
    const seen = await page.$eval('.sd-page .sd-line[data-role="title"]', (g) => {
      const box = (g as SVGGraphicsElement).getBBox();
      const uses = Array.from(g.querySelectorAll('use'));
      return { x: box.x, y: box.y, width: box.width, height: box.height, uses: uses.length, resolved: uses.filter((u) => document.getElementById(u.getAttribute('href')!.slice(1)) instanceof SVGPathElement).length };
    });
    assert.equal(seen.uses, 8);
    assert.equal(seen.resolved, 8, 'every glyph of the title has its outline');
    // The ink lies inside the PDF's text box and fills most of it (a side bearing at each end).
    assert.ok(seen.x >= xMin - 0.5 && seen.x <= xMin + 3, `ink starts at ${seen.x}, the PDF's text at ${xMin}`);
    assert.ok(seen.x + seen.width <= xMax + 0.5 && seen.x + seen.width >= xMax - 3, `ink ends at ${seen.x + seen.width}, the PDF's text at ${xMax}`);
    assert.ok(seen.y >= yMin - 0.5 && seen.y + seen.height <= yMax + 0.5 && seen.height > 0.7 * (yMax - yMin) * 0.8, `ink ${seen.y}+${seen.height} within ${yMin}–${yMax}`);
  } finally {
    await b.close();
  }
});
