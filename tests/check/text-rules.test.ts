/** placeholder/*, brackets/*, document/*, paragraph/*: what a reader of the printed handout would trip over. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkSpeech } from '../../src/check/index.ts';
import { validateSpeech } from '../../src/model/schema.ts';
import { paragraph, speech, table, tableCell, tableRow, text } from '../../src/model/build.ts';
import { fromLines, span } from './model-lines.ts';
import { found } from './found.ts';

const SEED = validateSpeech(JSON.parse(readFileSync(new URL('../model/fixtures/seed-speech.json', import.meta.url), 'utf8'))).speech!;

test('every placeholder left is a warning at its own column', () => {
  const s = fromLines(['讲话', '今年共有项目{XX}个，投资{××}亿元。']);
  assert.deepEqual(found(s, 'placeholder'), [
    '2:7 warning placeholder/unfilled 占位符 “XX” 尚未填写',
    '2:13 warning placeholder/unfilled 占位符 “××” 尚未填写',
  ]);
});

test('blanks the parser left as text are draft/placeholder-marker warnings', () => {
  const s = fromLines(['讲话', '由×××同志负责，某某单位配合，时间○○，【待核实】，签名______，【】。']);
  assert.deepEqual(found(s, 'draft/placeholder-marker').map((l) => l.split(' ').slice(0, 1).concat(l.split('“')[1]!).join(' ')), [
    '2:2 ×××”',
    '2:10 某某”',
    '2:19 ○○”',
    '2:22 【待核实】”',
    '2:30 ______”',
    '2:37 【】”',
  ]);
});

test('years written with ○ and words with XX inside are not blanks', () => {
  const s = fromLines(['讲话', '二○○八年，XXL号，TEXX。']);
  assert.deepEqual(found(s, 'draft/placeholder-marker'), []);
});

test('blanks in a title-block line are reported at that line', () => {
  const s = speech({ title: '讲话', speaker: '县委书记　×××', positions: { speaker: span(2, 1, 8) } }, [paragraph([text('正文。')])]);
  assert.deepEqual(found(s, 'draft/placeholder-marker'), ['2:6 warning draft/placeholder-marker 疑似未填写的占位符 “×××”']);
});

test('an unclosed bracket is reported at the bracket', () => {
  const s = fromLines(['讲话', '要坚持（以人民为中心，推动发展。', '他说：“我先来。', '这是《通知》》。']);
  assert.deepEqual(found(s, 'brackets'), [
    '2:4 warning brackets/unbalanced 括号不配对：（ 没有对应的 ）',
    '3:4 warning brackets/unbalanced 引号不配对：“ 没有对应的 ”',
    '4:7 warning brackets/unbalanced 括号不配对：》 前面没有对应的 《',
  ]);
});

test('an opener left inside a closed pair is reported; nested and ASCII pairs are fine', () => {
  const s = fromLines(['讲话', '（“甲）乙。', '“‘甲’”【乙】〔2024〕(1)[2]（全角混半角)。']);
  assert.deepEqual(found(s, 'brackets'), ['2:2 warning brackets/unbalanced 引号不配对：“ 没有对应的 ”']);
});

test('an empty speech is an error; a missing title a warning', () => {
  assert.deepEqual(found(speech({ title: '讲话' }), 'document'), ['0:0 error document/empty 正文为空：没有任何段落或标题']);
  const s = speech({ title: ' ' }, [paragraph([text('正文。')])]);
  assert.deepEqual(found(s, 'document'), ['0:0 warning document/no-title 讲话稿没有标题']);
});

test('a paragraph over the limit is reported once, as info', () => {
  const s = fromLines(['讲话', '短。', '长'.repeat(30)]);
  assert.deepEqual(found(s, 'paragraph', { maxParagraphChars: 20 }), ['3:1 info paragraph/too-long 段落过长：30 字，超过 20 字']);
  assert.deepEqual(found(s, 'paragraph'), []);
  assert.deepEqual(found(fromLines(['讲话', '长'.repeat(1501)]), 'paragraph').length, 1);
});

test('text in table cells is checked too', () => {
  const cell = tableCell([text('（未完', span(3, 2, 3))], span(3, 2, 3));
  const s = speech({ title: '讲话' }, [table(false, [tableRow([cell])])]);
  assert.deepEqual(found(s, 'brackets'), ['3:2 warning brackets/unbalanced 括号不配对：（ 没有对应的 ）']);
});

test('the user sample gives exactly its six XX placeholders and nothing else', () => {
  const all = checkSpeech(SEED);
  assert.equal(all.length, 6, all.map((d) => d.message).join('\n'));
  assert.ok(all.every((d) => d.ruleId === 'placeholder/unfilled' && d.severity === 'warning'));
});

test('findings come sorted by line and column, document-level ones first', () => {
  const s = fromLines(['', '三、乙{XX}', '（甲']);
  const order = checkSpeech(s).map((d) => `${d.position?.start.line ?? 0}:${d.position?.start.column ?? 0} ${d.ruleId}`);
  assert.deepEqual(order, ['1:1 document/no-title', '2:1 numbering/missing-first', '2:4 placeholder/unfilled', '3:1 brackets/unbalanced']);
});
