/**
 * Item numbers and ranges: `3．全面提升` is a compact marker like `3.` (no blank cell after the
 * full-width stop), and `2018－2022年` becomes `2018—2022年` with the 一字线 of GB/T 15834, reported
 * by the normalizer, printed in the PDF, and never broken at the dash.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { parseSpeech } from '../../src/parse/index.ts';
import { CELL, bundled, drawn, lay, lines, pdfFile, speechOf, text } from './helpers.ts';

test('3． is set as compactly as 3.: the stop keeps half a cell, its ink side', async () => {
  const { measurer } = await bundled();
  const doc = await lay(speechOf(['3．全面提升治理能力。', '3.全面提升治理能力。']));
  const [full, half] = lines(doc).map((l) => drawn(l, measurer));
  const gap = (g: typeof full) => g![g!.findIndex((x) => x.ch === '全')]!.x - g![0]!.x;
  assert.ok(gap(full) <= gap(half) + 0.3 * CELL, `3．→全 ${(gap(full) / CELL).toFixed(2)} cells, 3.→全 ${(gap(half) / CELL).toFixed(2)}`);
  assert.ok(gap(full) < 1.2 * CELL, `no blank cell: ${(gap(full) / CELL).toFixed(2)} cells`);
});

test('year ranges take the 一字线: normalized with a finding, printed, and never split at the dash', async () => {
  const src = '一、工作回顾\n2018－2022年，全县生产总值年均增长6.5%，2021-2023年规划目标全面完成。\n';
  const parsed = parseSpeech(src, { file: 'range.txt' });
  const para = JSON.stringify(parsed.value!.children);
  assert.match(para, /2018—2022年/);
  assert.match(para, /2021—2023年/);
  assert.ok(parsed.diagnostics.some((d) => d.ruleId === 'normalize/range'), JSON.stringify(parsed.diagnostics.map((d) => d.ruleId)));
  // Not year ranges: a telephone number and a serial number keep their hyphens.
  assert.match(JSON.stringify(parseSpeech('一、联系方式\n电话010-12345678，编号2022-0001。\n', { file: 'x.txt' }).value!.children), /010-12345678.*2022-0001/);
  const file = await pdfFile(await lay(parsed.value!));
  const back = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.match(back, /2018—2022年/);
  // Put the dash at a line end: the range moves or stays whole.
  for (let k = 20; k < 30; k++) {
    const doc = await lay(speechOf(['全'.repeat(k) + '2018—2022年全县生产总值年均增长，各项工作取得了显著成效。']));
    const ls = lines(doc).map(text);
    for (let i = 0; i + 1 < ls.length; i++) assert.ok(!(/\d—?$/.test(ls[i]!) && /^—?\d/.test(ls[i + 1]!)), `${k}: ${ls.join(' | ')}`);
  }
});
