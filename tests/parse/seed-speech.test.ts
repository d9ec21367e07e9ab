import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { inlineText } from '../../src/model/to-plain-text.ts';
import type { Heading, Lead, Paragraph, Speech } from '../../src/model/types.ts';
import { selectAll } from '../../src/model/visit.ts';
import { parseSpeechFile } from '../../src/parse/index.ts';
import { parseText } from '../../src/parse/text/parse-text.ts';
import { allTexts, problems, readBytes, repoPath, withoutPositions } from './helpers.ts';

const source = readFileSync(repoPath('input/seed-speech.txt'), 'utf8');
const { value: speech, diagnostics } = parseText(source, { file: 'seed-speech.txt' });
const s = speech as Speech;

test('the sample parses without errors or warnings', () => {
  assert.ok(speech);
  assert.deepEqual(problems(diagnostics), []);
});

test('title from the 原标题 line fills title and originalTitle', () => {
  assert.equal(s.meta.title, '在防疫期间春节后上班收心会上的讲话');
  assert.equal(s.meta.originalTitle, '在防疫期间春节后上班收心会上的讲话');
  assert.deepEqual(s.meta.positions?.title?.start, { line: 1, column: 5 });
});

test('exactly two level-1 headings 一、 and 二、', () => {
  const headings = selectAll(s, 'heading') as Heading[];
  assert.deepEqual(headings.map((h) => [h.depth, h.marker]), [[1, '一、'], [1, '二、']]);
  assert.equal(inlineText(headings[0]!.children), '认真总结经验，深刻领会中华民族团结奋进的磅礴精神');
  assert.deepEqual(headings[1]!.position?.start, { line: 9, column: 1 });
});

test('five paragraphs open with the leads 一是…五是', () => {
  const opened = s.children.filter((b): b is Paragraph => b.type === 'paragraph' && b.children[0]?.type === 'lead');
  assert.deepEqual(
    opened.map((p) => inlineText((p.children[0] as Lead).children)),
    ['一是全力抓好疫情防控。', '二是全力抓好项目建设。', '三是全力抓好脱贫攻坚。', '四是全力抓好民生工程。', '五是全力抓好城乡发展。'],
  );
  assert.ok(opened.every((p) => (p.children[0] as Lead).kind === 'point'));
  assert.deepEqual(opened.map((p) => (p.children[0] as Lead).marker), ['一是', '二是', '三是', '四是', '五是']);
  assert.equal(selectAll(s, 'lead').length, 5);
});

test('exactly six XX placeholders, with their source columns', () => {
  const ph = selectAll(s, 'placeholder');
  assert.deepEqual(ph.map((p) => p.value), ['XX', 'XX', 'XX', 'XX', 'XX', 'XX']);
  assert.deepEqual(ph[0]!.position, { start: { line: 11, column: 39 }, end: { line: 11, column: 41 } });
});

test('the trailing 编辑 line is a credit, not body text', () => {
  assert.deepEqual(s.meta.credits.map(({ label, value }) => ({ label, value })), [{ label: '编辑', value: '何利军' }]);
  assert.ok(!allTexts(s).some((t) => t.includes('何利军')));
});

test('no ASCII , : ; ? ! ( ) next to Han and no straight double quote anywhere in the model', () => {
  const bad = /[\p{Script=Han}][,:;?!()]|[,:;?!()][\p{Script=Han}]|"/u;
  for (const t of allTexts(s)) assert.doesNotMatch(t, bad, t);
  // the source had ~150 of them, each reported once as an info diagnostic
  const fixed = diagnostics.filter((d) => d.ruleId === 'normalize/punctuation');
  assert.ok(fixed.length >= 140, String(fixed.length));
  assert.ok(fixed.every((d) => d.severity === 'info' && d.position && d.file === 'seed-speech.txt'));
});

test('the body has 13 blocks: 2 headings and 11 paragraphs', () => {
  assert.deepEqual(s.children.map((b) => b.type), [
    'paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph', 'paragraph',
    'heading', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph',
  ]);
});

test('with normalize=false the ASCII marks stay and nothing is reported', () => {
  const r = parseText(source, { normalize: false });
  assert.equal(r.diagnostics.filter((d) => d.ruleId.startsWith('normalize/')).length, 0);
  assert.equal(r.value?.meta.title, '在防疫期间春节后上班收心会上的讲话');
  assert.equal(selectAll(r.value!, 'lead').length, 5);
  assert.ok(allTexts(r.value!).some((t) => t.includes(',')));
});

test('UTF-8, GBK, UTF-16 LE/BE and CRLF copies give the same model', async () => {
  const expected = withoutPositions(s);
  for (const f of ['seed-speech.gbk.txt', 'seed-speech.utf16le.txt', 'seed-speech.utf16be.txt', 'seed-speech.crlf.txt']) {
    const r = await parseSpeechFile(readBytes(`tests/parse/fixtures/${f}`), { file: f });
    assert.deepEqual(problems(r.diagnostics), [], f);
    assert.deepEqual(withoutPositions(r.value), expected, f);
    // positions too: same lines and columns whatever the encoding
    assert.deepEqual(r.value?.children.map((b) => b.position), s.children.map((b) => b.position), f);
  }
});
