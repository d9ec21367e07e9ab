/**
 * Digits and Latin take their role's weight: inside the title (小标宋 stand-in, ExtraBold) and the
 * 黑体 heading they are drawn from that role's own face, in the body from the Latin face (Times New
 * Roman's stand-in), and the PDF embeds the faces that draw them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { bundled, drawn, lay, lines, pdfFile, speechOf } from './helpers.ts';

const s = speechOf(
  [
    { type: 'heading', depth: 1, marker: '一、', children: [{ type: 'text', value: '2023年工作回顾' }] },
    { type: 'heading', depth: 2, marker: '（一）', children: [{ type: 'text', value: '完成GDP目标2.5%' }] },
    '全年完成地区生产总值2023亿元，增长6.5%。',
  ],
  { title: '政府工作报告——2024年3月5日' },
);

test('digits in the title and the 黑体/楷体 headings are set in that role\'s face; body digits in the Latin face', async () => {
  const { fontSet, measurer } = await bundled();
  const doc = await lay(s);
  const faceOf = (kind: string, ch: string) => {
    const line = lines(doc).find((l) => l.kind === kind && drawn(l, measurer).some((g) => g.ch === ch));
    assert.ok(line, `${kind} line with ${ch}`);
    return drawn(line, measurer).find((g) => g.ch === ch)!.faceKey;
  };
  assert.equal(faceOf('title', '4'), fontSet.role('title').key, 'title digits');
  assert.equal(faceOf('heading', '3'), fontSet.role('heading1').key, '黑体 heading digits');
  assert.equal(faceOf('heading', 'G'), fontSet.role('heading2').key, '楷体 heading Latin');
  assert.equal(faceOf('body', '6'), fontSet.role('latin').key, 'body digits stay in the Latin face');
  // The title's digits are as heavy as its Han: the ExtraBold face's own digits, wider than Tinos' 0.5 em.
  const title = lines(doc).find((l) => l.kind === 'title')!;
  const four = drawn(title, measurer).find((g) => g.ch === '4')!;
  assert.ok(four.adv / four.size > 0.55, `title digit advance ${(four.adv / four.size).toFixed(3)} em`);
});

test('the PDF embeds the title and heading faces that draw the digits, and gives the digits back', async () => {
  const { fontSet } = await bundled();
  const file = await pdfFile(await lay(s));
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  for (const role of ['title', 'heading1', 'heading2', 'latin'] as const) {
    assert.ok(fonts.includes(fontSet.role(role).font.postscriptName), `${role}: ${fontSet.role(role).font.postscriptName}\n${fonts}`);
  }
  const txt = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.match(txt, /一、2023年工作回顾/);
  assert.match(txt.replace(/\s+/g, ''), /政府工作报告——2024年3月5日/);
});
