/** draft/*: what Word drafts bring in — padded or impossible dates, odd 文号, half-width marks, mixed digits. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysInMonth } from '../../src/check/draft-dates.ts';
import { fromLines } from './model-lines.ts';
import { found } from './found.ts';

const one = (line: string, rule: string) => found(fromLines(['讲话', line]), rule);

test('zero-padded dates are reported with the fix', () => {
  assert.deepEqual(one('会议于2024年02月03日召开。', 'draft/date-format'), [
    '2:4 warning draft/date-format 日期不应补零：“2024年02月03日”应写作“2024年2月3日”',
  ]);
  assert.deepEqual(one('截至09月底。', 'draft/date-format'), ['2:3 warning draft/date-format 日期不应补零：“09月”应写作“9月”']);
});

test('impossible dates are reported, leap years respected', () => {
  assert.deepEqual(one('2024年2月30日，2023年2月29日，13月，4月31日。', 'draft/date-format'), [
    '2:1 warning draft/date-format 日期有误：“2024年2月30日”不存在（2 月只有 29 天）',
    '2:12 warning draft/date-format 日期有误：“2023年2月29日”不存在（2023 年不是闰年）',
    '2:23 warning draft/date-format 日期有误：“13月”中没有 13 月',
    '2:27 warning draft/date-format 日期有误：“4月31日”不存在（4 月只有 30 天）',
  ]);
});

test('valid dates stay quiet: leap days, month ends, 1月23日, 11月底, 13个月, 2020年', () => {
  assert.deepEqual(one('2024年2月29日、2000年2月29日、1月23日、12月31日、11月底、13个月、2020年、（2020年2月20日）。', 'draft/date-format'), []);
  assert.deepEqual([daysInMonth(2, 1900), daysInMonth(2, 2000), daysInMonth(2), daysInMonth(12, 2023)], [28, 29, 29, 31]);
});

test('文号 with square or round brackets, zero padding or 第 are reported', () => {
  const lines = ['根据国发[2024]5号文件', '根据国发(2024)5号文件', '根据国发（2024）5号文件', '根据国发【2024】5号文件', '根据国发〔2024〕05号文件', '根据国发〔2024〕第5号文件'];
  const got = found(fromLines(['讲话', ...lines]), 'draft/docnum');
  assert.equal(got.length, 6, got.join('\n'));
  for (const [i, l] of got.entries()) assert.match(l, new RegExp(`^${i + 2}:5 warning draft/docnum 文号格式有误：.*应写作“〔2024〕5号”$`));
  assert.match(got[0]!, /六角括号/);
  assert.match(got[4]!, /不补零/);
  assert.match(got[5]!, /不加“第”字/);
});

test('a well-formed 文号 stays quiet', () => {
  assert.deepEqual(one('根据国办发〔2024〕12号文件精神。', 'draft/docnum'), []);
});

test('half-width punctuation next to Chinese is reported at each mark', () => {
  assert.deepEqual(one('首先,我们要(坚持)问题导向!', 'draft/halfwidth-punct'), [
    '2:3 warning draft/halfwidth-punct 半角标点“,”应改为全角“，”',
    '2:7 warning draft/halfwidth-punct 半角标点“(”应改为全角“（”',
    '2:10 warning draft/halfwidth-punct 半角标点“)”应改为全角“）”',
    '2:15 warning draft/halfwidth-punct 半角标点“!”应改为全角“！”',
  ]);
});

test('half-width punctuation among Latin letters and digits stays quiet', () => {
  assert.deepEqual(one('采用 GB/T 9704 (2012), 共 3.5 万元，比例 1:2。', 'draft/halfwidth-punct'), []);
});

test('full-width digits mixed with half-width ones are reported once per paragraph', () => {
  assert.deepEqual(one('共有１２个项目，投资30亿元。', 'draft/mixed-digits'), ['2:3 warning draft/mixed-digits 全角数字“１”与半角数字混用']);
  assert.deepEqual(one('共有１２个项目。', 'draft/mixed-digits'), []);
});
