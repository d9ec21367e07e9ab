/**
 * URLs and long Latin words: they break after / . - _ ? & = (not inside a hash or a word when such
 * a point exists), no justified line stretches its Han pitch beyond 1.15 cells, and word spaces
 * stretch before the gaps between Han characters do. Pitches from glyph origins as the PDF draws them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { CELL, bundled, drawn, lay, lines, pdfFile, speechOf, text } from './helpers.ts';

const HAN = /\p{Script=Han}/u;
const URL = 'https://www.beijing.gov.cn/zhengce/zhengcefagui/202211/t20221121_2862137.html?from=timeline&isappinstalled=0';

/** Largest distance between the origins of two neighbouring Han characters on justified lines, in cells. */
async function worstHanPitch(doc: Awaited<ReturnType<typeof lay>>): Promise<number> {
  const { measurer } = await bundled();
  let worst = 0;
  for (const l of lines(doc)) {
    if (l.last || l.kind !== 'body') continue;
    const g = drawn(l, measurer);
    for (let i = 0; i + 1 < g.length; i++) if (HAN.test(g[i]!.ch) && HAN.test(g[i + 1]!.ch)) worst = Math.max(worst, (g[i + 1]!.x - g[i]!.x) / CELL);
  }
  return worst;
}

test('a URL breaks after / . - _ ? & = and the Han around it keeps a pitch of at most 1.15 cells', async () => {
  const paras = [0, 3, 7, 11, 15, 19].map((k) => '详见市政府门户网站公开的实施细则和配套文件'.slice(0, 8 + k) + '，网址为' + URL + '，请各单位认真学习并抓好落实。');
  const doc = await lay(speechOf(paras));
  assert.ok((await worstHanPitch(doc)) <= 1.15 + 1e-6, `Han pitch ${(await worstHanPitch(doc)).toFixed(3)} cells`);
  const ls = lines(doc).map(text);
  for (let i = 0; i + 1 < ls.length; i++) {
    const a = ls[i]!;
    const b = ls[i + 1]!;
    // A line that ends inside the URL ends right after one of its break marks.
    const tail = /[\x21-\x7e]+$/.exec(a)?.[0] ?? '';
    const head = /^[\x21-\x7e]+/.exec(b)?.[0] ?? '';
    if (tail && head && URL.includes(tail + head)) assert.match(tail, /[/.\-_?&=]$/, `${a} | ${b}`);
  }
  const file = await pdfFile(doc);
  const back = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  assert.equal(back.split(URL).length - 1, paras.length, 'every URL comes back whole from the PDF');
});

test('word spaces between Latin words stretch before the gaps between Han characters', async () => {
  const { measurer } = await bundled();
  const doc = await lay(speechOf(['我们引进了 Apple Inc. 和 Microsoft Corporation 等企业的先进管理经验，推动全县数字经济发展迈上新台阶，取得了显著成效。']));
  const first = lines(doc)[0]!;
  const g = drawn(first, measurer);
  for (let i = 0; i + 1 < g.length; i++) {
    if (HAN.test(g[i]!.ch) && HAN.test(g[i + 1]!.ch)) assert.ok(g[i + 1]!.x - g[i]!.x < CELL + 0.05, `Han gap opened: ${g[i]!.ch}${g[i + 1]!.ch}`);
  }
  const space = g.findIndex((x) => x.ch === ' ');
  assert.ok(g[space + 1]!.x - g[space]!.x > g[space]!.adv + 0.5, 'the word space took the slack');
});
