/** Furniture, clutter, headings, leads and normalization shapes in plain text (issue 12 items 3–6). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Heading, Lead, Speech } from '../../src/model/types.ts';
import { inlineText } from '../../src/model/to-plain-text.ts';
import { selectAll } from '../../src/model/visit.ts';
import { parseText } from '../../src/parse/text/parse-text.ts';
import { parseSpeechFile } from '../../src/parse/index.ts';

const parse = (text: string): Speech => {
  const r = parseText(text);
  assert.ok(r.value, JSON.stringify(r.diagnostics));
  return r.value;
};
const headings = (s: Speech): Array<[number, string, string]> => selectAll(s, 'heading').map((h: Heading) => [h.depth, h.marker, inlineText(h.children)]);
const leads = (s: Speech): string[] => selectAll(s, 'lead').map((l: Lead) => inlineText(l.children));
const printed = (s: Speech): string => s.children.map((b) => (b.type === 'table' ? '' : (b.type === 'heading' ? b.marker : '') + inlineText(b.children))).join('\n');

const NOTICE = [
  '关于做好2024年安全生产工作的通知',
  'X政办发〔2024〕12号',
  '各乡镇人民政府，县政府各部门，各直属机构：',
  '　　现将有关事项通知如下，请认真贯彻执行。',
  '　　一、提高认识',
  '　　安全生产事关人民群众生命财产安全，各单位要切实担负起责任，抓好各项工作落实。',
  '附件：1.安全生产责任清单',
  '2.重点企业名单',
  'X县人民政府办公室',
  '2024年3月1日',
].join('\n');

test('furniture of a notice: 文号, 主送, 附件, 落款 organ and date, all out of the body', () => {
  const s = parse(NOTICE);
  const f = s.meta.furniture!;
  assert.equal(f.docNumber?.text, 'X政办发〔2024〕12号');
  assert.equal(f.addressee?.text, '各乡镇人民政府，县政府各部门，各直属机构：');
  assert.deepEqual(f.attachments?.map((l) => l.text), ['附件：1.安全生产责任清单', '2.重点企业名单']);
  assert.deepEqual(f.signature?.map((l) => l.text), ['X县人民政府办公室']);
  assert.equal(f.signedDate?.text, '2024年3月1日');
  assert.equal(f.signedDate?.position?.start.line, 10);
  assert.doesNotMatch(printed(s), /〔2024〕|各乡镇|附件|X县人民政府办公室|2024年3月1日/);
  assert.equal(parse('通知\n（X办发〔2022〕43号）\n正文。').meta.furniture?.docNumber?.text, '（X办发〔2022〕43号）');
});

test('an order: issuer header, 令号, signer and date', () => {
  const s = parse('X市数据管理办法\nX市人民政府令\n（第5号）\n　　《X市数据管理办法》已经市政府常务会议通过，现予公布，自公布之日起施行。\n市长　王五\n2024年5月1日\n　　X市数据管理办法\n第一章　总则\n　　第一条　（目的）为了规范数据管理，制定本办法。');
  const f = s.meta.furniture!;
  assert.deepEqual([f.issuer?.text, f.docNumber?.text, f.signature?.[0]?.text, f.signedDate?.text], ['X市人民政府令', '（第5号）', '市长　王五', '2024年5月1日']);
  assert.ok(s.meta.removed?.some((r) => r.kind === 'repeatedTitle'));
  assert.deepEqual(headings(s), [[1, '第一章　', '总则']]);
  assert.equal(selectAll(s, 'heading')[0]!.kind, 'chapter');
  const art = selectAll(s, 'lead')[0]!;
  assert.deepEqual([art.kind, art.marker, inlineText(art.children)], ['article', '第一条', '第一条　（目的）']);
});

test('clutter is kept out of print, kept in meta.removed, and each piece gets an info finding', () => {
  const src = [
    '    【法宝引证码】 CLI.12.123456',
    '原文链接：https://www.example.com/a/1',
    '原标题：张三：坚定信心 真抓实干',
    '　　3月5日，张三在会上讲话。新华社记者 李四 摄',
    '　　新华社北京3月5日电 全县工作会议5日召开。讲话全文如下：',
    '坚定信心 真抓实干',
    '坚定信心 真抓实干',
    '同志们：',
    '　　今天开会。<b>重要</b>的是落实。（新华社北京3月5日电）',
  ].join('\n');
  const r = parseText(src);
  const s = r.value!;
  assert.deepEqual(s.meta.titleLines, ['坚定信心 真抓实干']);
  assert.equal(s.meta.originalTitle, '张三：坚定信心 真抓实干');
  assert.deepEqual(s.meta.removed?.map((x) => x.kind), ['citation', 'link', 'originalTitle', 'photo', 'intro', 'repeatedTitle', 'html', 'dateline']);
  assert.equal(printed(s), '同志们：\n今天开会。重要的是落实。');
  const infos = r.diagnostics.filter((d) => d.ruleId.startsWith('parse/removed-'));
  assert.equal(infos.length, 8);
  assert.ok(infos.every((d) => d.severity === 'info' && d.position));
  const credits = parseText('讲话\n正文。\n来源：县委办\n责任编辑：王五').diagnostics.filter((d) => d.ruleId === 'parse/removed-credit');
  assert.equal(credits.length, 2);
});

test('a web copy run together on one line is split at its paragraph indents', () => {
  const r = parseText('　　在全县大会上的讲话　　（2024年1月2日）　　同志们：　　今天开会。　　明天落实。\n');
  assert.deepEqual(r.value!.meta.titleLines, ['在全县大会上的讲话']);
  assert.equal(r.value!.meta.date, '（2024年1月2日）');
  assert.deepEqual(r.value!.children.map((b) => b.type), ['salutation', 'paragraph', 'paragraph']);
  assert.equal(r.value!.children[1]!.position?.start.column, 33);
  assert.ok(r.diagnostics.some((d) => d.ruleId === 'parse/run-together'));
});

test('headings as a reader sees them: 第X章/节/条, bare numerals, 一　标题, 第一个问题, unnumbered, long （一） siblings', () => {
  const law = parse('X条例\n第一章　总　则\n　　第一条　为了规范管理，制定本条例。\n第二节　管理\n　　第二条　本条例自公布之日起施行。\n　　第一百一十条　另行规定。');
  assert.deepEqual(headings(law), [[1, '第一章　', '总　则'], [2, '第二节　', '管理']]);
  assert.deepEqual(selectAll(law, 'lead').map((l: Lead) => [l.kind, l.marker]), [['article', '第一条'], ['article', '第二条'], ['article', '第一百一十条']]);
  const speech = parse('讲话\n一\n这是第一部分的正文内容，内容比较长，足以说明问题。\n二　解放思想是当前的重大问题\n这是第二部分的正文内容。\n第三个问题　切实关心群众生活\n正文。');
  assert.deepEqual(headings(speech), [[1, '一', ''], [1, '二　', '解放思想是当前的重大问题'], [1, '第三个问题　', '切实关心群众生活']]);
  const plain = parse('讲话\n这是前面一段很长的正文，讲了很多很多的内容，足足超过了三十个字的长度。\n建筑施工安全\n这是后面一段很长的正文，讲了很多很多的内容，足足超过了三十个字的长度。');
  assert.deepEqual(headings(plain), [[1, '', '建筑施工安全']]);
  const siblings = parse('讲话\n（一）加强组织领导\n正文。\n（二）加大资金投入力度统筹各方面资源形成工作合力推动全县各项事业持续健康发展\n正文。');
  assert.deepEqual(headings(siblings).map((h) => h[1]), ['（一）', '（二）']);
  assert.deepEqual(headings(parse('讲话\n一、城市工作的情况。\n正文。\n二、城市工作做什么？依靠谁？\n正文。')).map((h) => h[1]), ['一、', '二、']);
  // A list item ending in 。 after items ending in ； is no heading.
  assert.deepEqual(headings(parse('讲话\n划分如下：\n（一）全国分为省、市；\n（二）省分为县、市；\n（三）县分为乡、镇。')), []);
  // A table of contents does not count its lines as headings.
  const toc = parse('章程\n第一章　总纲\n第二章　权利\n第三章　机构\n第一章　总纲\n　　第一条　本章程是根本章程。\n第二章　权利\n　　第二条　成员享有权利。\n第三章　机构\n　　第三条　设立机构。');
  assert.equal(headings(toc).length, 3);
});

test('leads end at the first 。！？；：; a comma list inside one sentence is no lead', () => {
  assert.deepEqual(leads(parse('讲话\n一是抓开工：开工率要高。二是抓进度！三是抓投产？四是抓安全；五是抓环保。')),
    ['一是抓开工：', '二是抓进度！', '三是抓投产？', '四是抓安全；', '五是抓环保。']);
  assert.deepEqual(leads(parse('讲话\n今年要做到一是稳增长，二是调结构，三是惠民生，确保完成全年目标任务。')), []);
});

test('normalization never damages text: quotes pair with curly ones, inline enumerations keep numbers', () => {
  const s = parse('讲话\n推进“十四五"规划和"双碳"目标，落实"三重一大”制度。\n存在问题：1.产业不强；2.动力不足；3.后劲不够。投资100.下一步');
  const t = printed(s);
  assert.match(t, /推进“十四五”规划和“双碳”目标，落实“三重一大”制度。/);
  assert.match(t, /存在问题：1\.产业不强；2\.动力不足；3\.后劲不够。投资100。下一步/);
  assert.doesNotMatch(t, /““|”“|“[^”]*“/);
});

test('tab-separated lines become a table; cells never run together', () => {
  const s = parse('讲话\n正文。\n单位\t任务\t完成\n一中队\t巡查\t12\n二中队\t宣传\t8\n结束。');
  const t = selectAll(s, 'table')[0]!;
  assert.equal(t.header, true);
  assert.deepEqual(t.children.map((r) => r.children.map((c) => inlineText(c.children))), [['单位', '任务', '完成'], ['一中队', '巡查', '12'], ['二中队', '宣传', '8']]);
});

test('ANSI escapes, BEL and stray controls are removed with a warning; the file is still text', async () => {
  const bytes = new TextEncoder().encode('讲话\n\u001b[1;31m今天\u001b[0m召开会议，\u0007部署工作。\n');
  const r = await parseSpeechFile(bytes, { file: 'ctl.txt' });
  assert.ok(r.value);
  assert.equal(printed(r.value), '今天召开会议，部署工作。');
  const w = r.diagnostics.filter((d) => d.ruleId === 'normalize/control');
  assert.equal(w.length, 3);
  assert.ok(w.every((d) => d.severity === 'warning' && d.file === 'ctl.txt' && d.position?.start.line === 2));
});

test('whitespace-only lines are blank; hard-wrapped text is re-joined with an info finding', () => {
  assert.deepEqual(parse('讲话\n 　\t \n正文。\n\u3000\u3000\n再一段。').children.map((b) => b.type), ['paragraph', 'paragraph']);
  const wrapped = parseText('讲话\n今天我们召开全县经济工作会议，主要任务是认真贯\n彻落实中央和省委、市委经济工作会议精神，全面总\n结去年工作，安排部署今年任务，动员全县上下坚定\n信心、真抓实干。\n下一段另起，这一行不是折断的。\n，这一行以逗号开头，是上一行折下来的。');
  const s = wrapped.value!;
  assert.deepEqual(s.children.map((b) => (b.type === 'table' ? '' : inlineText(b.children)).slice(0, 8)), ['今天我们召开全县', '下一段另起，这一']);
  assert.ok(printed(s).split("\n")[0]!.endsWith("真抓实干。"));
  assert.equal(wrapped.diagnostics.filter((d) => d.ruleId === 'parse/rejoined').length, 2);
});

test('furniture and notes are checked like body text: a padded 文号 and an impossible 成文日期 are found at their lines', async () => {
  const { checkSpeech } = await import('../../src/check/index.ts');
  const s = parse('通知\n（征求意见稿）\nX办发〔2024〕05号\n各区政府：\n正文。\nX县人民政府\n2024年02月30日');
  const found = checkSpeech(s).map((d) => `${d.position?.start.line} ${d.ruleId}`);
  assert.ok(found.includes('3 draft/docnum'), found.join('; '));
  assert.ok(found.includes('7 draft/date-format'), found.join('; '));
});
