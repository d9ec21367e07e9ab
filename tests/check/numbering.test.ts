/** numbering/*: section markers and run-in points must count up without gaps, repeats or reversals. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromLines } from './model-lines.ts';
import { found } from './found.ts';

test('一、 then 三、 is a gap, reported at the 三、', () => {
  const s = fromLines(['讲话', '一、第一部分', '正文。', '三、第三部分', '正文。']);
  assert.deepEqual(found(s, 'numbering'), ['4:1 warning numbering/gap 编号不连续：“三、”之前缺少“二、”']);
});

test('a wider gap names the whole missing range', () => {
  const s = fromLines(['讲话', '一、甲', '五、乙']);
  assert.deepEqual(found(s, 'numbering'), ['3:1 warning numbering/gap 编号不连续：“五、”之前缺少“二、”至“四、”']);
});

test('a repeated and a reversed marker', () => {
  const s = fromLines(['讲话', '一、甲', '二、乙', '二、丙', '三、丁', '二、戊']);
  assert.deepEqual(found(s, 'numbering'), [
    '4:1 warning numbering/repeat 编号重复：“二、”前面已经出现过',
    '6:1 warning numbering/order 编号顺序颠倒：“二、”出现在“三、”之后',
  ]);
});

test('（二） without （一） is missing-first', () => {
  const s = fromLines(['讲话', '一、甲', '（二）乙', '（三）丙']);
  assert.deepEqual(found(s, 'numbering'), ['3:1 warning numbering/missing-first 编号缺少开头：“（二）”之前没有“（一）”']);
});

test('（一） restarts under each 一、 and 1. under each （一）; numbers past ten count on', () => {
  const lines = ['讲话', '一、甲', '（一）甲', '1.甲', '2.乙', '（二）乙', '1.甲', '二、乙', '（一）甲'];
  const tens = ['十、', '十一、', '十二、', '二十、'].map((m, i) => `${m}第${i}部分`);
  const s = fromLines([...lines, ...['三、', '四、', '五、', '六、', '七、', '八、', '九、'].map((m) => `${m}部分`), ...tens]);
  assert.deepEqual(found(s, 'numbering'), ['20:1 warning numbering/gap 编号不连续：“二十、”之前缺少“十三、”至“十九、”']);
});

test('run-in headings （一）…。 inside paragraphs count with the headings of their depth', () => {
  const s = fromLines(['讲话', '一、甲', '（一）强化责任落实。正文。', '（三）加强督查。正文。']);
  assert.deepEqual(found(s, 'numbering'), ['4:1 warning numbering/gap 编号不连续：“（三）”之前缺少“（二）”']);
});

test('一是, 二是, 四是 across paragraphs is a gap at the 四是', () => {
  const s = fromLines(['讲话', '一、任务', '一是抓防控。正文。', '二是抓项目。正文。', '四是抓民生。正文。']);
  assert.deepEqual(found(s, 'numbering'), ['5:1 warning numbering/gap 编号不连续：“四是”之前缺少“三是”']);
});

test('points inside one paragraph: repeat and gap at the exact column', () => {
  const s = fromLines(['讲话', '要做到：一是快。二是准；二是稳。四是好。']);
  assert.deepEqual(found(s, 'numbering'), [
    '2:13 warning numbering/repeat 编号重复：“二是”前面已经出现过',
    '2:17 warning numbering/gap 编号不连续：“四是”之前缺少“三是”',
  ]);
});

test('第一，第二，第四， is a gap too', () => {
  const s = fromLines(['讲话', '第一，要快。第二，要准。第四，要稳。']);
  assert.deepEqual(found(s, 'numbering'), ['2:13 warning numbering/gap 编号不连续：“第四”之前缺少“第三”']);
});

test('points restart after a heading and at 一是; 统一是 is not a marker', () => {
  const s = fromLines(['讲话', '一、甲', '一是快。二是准。', '二、乙', '一是稳。思想统一是前提。二是好。三是强。']);
  assert.deepEqual(found(s, 'numbering'), []);
});

test('the numbering of the user sample (一、二、 and 一是…五是) is clean', () => {
  const s = fromLines([
    '在防疫期间春节后上班收心会上的讲话', '按照惯例，今天召开大会。', '一、认真总结经验', '我们要清醒认识到。',
    '二、聚焦目标任务', '一是全力抓好疫情防控。正文。', '二是全力抓好项目建设。今年我县共有重点项目{XX}个。',
    '三是全力抓好脱贫攻坚。正文。', '四是全力抓好民生工程。正文。', '五是全力抓好城乡发展。正文。',
  ]);
  assert.deepEqual(found(s, 'numbering'), []);
});
