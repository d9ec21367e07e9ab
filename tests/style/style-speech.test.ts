/**
 * The style stage's decisions, with the fake measurer: printed text of the title block and
 * furniture, looks of leads under each leadStyle, faces per character, and how layout keeps them
 * (the writer's title breaks, 落款 flush right two characters in).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpeech } from '../../src/parse/index.ts';
import { styleSpeech } from '../../src/style/style-speech.ts';
import { layoutStyled } from '../../src/layout/index.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import type { StyledTextBlock } from '../../src/style/types.ts';
import { fakeMeasurer } from '../layout/fake-measurer.ts';
import { G, linesOf, speech, text } from '../layout/helpers.ts';

const fake = fakeMeasurer();
const NOTICE = readFileSync(join(import.meta.dirname, 'fixtures', 'official-notice.txt'), 'utf8');
const textOf = (b: StyledTextBlock) => b.runs.map((r) => r.text).join('');

test('an official notice prints its furniture where GB/T 9704 puts it', () => {
  const { value: s } = parseSpeech(NOTICE, { file: 'notice.txt' });
  const styled = styleSpeech(s!, OFFICIAL, fake).value;
  const roles = styled.blocks.map((b) => b.role);
  assert.deepEqual(roles, ['title', 'docNumber', 'addressee', 'paragraph', 'heading', 'paragraph', 'heading', 'paragraph', 'attachment', 'signature', 'signedDate']);
  const by = (role: string) => styled.blocks.find((b) => b.role === role) as StyledTextBlock;
  assert.equal(by('docNumber').align, 'center');
  assert.equal(by('addressee').indentChars, 0);
  assert.equal(by('addressee').blankLinesBefore, 1, 'one blank line under the title block');
  assert.equal(by('attachment').indentChars, 2);
  assert.equal(by('attachment').blankLinesBefore, 1, '附件说明 one line under the body');
  assert.equal(by('signature').align, 'right');
  // 2024年3月5日 (3 Han + 6 digits = 6 cells) starting two right of 北京市某某局 (6) would reach the
  // edge: the date takes 右空二字 and the name moves left to stay two characters ahead of it.
  assert.equal(by('signedDate').endIndentChars, 2);
  assert.equal(by('signature').endIndentChars, 4);

  const doc = layoutStyled(styled, fake);
  const lines = doc.pages.flatMap(linesOf);
  const title = lines.filter((l) => l.kind === 'title').map(text);
  assert.deepEqual(title, ['关于做好数据专区建设', '试点工作的通知'], 'the title keeps the writer\'s line break');
  const signature = lines.find((l) => l.kind === 'signature')!;
  assert.ok(Math.abs(signature.xPt + signature.widthPt - (G.blockLeftPt + G.blockWidthPt - 4 * G.cellPt)) < 0.01, 'the name ends four characters in');
  const date = lines.find((l) => l.kind === 'signedDate')!;
  // Within a fifth of a character: the style stage counts a digit as half a cell, the face decides.
  assert.ok(Math.abs(date.xPt - signature.xPt - 2 * G.cellPt) < 0.2 * G.cellPt, 'the date starts two characters right of the name');
});

test('leadStyle decides one look for points and run-in headings alike', () => {
  const { value: s } = parseSpeech('标题\n同志们：\n（一）强化责任。一是压实责任。要落实。\n', { file: 'a.txt' });
  const runsOf = (leadStyle: 'role' | 'bold' | 'none') => {
    const para = styleSpeech(s!, { ...OFFICIAL, leadStyle }, fake).value.blocks.find((b) => b.role === 'paragraph') as StyledTextBlock;
    return para.runs.map((r) => [r.text, r.role, r.fontRole, r.bold]);
  };
  assert.deepEqual(runsOf('role'), [['（一）强化责任。', 'runInHeading', 'heading2', false], ['一是压实责任。', 'lead', 'lead', false], ['要落实。', 'text', 'body', false]]);
  assert.deepEqual(runsOf('bold'), [['（一）强化责任。', 'runInHeading', 'body', true], ['一是压实责任。', 'lead', 'body', true], ['要落实。', 'text', 'body', false]]);
  assert.deepEqual(runsOf('none'), [['（一）强化责任。', 'runInHeading', 'body', false], ['一是压实责任。', 'lead', 'body', false], ['要落实。', 'text', 'body', false]]);
});

test('the printed text of the title block is settled once: trimmed lines, （原标题：…）, credits', () => {
  const s = speech(['正文。'], { title: '  标题  ', originalTitle: '旧标题', credits: [{ label: '编辑', value: '王芳' }] });
  const off = styleSpeech(s, OFFICIAL, fake).value.blocks as StyledTextBlock[];
  assert.deepEqual(off.map(textOf), ['标题', '正文。']);
  const on = styleSpeech(s, { ...OFFICIAL, printOriginalTitle: true, printCredits: true }, fake).value.blocks as StyledTextBlock[];
  assert.deepEqual(on.map((b) => [b.role, textOf(b), b.blankLinesBefore]), [
    ['title', '标题', 0], ['originalTitle', '（原标题：旧标题）', 0], ['paragraph', '正文。', 1], ['credit', '编辑：王芳', 1],
  ]);
});

test('each character gets its face once: Latin in the latin role, fallbacks and missing glyphs flagged', () => {
  const m = fakeMeasurer({ missing: [0x20000] });
  const styled = styleSpeech(speech(['增长 6.5%，𠀀字。']), OFFICIAL, m);
  const runs = (styled.value.blocks[0] as StyledTextBlock).runs;
  assert.deepEqual(runs.map((r) => [r.text, r.faceKey, r.missing ?? false]), [
    ['增长', 'body', false], [' 6.5%', 'latin', false], ['，', 'body', false], ['𠀀', 'body', true], ['字。', 'body', false],
  ]);
  assert.deepEqual(styled.diagnostics.map((d) => d.ruleId), ['fonts/missing-glyph']);
  assert.deepEqual(styled.value.facesUsed, ['body', 'latin']);
});

test('a styled speech and its frame survive a JSON round trip unchanged', () => {
  const { value: s } = parseSpeech(NOTICE, { file: 'notice.txt' });
  const styled = styleSpeech(s!, OFFICIAL, fake).value;
  const frame = layoutStyled(styled, fake);
  assert.deepEqual(JSON.parse(JSON.stringify(styled)), styled);
  assert.deepEqual(JSON.parse(JSON.stringify(frame)), frame);
});

test('an attachment line hangs its wrapped lines under the name\'s first character, after 附件： and the number (GB/T 9704 7.3.4)', () => {
  const cases: Array<[string, string]> = [
    ['附件：1.关于开展安全生产大检查的实施方案', '关于'],
    ['附件：关于开展安全生产大检查的实施方案', '关于'],
    ['附件：（1）安全生产大检查实施方案', '安全'],
    ['2．安全生产大检查工作联系人名单', '安全'],
    ['附件：一、安全生产大检查实施方案', '安全'],
  ];
  for (const [line, name] of cases) {
    const s = speech([{ type: 'paragraph', children: [{ type: 'text', value: '正文。' }] }]);
    s.meta.furniture = { attachments: [{ text: line }] };
    const block = styleSpeech(s, OFFICIAL, fake).value.blocks.find((b) => b.role === 'attachment') as StyledTextBlock;
    assert.equal(textOf(block).slice(block.hangAt), line.slice(line.indexOf(name)), line);
  }
  // Laid out: a name too long for a line goes on under its first character.
  const s = speech([{ type: 'paragraph', children: [{ type: 'text', value: '正文。' }] }]);
  s.meta.furniture = { attachments: [{ text: '附件：1.全县安全生产大检查工作方案及各乡镇各部门责任分工一览表征求意见稿' }] };
  const lines = layoutStyled(styleSpeech(s, OFFICIAL, fake).value, fake).pages.flatMap(linesOf).filter((l) => l.kind === 'attachment');
  assert.equal(lines.length, 2);
  // With the fake measurer: 2 cells of indent, 附件： 3 cells, 1. two half-em (8 pt) characters.
  assert.ok(Math.abs(lines[1]!.xPt - (G.blockLeftPt + 5 * G.cellPt + 16)) < 0.01, `second line at ${lines[1]!.xPt} pt`);
});
