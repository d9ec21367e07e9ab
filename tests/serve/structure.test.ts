/** The structure panel's view: title block fields with their spans, salutation, outline with pages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { structureOf } from '../../src/serve/structure.ts';
import type { Speech } from '../../src/model/types.ts';

const span = (line: number, from: number, to: number) => ({ start: { line, column: from }, end: { line, column: to } });

test('a title on two lines is edited as two lines; headings get the page they landed on', () => {
  const speech: Speech = {
    type: 'speech',
    meta: {
      title: '关于进一步加强基层治理工作的讲话',
      titleLines: ['关于进一步加强', '基层治理工作的讲话'],
      speaker: '县长　王五',
      credits: [],
      lang: 'zh-CN',
      positions: { title: { start: { line: 1, column: 1 }, end: { line: 2, column: 10 } }, speaker: span(3, 1, 6) },
    },
    children: [
      { type: 'salutation', children: [{ type: 'text', value: '同志们：' }], position: span(4, 1, 5) },
      { type: 'heading', depth: 1, marker: '一、', children: [{ type: 'text', value: '提高认识' }], position: span(5, 1, 7) },
      { type: 'paragraph', children: [{ type: 'text', value: '正文。' }] },
      { type: 'heading', depth: 2, marker: '（一）', children: [{ type: 'text', value: '抓好落实' }], position: span(7, 1, 9) },
    ],
  };
  const s = structureOf(speech, [
    { title: '一、提高认识', depth: 1, pageIndex: 0, topPt: 100 },
    { title: '（一）抓好落实', depth: 2, pageIndex: 1, topPt: 80 },
  ]);
  assert.equal(s.fields.title!.value, '关于进一步加强\n基层治理工作的讲话');
  assert.deepEqual(s.fields.speaker, { value: '县长　王五', position: span(3, 1, 6) });
  assert.equal(s.fields.date, undefined);
  assert.equal(s.salutation!.value, '同志们：');
  assert.deepEqual(s.outline.map((h) => [h.depth, h.text, h.page]), [[1, '一、提高认识', 1], [2, '（一）抓好落实', 2]]);
});
