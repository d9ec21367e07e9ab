/** The page's position helpers (src/serve/client/positions.js), run in node. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error plain ES module of the page, without types
import { offsetOf, rangeOf, setField, parseSrc, contains } from '../../src/serve/client/positions.js';

const text = '原标题:旧的标题\n县长　王五\n同志们：\n正文𠀀第一句。';

test('positions count lines from 1 and columns in code points', () => {
  assert.equal(offsetOf(text, { line: 1, column: 5 }), 4);
  assert.equal(text.slice(...rangeOf(text, { start: { line: 1, column: 5 }, end: { line: 1, column: 9 } })), '旧的标题');
  // The column after a character outside the BMP is one more, the offset two more.
  const at = offsetOf(text, { line: 4, column: 4 });
  assert.equal(text.slice(at, at + 1), '第');
});

test('editing a field rewrites its own span; an absent field gets its line after the one before it', () => {
  const structure = {
    fields: {
      title: { value: '旧的标题', position: { start: { line: 1, column: 5 }, end: { line: 1, column: 9 } } },
      speaker: { value: '县长　王五', position: { start: { line: 2, column: 1 }, end: { line: 2, column: 6 } } },
    },
  };
  assert.equal(setField(text, structure, 'title', '新的标题').split('\n')[0], '原标题:新的标题');
  assert.deepEqual(setField(text, structure, 'subtitle', '——在全县大会上的讲话').split('\n').slice(0, 3), ['原标题:旧的标题', '——在全县大会上的讲话', '县长　王五']);
  assert.deepEqual(setField(text, structure, 'date', '（2024年5月1日）').split('\n').slice(1, 3), ['县长　王五', '（2024年5月1日）']);
  // Emptying a field removes its line.
  assert.deepEqual(setField(text, structure, 'speaker', '').split('\n').slice(0, 2), ['原标题:旧的标题', '同志们：']);
  // No title block at all: the title becomes the first line.
  assert.equal(setField('同志们：', { fields: {} }, 'title', '标题'), '标题\n同志们：');
});

test('a line\'s data-src is parsed and tested for containment', () => {
  const span = parseSrc('3:1-5:10');
  assert.deepEqual(span, { start: { line: 3, column: 1 }, end: { line: 5, column: 10 } });
  assert.ok(contains(span, { line: 4, column: 99 }));
  assert.ok(!contains(span, { line: 5, column: 11 }));
  assert.equal(parseSrc('nonsense'), undefined);
});
