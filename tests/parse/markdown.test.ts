import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { inlineText } from '../../src/model/to-plain-text.ts';
import type { Heading, Lead, Paragraph, Speech, Table } from '../../src/model/types.ts';
import { selectAll } from '../../src/model/visit.ts';
import { parseMarkdown } from '../../src/parse/markdown/parse-markdown.ts';
import { parseText } from '../../src/parse/text/parse-text.ts';
import { problems, repoPath, withoutPositions } from './helpers.ts';

const fixture = (name: string): string => readFileSync(repoPath(`tests/parse/fixtures/${name}`), 'utf8');
const md = (text: string): Speech => {
  const r = parseMarkdown(text);
  assert.ok(r.value, JSON.stringify(r.diagnostics));
  return r.value;
};

test('a Markdown speech and its plain-text twin give the same model', () => {
  const fromText = parseText(fixture('equivalent.txt'));
  const fromMd = parseMarkdown(fixture('equivalent.md'));
  assert.deepEqual(problems(fromMd.diagnostics), []);
  assert.deepEqual(withoutPositions(fromMd.value), withoutPositions(fromText.value));
});

test('front matter fills meta and gives the same model as a # title block', () => {
  const fromFm = parseMarkdown(fixture('front-matter.md'));
  assert.deepEqual(problems(fromFm.diagnostics), []);
  assert.deepEqual(withoutPositions(fromFm.value), withoutPositions(parseMarkdown(fixture('equivalent.md')).value));
});

test('front matter: occasion, originalTitle, credits as a list, Chinese keys', () => {
  const s = md('---\n标题: 讲话\noccasion: 全县工作会议\noriginalTitle: 旧题\ncredits:\n  - label: 来源\n    value: 县委办\n  - 编辑：王芳\n---\n正文。');
  assert.equal(s.meta.title, '讲话');
  assert.equal(s.meta.occasion, '全县工作会议');
  assert.equal(s.meta.originalTitle, '旧题');
  assert.deepEqual(s.meta.credits, [{ label: '来源', value: '县委办' }, { label: '编辑', value: '王芳' }]);
});

test('front matter text is normalized like body text', () => {
  const r = parseMarkdown('---\nsubtitle: --在会上的讲话\ndate: (2024年4月8日)\ntitle: 讲话\n---\n正文。');
  assert.equal(r.value?.meta.subtitle, '——在会上的讲话');
  assert.equal(r.value?.meta.date, '（2024年4月8日）');
  assert.equal(r.diagnostics.filter((d) => d.ruleId === 'normalize/front-matter').length, 2);
  assert.equal(parseMarkdown('---\ndate: (2024年4月8日)\n---\n正文。', { normalize: false }).value?.meta.date, '(2024年4月8日)');
});

test('bad front matter is a warning, not a failure', () => {
  const r = parseMarkdown('---\ntitle: [unclosed\n---\n# 标题\n\n正文。');
  assert.equal(r.value?.meta.title, '标题');
  assert.ok(r.diagnostics.some((d) => d.severity === 'warning' && d.ruleId === 'markdown/frontmatter'));
  const u = parseMarkdown('---\nauthr: 张三\n---\n# 标题\n\n正文。');
  assert.ok(u.diagnostics.some((d) => d.ruleId === 'markdown/frontmatter-field' && d.message.includes('authr')));
});

test('## to ##### are heading depths 1–4; a written marker is split off, a missing one is empty', () => {
  const s = md('# 题\n\n## 一、总体要求\n\n### 道路交通安全\n\n#### 1. 基本原则\n\n##### （1）工作目标\n');
  assert.deepEqual((s.children as Heading[]).map((h) => [h.depth, h.marker, inlineText(h.children)]), [
    [1, '一、', '总体要求'], [2, '', '道路交通安全'], [3, '1.', '基本原则'], [4, '（1）', '工作目标'],
  ]);
});

test('**…** at paragraph start is a lead; elsewhere it is emphasis', () => {
  const s = md('# 题\n\n**加强组织领导。**各级党委要**高度重视**。\n\n**第一，压实责任。**要抓好落实。');
  const p = s.children[0] as Paragraph;
  assert.deepEqual(p.children.map((c) => c.type), ['lead', 'text', 'emphasis', 'text']);
  assert.deepEqual([(p.children[0] as Lead).kind, (p.children[0] as Lead).marker], ['point', '']);
  assert.equal(inlineText([p.children[2]!]), '高度重视');
  const q = (s.children[1] as Paragraph).children[0] as Lead;
  assert.deepEqual([q.marker, inlineText(q.children)], ['第一，', '第一，压实责任。']);
});

test('soft line breaks vanish between Chinese characters and stay a space between Latin words', () => {
  const s = md('# 题\n\n今天召开\n会议，与Mr.\nSmith洽谈。');
  assert.equal(inlineText((s.children[0] as Paragraph).children), '今天召开会议，与Mr. Smith洽谈。');
});

test('GFM tables become table blocks with a header row; placeholders in cells are found', () => {
  const s = md('# 题\n\n| 指标 | 数值 |\n| --- | --- |\n| 事故起数 | XX |\n| 增长 | 3.5% |\n');
  const t = s.children[0] as Table;
  assert.equal(t.type, 'table');
  assert.equal(t.header, true);
  assert.deepEqual(t.children.map((r) => r.children.map((c) => inlineText(c.children))), [['指标', '数值'], ['事故起数', 'XX'], ['增长', '3.5%']]);
  assert.equal(selectAll(t, 'placeholder').length, 1);
});

test('raw HTML is dropped with a warning; code becomes paragraphs with a warning; lists become paragraphs', () => {
  const r = parseMarkdown('# 题\n\n<div>不印</div>\n\n```\n一是抓落实。\n```\n\n- 第一项工作\n- 第二项工作\n\n1. 加快项目进度\n2. 强化要素保障\n');
  const s = r.value!;
  assert.deepEqual(problems(r.diagnostics).map((d) => d.ruleId), ['markdown/html', 'markdown/code']);
  assert.deepEqual(s.children.map((b) => b.type), ['paragraph', 'paragraph', 'paragraph', 'heading', 'heading']);
  assert.equal(((s.children[0] as Paragraph).children[0] as Lead).marker, '一是');
  assert.deepEqual((s.children.slice(3) as Heading[]).map((h) => [h.depth, h.marker]), [[3, '1.'], [3, '2.']]);
});

test('Markdown text is normalized too, and placeholders are detected', () => {
  const s = md('# 题\n\n今年共有项目XX个,总投资3.5亿元.');
  assert.equal(inlineText((s.children[0] as Paragraph).children), '今年共有项目XX个，总投资3.5亿元。');
  assert.deepEqual(selectAll(s, 'placeholder').map((p) => p.value), ['XX']);
});

test('a salutation paragraph and trailing credits', () => {
  const s = md('# 题\n\n同志们：\n\n正文。\n\n责任编辑：李明\n');
  assert.deepEqual(s.children.map((b) => b.type), ['salutation', 'paragraph']);
  assert.deepEqual(s.meta.credits.map((c) => [c.label, c.value]), [['责任编辑', '李明']]);
});

test('a # heading that cannot be a title stays in the body', () => {
  const r = parseMarkdown('# 按照惯例，今天召开会议。会议的主要任务是部署工作。\n\n正文。');
  assert.equal(r.value?.meta.title, '');
  assert.deepEqual(r.value?.children.map((b) => b.type), ['heading', 'paragraph']);
  assert.ok(r.diagnostics.some((d) => d.ruleId === 'parse/no-title'));
});

test('an empty Markdown file is an error', () => {
  const r = parseMarkdown('\n\n<!-- nothing -->\n', { file: 'e.md' });
  assert.equal(r.value, undefined);
  assert.ok(r.diagnostics.some((d) => d.severity === 'error' && d.ruleId === 'parse/empty' && d.file === 'e.md'));
});
