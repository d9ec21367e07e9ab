/** Title blocks of every real shape, in plain text (issue 12 item 1 and 2). Fixtures are made up. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Speech } from '../../src/model/types.ts';
import { inlineText } from '../../src/model/to-plain-text.ts';
import { parseText } from '../../src/parse/text/parse-text.ts';

const parse = (text: string): Speech => {
  const r = parseText(text);
  assert.ok(r.speech, JSON.stringify(r.diagnostics));
  return r.speech;
};
const blocks = (s: Speech): string[] => s.children.map((b) => `${b.type}:${b.type === 'table' ? '' : (b.type === 'heading' ? b.marker : '') + inlineText(b.children)}`);

test('one-, two- and three-line titles keep their lines; the plain title joins them', () => {
  assert.deepEqual(parse('在全县经济工作会议上的讲话\n同志们：\n正文。').meta.titleLines, ['在全县经济工作会议上的讲话']);
  const two = parse('坚定信心　真抓实干\n奋力开创高质量发展新局面\n——在全县经济工作会议上的讲话\n县委书记　张三\n同志们：\n正文。').meta;
  assert.deepEqual(two.titleLines, ['坚定信心　真抓实干', '奋力开创高质量发展新局面']);
  assert.equal(two.title, '坚定信心　真抓实干奋力开创高质量发展新局面');
  assert.equal(two.speaker, '县委书记　张三');
  const three = parse('守正创新\n勇毅前行\n谱写新篇章\n（2024年1月5日）\n同志们：\n正文。').meta;
  assert.deepEqual(three.titleLines, ['守正创新', '勇毅前行', '谱写新篇章']);
  assert.equal(three.date, '（2024年1月5日）');
});

test('a second short line is not a title line unless the title block continues under it', () => {
  const s = parse('关于安全生产的讲话\n张三\n同志们：\n正文。');
  assert.deepEqual(s.meta.titleLines, ['关于安全生产的讲话']);
  assert.equal(s.meta.speaker, '张三');
});

test('subtitles with ——, ――, —, -- or ---- all print as ——', () => {
  for (const dash of ['——', '――', '—', '--', '----']) {
    assert.equal(parse(`政府工作报告\n${dash}2024年3月5日在区人民代表大会上\n各位代表：\n正文。`).meta.subtitle, '——2024年3月5日在区人民代表大会上', dash);
  }
});

test('title and subtitle on one line are split, and a speaker after them too, with an info finding', () => {
  const r = parseText('政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上　国务院总理　李强\n各位代表：\n正文。');
  const m = r.speech!.meta;
  assert.deepEqual([m.titleLines, m.subtitle, m.speaker], [['政府工作报告'], '——2024年3月5日在第十四届全国人民代表大会第二次会议上', '国务院总理　李强']);
  assert.ok(r.diagnostics.some((d) => d.ruleId === 'parse/title-split' && d.severity === 'info'));
  assert.equal(parse('工作报告——在全县大会上的讲话\n正文。').meta.subtitle, '——在全县大会上的讲话');
});

test('speaker lines: 职务 + 姓名, a bare name, a letter-spaced name; date before or after the speaker keeps its order', () => {
  assert.equal(parse('讲话\n县委书记　张三\n正文。').meta.speaker, '县委书记　张三');
  assert.equal(parse('讲话\n邓小平\n正文。').meta.speaker, '邓小平');
  assert.equal(parse('讲话\n邓　小　平\n正文。').meta.speaker, '邓　小　平');
  assert.equal(parse('讲话\n序言\n正文很长很长的一段话。').meta.speaker, undefined);
  const dateFirst = parse('讲话\n（2015年9月3日，北京）\n中华人民共和国主席 习近平\n正文。').meta;
  assert.deepEqual([dateFirst.date, dateFirst.speaker, dateFirst.order], ['（2015年9月3日，北京）', '中华人民共和国主席 习近平', ['title', 'date', 'speaker']]);
  const speakerFirst = parse('讲话\n县长　李四\n（2022年10月16日）\n正文。').meta;
  assert.equal(speakerFirst.order, undefined, 'the usual order is not recorded');
});

test('date lines: Arabic and Chinese numerals, a place, a range, padding and a stray ? artefact', () => {
  for (const d of ['（2022年10月16日）', '（一九八四年十月一日）', '（2015年9月3日，北京）', '（一九九二年一月十八日——二月二十一日）', '2020年2月20日']) {
    assert.equal(parse(`讲话\n${d}\n正文。`).meta.date, d, d);
  }
  // A range typed with U+2015 ―― prints with the 破折号 ——, like the same dash in a subtitle or the body.
  assert.equal(parse('讲话\n（一九九二年一月十八日――二月二十一日）\n正文。').meta.date, '（一九九二年一月十八日——二月二十一日）');
  assert.equal(parse('讲话\n　（一九八六年十月二十一日）　\n正文。').meta.date, '（一九八六年十月二十一日）');
  assert.equal(parse('讲话\n（一九六二年二月六日）?\n正文。').meta.date, '（一九六二年二月六日）');
});

test('title-block notes （摘要）（节选）（根据直播整理） go to meta.notes', () => {
  const m = parse('在全市干部大会上的讲话\n（摘要）\n（根据直播整理）\n张三\n同志们：\n正文。').meta;
  assert.deepEqual(m.notes, ['（摘要）', '（根据直播整理）']);
  assert.equal(parse('讲话\n（节选）\n正文。').meta.notes?.[0], '（节选）');
});

test('a letter-spaced title prints as spaced and is plain in metadata', () => {
  const m = parse('政 府 工 作 报 告\n----2012年2月29日在区人民代表大会上\n区长　　张三\n各位代表：\n正文。').meta;
  assert.deepEqual([m.titleLines, m.title], [['政 府 工 作 报 告'], '政府工作报告']);
});

test('no title: a text opening with its salutation or its first sentence; the first line is not promoted', () => {
  for (const first of ['同志们，朋友们：', '各位代表，大家好！', '今天，我们在这里隆重集会，纪念伟大的胜利。']) {
    const r = parseText(`${first}\n正文第二段。`);
    assert.equal(r.speech!.meta.title, '', first);
    assert.equal(r.speech!.children.length, 2, first);
    assert.ok(!r.diagnostics.some((d) => d.severity !== 'info'), first);
  }
});

test('stacked salutations and greeting lines are salutations; toasts and thanks are not', () => {
  const s = parse('尊敬的各位来宾，\n各位企业家朋友，\n女士们、先生们：\n今天我们相聚在这里，共商发展大计，共谋合作之道，意义十分重大。\n同胞们，同志们，朋友们！\n为我们的友谊，\n干杯！\n谢谢大家！');
  assert.deepEqual(s.children.map((b) => b.type), ['salutation', 'salutation', 'salutation', 'paragraph', 'salutation', 'paragraph', 'paragraph', 'paragraph']);
  assert.equal(parse('讲话\n各位代表，大家好。\n正文。').children[0]?.type, 'salutation');
  assert.equal(parse('讲话\n主席先生，各位同事：\n正文。').children[0]?.type, 'salutation');
  assert.equal(parse('讲话\n现在，我提议，大家共同举杯：\n正文。').children[0]?.type, 'paragraph');
});

test('suspicious title blocks warn: a title ending in 。 or ：, a very long title, a very long speaker line', () => {
  const ids = (t: string): string[] => parseText(t).diagnostics.filter((d) => d.severity === 'warning').map((d) => d.ruleId);
  assert.ok(ids('关于全县工作的讲话。\n正文。').includes('parse/suspicious-title'));
  assert.ok(ids('关于全县工作的讲话：\n正文。').includes('parse/suspicious-title'));
  assert.ok(ids(`${'关于进一步加强和改进新时代基层治理'.repeat(3)}\n正文。`).includes('parse/suspicious-title'));
  assert.deepEqual(ids('关于全县工作的讲话\n正文。'), []);
});

test('the body after the title block is untouched', () => {
  assert.deepEqual(blocks(parse('讲话\n同志们：\n一、总体要求\n正文。')), ['salutation:同志们：', 'heading:一、总体要求', 'paragraph:正文。']);
});
