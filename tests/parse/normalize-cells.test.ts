/**
 * The normalizer works on code points in buffers it reuses from line to line (transform/line-cells.ts):
 * what a line gives must not depend on the lines normalized before it, and characters outside the
 * BMP, lone surrogates and the positions after them come out as the source has them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeLine } from '../../src/transform/normalize-line.ts';
import { codePointLength } from '../../src/transform/code-points.ts';
import { parseSpeech } from '../../src/parse/index.ts';

const SHORT = '他说"好".  ';
const SHORT_RESULT = {
  text: '他说“好”。',
  map: [0, 1, 2, 3, 4, 5],
  changes: [
    { kind: 'quote', index: 2, from: '"', to: '“' },
    { kind: 'quote', index: 4, from: '"', to: '”' },
    { kind: 'punctuation', index: 5, from: '.', to: '。' },
    { kind: 'trailing-space', index: 6, from: '  ', to: '' },
  ],
};

test('a short line normalizes the same before and after a 30,000-character line (no leftovers in reused buffers)', () => {
  assert.deepEqual(normalizeLine(SHORT, { enabled: true }), SHORT_RESULT);
  const long = '我们要"撸起袖子加油干",(一)抓落实...　'.repeat(1500);
  const r = normalizeLine(long, { enabled: true });
  assert.equal(codePointLength(r.text), r.map.length);
  assert.ok(r.text.startsWith('我们要“撸起袖子加油干”，（一）抓落实……'), r.text.slice(0, 40));
  assert.equal(r.text.includes('"'), false);
  assert.deepEqual(normalizeLine(SHORT, { enabled: true }), SHORT_RESULT);
  assert.deepEqual(normalizeLine('同志们', { enabled: true }), { text: '同志们', map: [0, 1, 2], changes: [] });
});

test('a character outside the BMP is one position, and a lone surrogate passes through unchanged', () => {
  assert.deepEqual(normalizeLine('𠀀,中\uD800', { enabled: true }), {
    text: '𠀀，中\uD800',
    map: [0, 1, 2, 3],
    changes: [{ kind: 'punctuation', index: 1, from: ',', to: '，' }],
  });
  // A radical after an astral character is found at its code-point column.
  const r = normalizeLine('　　𠮷⻄部', { enabled: true });
  assert.equal(r.text, '𠮷西部');
  assert.deepEqual(r.map, [2, 3, 4]);
  assert.deepEqual(r.changes.map((c) => [c.kind, c.index]), [['indent', 0], ['radical', 3]]);
});

test('normalization off still trims and drops control characters, and leaves punctuation alone', () => {
  assert.deepEqual(normalizeLine(' 你好,\u0007世界. ', { enabled: false }), {
    text: '你好,世界.',
    map: [1, 2, 3, 5, 6, 7],
    changes: [{ kind: 'control', index: 4, from: '\u0007', to: '' }],
  });
});

test('code-point length counts a surrogate pair once and a lone surrogate once, like [...text]', () => {
  for (const s of ['', 'abc', '中文', '𠀀𠮷', '\uD800', '\uDC00\uD800', 'a\uD800\uDC00b', '\uD83D']) assert.equal(codePointLength(s), [...s].length, JSON.stringify(s));
});

test('a run-in point after an astral character starts at its code-point column in the model', () => {
  const speech = parseSpeech('标题\n\n𠀀𠀀事项。一是加强领导；二是落实责任。\n').value!;
  const p = speech.children[0]!;
  assert.equal(p.type, 'paragraph');
  const leads = p.type === 'paragraph' ? p.children.filter((c) => c.type === 'lead') : [];
  assert.deepEqual(leads.map((l) => (l.type === 'lead' ? [l.marker, l.position?.start.column] : [])), [['一是', 6], ['二是', 13]]);
});
