import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nestOutline, type OutlineNode } from '../../src/render/pdf/outline.ts';
import type { OutlineEntry } from '../../src/layout/types.ts';

const e = (title: string, depth: 1 | 2 | 3 | 4): OutlineEntry => ({ title, depth, pageIndex: 0, topPt: 0 });
const shape = (nodes: OutlineNode[]): unknown => nodes.map((n) => [n.entry.title, ...(n.children.length ? [shape(n.children)] : [])]);

test('nests headings under the preceding shallower heading', () => {
  const tree = nestOutline([e('一', 1), e('（一）', 2), e('1.', 3), e('（二）', 2), e('二', 1), e('（一）b', 2)]);
  assert.deepEqual(shape(tree), [['一', [['（一）', [['1.']]], ['（二）']]], ['二', [['（一）b']]]]);
});

test('a skipped level still nests; leading deeper headings stay at the top', () => {
  assert.deepEqual(shape(nestOutline([e('（一）', 2), e('一', 1), e('（1）', 4)])), [['（一）'], ['一', [['（1）']]]]);
  assert.deepEqual(nestOutline([]), []);
});
