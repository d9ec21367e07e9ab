/** `build` writes output/index.html: page-1 thumbnails from the frame, page counts, findings, links. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, workdirWith } from '../helpers/run-cli.ts';
import { pdfInfo } from '../render-pdf/pdf-tools.ts';
import { speech } from './fixtures.ts';

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
  // Thumbnails are SVG text drawn with embedded subsets.
  assert.match(html, /<svg [^>]*class="sd-page"[^>]*>.*>在甲会议上的讲话<\/tspan>/s);
  assert.match(html, />在乙会议上的讲话<\/tspan>/);
  assert.match(html, /@font-face \{ font-family: 'ix-[^']+'; src: url\(data:font\/ttf;base64,/);
  const pages = Number(pdfInfo(join(dir, 'output', '甲.pdf')).Pages);
  assert.ok(pages >= 2);
  assert.match(html, new RegExp(`有警告</span> · ${pages} 页`));
  assert.match(html, /占位符 “XX” 尚未填写/);
  assert.match(html, /坏\.txt[\s\S]*失败[\s\S]*PNG/);
  assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'nothing loaded from elsewhere');
  // Every link points at a file that is there.
  const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
  assert.deepEqual(links.sort(), ['sub/乙.docx', 'sub/乙.pdf', 'sub/乙.pdf', '甲.docx', '甲.pdf', '甲.pdf'].sort());
  for (const l of links) assert.ok(existsSync(join(dir, 'output', l)), l);
});
