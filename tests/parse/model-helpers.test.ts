import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emphasis, heading, lead, paragraph, placeholder, speech, table, tableCell, tableRow, text } from '../../src/model/build.ts';
import { sections } from '../../src/model/sections.ts';
import { blockText, inlineText, speechText } from '../../src/model/to-plain-text.ts';
import { selectAll, visit } from '../../src/model/visit.ts';
import type { Paragraph } from '../../src/model/types.ts';

const tree = speech({ title: '讲话', subtitle: '——在会上的讲话' }, [
  paragraph([text('开场。')]),
  heading(1, '一、', [text('总体要求')]),
  paragraph([lead('point', '一是', [text('一是抓'), placeholder('XX')]), text('正文'), emphasis([text('重点')])]),
  heading(2, '（一）', [text('指导思想')]),
  paragraph([text('甲。')]),
  heading(1, '二、', [text('保障')]),
  table(true, [tableRow([tableCell([text('指标')]), tableCell([text('数值')])]), tableRow([tableCell([text('A')]), tableCell([placeholder('XX')])])]),
]);

test('build: defaults for meta; no position key on nodes made in code', () => {
  assert.deepEqual(tree.meta.credits, []);
  assert.equal(tree.meta.lang, 'zh-CN');
  assert.ok(!('position' in tree.children[0]!));
  assert.ok(!('depth' in lead('point', '一是', [])));
  assert.equal(lead('heading', '（一）', [], 2).depth, 2);
});

test('inlineText and blockText give the printed text, heading markers included', () => {
  assert.equal(inlineText((tree.children[2] as Paragraph).children), '一是抓XX正文重点');
  assert.equal(blockText(tree.children[1]!), '一、总体要求');
  assert.equal(blockText(tree.children[6]!), '指标\t数值\nA\tXX');
  assert.equal(speechText(tree).split('\n').slice(0, 3).join('|'), '讲话|——在会上的讲话|开场。');
});

test('visit walks parents before children and can skip a subtree', () => {
  const types: string[] = [];
  visit(tree, (n) => {
    types.push(n.type);
    if (n.type === 'lead') return false;
  });
  assert.equal(types[0], 'speech');
  assert.ok(types.includes('lead'));
  assert.equal(types.filter((t) => t === 'placeholder').length, 1); // the one inside the lead was skipped
  assert.equal(selectAll(tree, 'placeholder').length, 2);
});

test('sections nests headings by depth and keeps the preamble at the root', () => {
  const root = sections(tree);
  assert.equal(root.heading, undefined);
  assert.equal(root.blocks.length, 1);
  assert.deepEqual(root.children.map((s) => s.heading?.marker), ['一、', '二、']);
  const first = root.children[0]!;
  assert.equal(first.blocks.length, 1);
  assert.deepEqual(first.children.map((s) => [s.heading?.marker, s.blocks.length]), [['（一）', 1]]);
  assert.equal(root.children[1]!.blocks[0]?.type, 'table');
});
