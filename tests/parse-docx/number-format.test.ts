import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber } from '../../src/parse/docx/number-format.ts';

test('chinese counting reads as a writer would type it', () => {
  const got = [1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1001].map((n) => formatNumber(n, 'chineseCounting'));
  assert.deepEqual(got, ['一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一千零一']);
  assert.equal(formatNumber(12, 'chineseCountingThousand'), '十二');
  assert.equal(formatNumber(3, 'japaneseCounting'), '三');
});

test('other formats used in Chinese drafts', () => {
  assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
  assert.equal(formatNumber(21, 'decimalEnclosedCircle'), '㉑');
  assert.equal(formatNumber(2, 'ideographTraditional'), '乙');
  assert.equal(formatNumber(12, 'chineseLegalSimplified'), '壹拾贰');
  assert.equal(formatNumber(10, 'ideographDigital'), '一〇');
  assert.equal(formatNumber(7, 'decimalFullWidth'), '７');
  assert.equal(formatNumber(28, 'lowerLetter'), 'bb');
  assert.equal(formatNumber(14, 'upperRoman'), 'XIV');
  assert.equal(formatNumber(5, 'somethingNew'), '5');
});
