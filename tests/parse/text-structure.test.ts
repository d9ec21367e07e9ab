import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inlineText } from '../../src/model/to-plain-text.ts';
import type { Heading, Lead, Paragraph, Speech, Table } from '../../src/model/types.ts';
import { selectAll } from '../../src/model/visit.ts';
import { parseText } from '../../src/parse/text/parse-text.ts';
import { parseTextLines } from '../../src/parse/text/parse-text-lines.ts';
import { problems } from './helpers.ts';
import { checkSpeech } from '../../src/check/index.ts';

const parse = (text: string): Speech => {
  const r = parseText(text);
  assert.ok(r.value, JSON.stringify(r.diagnostics));
  return r.value;
};
const leads = (s: Speech): Array<[string, string]> => selectAll(s, 'lead').map((l) => [l.marker, inlineText(l.children)]);
const placeholders = (line: string): string[] => selectAll(parse(`标题\n${line}`), 'placeholder').map((p) => p.value);

test('title block: title, ——subtitle, speaker and date lines', () => {
  const s = parse('坚定信心　真抓实干\n——在全县经济工作会议上的讲话\n县委书记 张三\n(2020年2月20日)\n\n同志们:\n今天开会。');
  assert.equal(s.meta.title, '坚定信心　真抓实干');
  assert.equal(s.meta.subtitle, '——在全县经济工作会议上的讲话');
  assert.equal(s.meta.speaker, '县委书记 张三');
  assert.equal(s.meta.date, '（2020年2月20日）');
  assert.deepEqual(s.children.map((b) => b.type), ['salutation', 'paragraph']);
  assert.equal(s.meta.positions?.date?.start.line, 4);
});

test('subtitle dash variants become ——', () => {
  for (const dash of ['--', '—', '——', '－－', '―']) {
    const r = parseText(`标题\n${dash}在会上的讲话\n正文。`);
    assert.equal(r.value?.meta.subtitle, '——在会上的讲话', dash);
  }
  assert.equal(parseText('标题\n--在会上的讲话', { normalize: false }).value?.meta.subtitle, '--在会上的讲话');
});

test('speaker alone, date without brackets, date in Chinese numerals', () => {
  assert.equal(parse('标题\n张三\n正文。').meta.speaker, '张三');
  assert.equal(parse('标题\n2020年2月20日\n正文。').meta.date, '2020年2月20日');
  assert.equal(parse('标题\n（二〇二四年三月十五日）\n正文。').meta.date, '（二〇二四年三月十五日）');
});

test('a first line that is no title gives an empty title and stays in the body: a warning for a heading, info for a salutation or sentence', () => {
  for (const [first, severity] of [['一、总体要求', 'warning'], ['按照惯例，今天召开会议。会议的主要任务是部署工作。', 'info'], ['同志们：', 'info'], ['今天召开全县经济工作会议，主要任务是部署工作。', 'info']] as const) {
    const r = parseText(`${first}\n正文。`);
    assert.equal(r.value?.meta.title, '', first);
    assert.deepEqual(r.diagnostics.filter((d) => d.ruleId === 'parse/no-title').map((d) => d.severity), [severity], first);
    assert.equal(r.value?.children.length, 2, first);
  }
});

test('an address without colon under the title is not taken as the speaker', () => {
  assert.equal(parse('标题\n同志们\n正文。').meta.speaker, undefined);
});

test('speaker and date are only read in the title block; a name and a date after the text are its 落款', () => {
  const s = parse('标题\n今天开会。\n张三\n2020年2月20日');
  assert.equal(s.meta.speaker, undefined);
  assert.equal(s.meta.date, undefined);
  assert.deepEqual([s.meta.furniture?.signature?.map((l) => l.text), s.meta.furniture?.signedDate?.text], [['张三'], '2020年2月20日']);
  assert.equal(s.children.length, 1);
  const t = parse('标题\n今天开会。\n张三\n2020年2月20日\n会后继续讨论。');
  assert.equal(t.meta.furniture?.signedDate?.text, '2020年2月20日');
});

test('原标题 prefix fills title and originalTitle; a 原标题 line under the title fills originalTitle only', () => {
  const a = parse('原标题：在会上的讲话\n正文。');
  assert.deepEqual([a.meta.title, a.meta.originalTitle], ['在会上的讲话', '在会上的讲话']);
  const b = parse('新标题\n原标题:旧标题\n正文。');
  assert.deepEqual([b.meta.title, b.meta.originalTitle], ['新标题', '旧标题']);
});

test('salutations', () => {
  for (const line of ['同志们：', '同志们:', '各位领导、同志们：', '尊敬的各位来宾、女士们、先生们：']) {
    assert.equal(parse(`标题\n${line}\n正文。`).children[0]?.type, 'salutation', line);
  }
  assert.equal(parse('标题\n原因是：\n正文。').children[0]?.type, 'paragraph');
});

test('headings by depth, with their markers', () => {
  const s = parse('标题\n一、总体要求\n（一）指导思想\n1.基本原则\n（1）工作目标\n2．主要任务\n3、保障措施\n(二)组织领导');
  assert.deepEqual(
    (s.children as Heading[]).map((h) => [h.type, h.depth, h.marker, inlineText(h.children)]),
    [
      ['heading', 1, '一、', '总体要求'],
      ['heading', 2, '（一）', '指导思想'],
      ['heading', 3, '1.', '基本原则'],
      ['heading', 4, '（1）', '工作目标'],
      ['heading', 3, '2．', '主要任务'],
      ['heading', 3, '3、', '保障措施'],
      ['heading', 2, '（二）', '组织领导'],
    ],
  );
});

test('numbers and long lines are not headings', () => {
  const s = parse('标题\n3.5亿元的投资已经到位\n一、这是一句很长很长的话它虽然以编号开头但是远远超过了四十个字所以不能算作标题而应当是一个正文段落');
  assert.deepEqual(s.children.map((b) => b.type), ['paragraph', 'paragraph']);
});

test('run-in headings （一）…。 (depth 2), 1.…。 (depth 3), （1）…。 (depth 4) open a paragraph', () => {
  const s = parse('标题\n（一）强化责任落实。各级要压实责任。\n1.加快项目进度。要倒排工期。\n（1）用地保障。要应保尽保。');
  const ls = selectAll(s, 'lead');
  assert.deepEqual(ls.map((l) => [l.kind, l.depth, l.marker, inlineText(l.children)]), [
    ['heading', 2, '（一）', '（一）强化责任落实。'],
    ['heading', 3, '1.', '1.加快项目进度。'],
    ['heading', 4, '（1）', '（1）用地保障。'],
  ]);
  assert.ok(s.children.every((b) => b.type === 'paragraph' && b.children[0]?.type === 'lead'));
  assert.equal(inlineText((s.children[0] as Paragraph).children), '（一）强化责任落实。各级要压实责任。');
});

test('一是…十一是 in one paragraph gives eleven leads', () => {
  const nums = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];
  const s = parse(`标题\n${nums.map((n) => `${n}是抓好第${n}项工作。要认真落实。`).join('')}`);
  assert.equal(s.children.length, 1);
  assert.deepEqual(leads(s).map(([m]) => m), nums.map((n) => `${n}是`));
  assert.equal(leads(s)[10]![1], '十一是抓好第十一项工作。');
});

test('points after ； and ：, each up to its first 。！？；：; 二十一是 too', () => {
  assert.deepEqual(leads(parse('标题\n要做到：一是抓开工；二是抓进度；三是抓投产。')), [
    ['一是', '一是抓开工；'], ['二是', '二是抓进度；'], ['三是', '三是抓投产。'],
  ]);
  assert.deepEqual(leads(parse('标题\n一是抓开工：开工率要达到九成。二是抓进度。'))[0], ['一是', '一是抓开工：']);
  assert.deepEqual(leads(parse('标题\n二十一是守牢底线。'))[0], ['二十一是', '二十一是守牢底线。']);
});

test('一是 inside ordinary words is not a lead', () => {
  for (const line of ['全国统一是大势所趋。', '这是唯一是非问题。', '我们这一是为了大家。', '天下统一，二是关键。']) {
    assert.deepEqual(leads(parse(`标题\n${line}`)), [], line);
  }
});

test('第一，… points; 首先 is not numbered', () => {
  const s = parse('标题\n第一，压实责任。要抓好落实。\n第二、转变作风。\n首先，要提高认识。');
  assert.deepEqual(leads(s), [['第一，', '第一，压实责任。'], ['第二、', '第二、转变作风。']]);
});

test('a long lead runs to its first 。！？；：, never stopping at a comma', () => {
  const long = '一是要全面加强党的领导，坚持以人民为中心的发展思想，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，在新的起点上开创新局面。';
  assert.deepEqual(leads(parse(`标题\n${long}`))[0], ['一是', long]);
});

test('a comma-separated list inside one sentence is no lead, and gives no numbering finding', () => {
  for (const line of ['要做到一是抓开工，二是抓进度，三是抓投产。', '要做到：一是抓开工，二是抓进度；三是抓投产。', '今年一是稳增长，三是保民生。']) {
    const r = parseText(`标题\n${line}`);
    assert.deepEqual(leads(r.value!), [], line);
    assert.deepEqual(checkSpeech(r.value!).filter((d) => d.ruleId.startsWith('numbering/')), [], line);
  }
});

test('placeholders of every kind are found and kept as written', () => {
  assert.deepEqual(placeholders('共有项目XX个，XXX万元，××亿元，ＸＸ人，○○村，___户，某某单位，【待核实】，【待定】，【】。'),
    ['XX', 'XXX', '××', 'ＸＸ', '○○', '___', '某某', '【待核实】', '【待定】', '【】']);
});

test('Latin words with X, single X and Chinese-numeral years are not placeholders', () => {
  assert.deepEqual(placeholders('XXL号服装、Xbox、TEXT、X射线、X光、二〇〇〇年、3×4。'), []);
});

test('trailing credits go to meta; credit-like lines in the body stay', () => {
  const s = parse('标题\n来源：新华社报道说明了情况。\n正文。\n\n编辑：王芳　审核：赵强\n责任编辑:李明\n');
  assert.deepEqual(s.meta.credits.map((c) => [c.label, c.value]), [['编辑', '王芳'], ['审核', '赵强'], ['责任编辑', '李明']]);
  assert.equal(s.children.length, 2);
  assert.deepEqual(s.meta.credits[2]!.position?.start, { line: 6, column: 1 });
});

test('empty and whitespace-only documents are an error', () => {
  for (const t of ['', '\n\n', '　　\n \t\n']) {
    const r = parseText(t, { file: 'empty.txt' });
    assert.equal(r.value, undefined);
    assert.deepEqual(problems(r.diagnostics).map((d) => [d.severity, d.ruleId, d.file]), [['error', 'parse/empty', 'empty.txt']]);
  }
});

test('positions are 1-based lines and code-point columns of the source', () => {
  const s = parse('标题\n　　𠀀字一是抓好XX工作。');
  const p = s.children[0] as Paragraph;
  assert.deepEqual(p.position, { start: { line: 2, column: 3 }, end: { line: 2, column: 14 } });
  assert.deepEqual(selectAll(s, 'placeholder')[0]!.position, { start: { line: 2, column: 9 }, end: { line: 2, column: 11 } });
});

test('SourceLine API: bold prefix → lead, emphasis ranges → emphasis, table → table block', () => {
  const table: Table = { type: 'table', header: true, children: [] };
  const r = parseTextLines([
    { text: '标题', line: 1 },
    { text: '加强组织领导。各级党委要高度重视。', line: 2, boldPrefixLength: 7, emphasis: [[7, 9]] },
    { text: '二是抓落实。要说到做到。', line: 3, boldPrefixLength: 6 },
    { text: '', line: 4, table },
  ], {});
  const s = r.value!;
  const p = s.children[0] as Paragraph;
  assert.deepEqual(p.children.map((c) => c.type), ['lead', 'emphasis', 'text']);
  assert.deepEqual([(p.children[0] as Lead).kind, (p.children[0] as Lead).marker, inlineText([p.children[0]!])], ['point', '', '加强组织领导。']);
  assert.equal(inlineText([p.children[1]!]), '各级');
  assert.equal((s.children[1] as Paragraph).children[0]?.type, 'lead');
  assert.equal(((s.children[1] as Paragraph).children[0] as Lead).marker, '二是');
  assert.equal(s.children[2]?.type, 'table');
});
