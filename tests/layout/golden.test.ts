/** A golden dump of a small speech with the fake font: the whole pipeline in one readable picture. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dumpLayout } from '../../src/layout/index.ts';
import { heading, layout, speech } from './helpers.ts';

const GOLDEN = `
p1 L01 x=159.32 w=282.30 |在全县经济工作会议上的讲话|
p1 L03 x=245.20 w=110.55 |县委书记　张三|
p1 L04 x=232.99 w=134.97 |（¦2024¦年¦3¦月¦15¦日）|
p1 L06 x=79.37 w=63.17 |同志们：|
p1 L07 x=110.96 w=410.62 |今年是“十四五”规划收官之年，全县¦GDP¦增长¦5.8%¦，完成|
p1 L08 x=79.37 w=442.20 |了既定目标——这是全县上下共同努力的结果。我们要清醒认识|
p1 L09 x=79.37 w=300.07 |到，发展不平衡不充分的问题依然突出……|
p1 L10 x=110.96 w=94.76 |一、总体要求|
p1 F   x=458.57 w=49.00 |— 1 —|`.trim();

test('golden: title block, salutation, mixed paragraph, heading, page number', () => {
  const s = speech(
    [
      { type: 'salutation', children: [{ type: 'text', value: '同志们：' }] },
      '今年是“十四五”规划收官之年，全县GDP增长5.8%，完成了既定目标——这是全县上下共同努力的结果。我们要清醒认识到，发展不平衡不充分的问题依然突出……',
      heading(1, '一、', '总体要求'),
    ],
    { title: '在全县经济工作会议上的讲话', speaker: '县委书记　张三', date: '（2024年3月15日）' },
  );
  assert.equal(dumpLayout(layout(s).document, { runs: true, footers: true }), GOLDEN);
});
