/** The same shapes through Markdown, front matter in .txt, and Word drafts (their own hints). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Heading, Speech } from '../../src/model/types.ts';
import { inlineText } from '../../src/model/to-plain-text.ts';
import { selectAll } from '../../src/model/visit.ts';
import { parseDocxFile } from '../../src/parse/docx/index.ts';
import { parseMarkdown } from '../../src/parse/markdown/parse-markdown.ts';
import { parseText } from '../../src/parse/text/parse-text.ts';
import { p, rawDocx } from '../parse-docx/fixtures.ts';

const ok = (r: { speech: Speech | undefined; diagnostics: unknown[] }): Speech => {
  assert.ok(r.speech, JSON.stringify(r.diagnostics));
  return r.speech;
};
const headings = (s: Speech): Array<[number, string, string]> => selectAll(s, 'heading').map((h: Heading) => [h.depth, h.marker, inlineText(h.children)]);

test('YAML front matter at the top of a .txt: title as a list of lines, subtitle, speaker, date', () => {
  const s = ok(parseText('---\ntitle:\n  - 坚定信心　真抓实干\n  - 奋力开创新局面\nsubtitle: --在全县经济工作会议上的讲话\nspeaker: 县委书记　张三\ndate: （2024年3月15日）\n---\n同志们：\n正文。\n', { file: 'fm.txt' }));
  assert.deepEqual(s.meta.titleLines, ['坚定信心　真抓实干', '奋力开创新局面']);
  assert.equal(s.meta.title, '坚定信心　真抓实干奋力开创新局面');
  assert.equal(s.meta.subtitle, '——在全县经济工作会议上的讲话');
  assert.deepEqual([s.meta.speaker, s.meta.date], ['县委书记　张三', '（2024年3月15日）']);
  assert.deepEqual(s.children.map((b) => b.type), ['salutation', 'paragraph']);
  assert.equal(s.children[0]!.position?.start.line, 9);
  // A title string with a line break is two lines; a letter-spaced one stays spaced in print.
  assert.deepEqual(ok(parseText('---\ntitle: |\n  第一行\n  第二行\n---\n正文。')).meta.titleLines, ['第一行', '第二行']);
  const spaced = ok(parseText('---\ntitle: 政 府 工 作 报 告\n---\n各位代表：\n正文。')).meta;
  assert.deepEqual([spaced.titleLines, spaced.title], [['政 府 工 作 报 告'], '政府工作报告']);
  // Lines under a front-matter title may still hold the subtitle.
  assert.equal(ok(parseText('---\ntitle: 工作报告\n---\n——在全县大会上\n正文。')).meta.subtitle, '——在全县大会上');
});

test('a .txt opening with a dash rule is no front matter', () => {
  const s = ok(parseText('---\n这是正文，不是文首信息。\n---\n再一段。'));
  assert.ok(s.children.length >= 2);
});

test('Markdown: front matter title as a list keeps its lines; body shapes as in plain text', () => {
  const s = ok(parseMarkdown('---\ntitle: [守正创新, 勇毅前行]\nspeaker: 张三\n---\n\n尊敬的各位来宾，\n\n女士们、先生们：\n\n今天我们相聚在这里，共商发展大计，共谋合作之道，意义十分重大。\n\n一是抓开工，二是抓进度，三是抓投产。\n\n第一章　总则\n\n正文。\n'));
  assert.deepEqual(s.meta.titleLines, ['守正创新', '勇毅前行']);
  assert.deepEqual(s.children.map((b) => b.type), ['salutation', 'salutation', 'paragraph', 'paragraph', 'heading', 'paragraph']);
  assert.deepEqual(selectAll(s, 'lead'), []);
  assert.equal((s.children[4] as Heading).kind, 'chapter');
  // The # title block reads subtitle, date and notes as plain text does.
  const t = ok(parseMarkdown('# 政府工作报告\n\n—2024年3月5日在区人民代表大会上\n\n（摘要）\n\n各位代表：\n\n正文。'));
  assert.deepEqual([t.meta.subtitle, t.meta.notes], ['——2024年3月5日在区人民代表大会上', ['（摘要）']]);
});

test('Markdown: a # title broken with <br>, <br/>, a trailing backslash or two spaces keeps its lines', () => {
  const lines = (md: string): string[] | undefined => ok(parseMarkdown(md)).meta.titleLines;
  assert.deepEqual(lines('# 坚定信心　真抓实干<br>奋力开创新局面\n\n同志们：\n\n正文。'), ['坚定信心　真抓实干', '奋力开创新局面']);
  assert.deepEqual(lines('# 第一行<br/>第二行<br />第三行\n\n正文。'), ['第一行', '第二行', '第三行']);
  assert.deepEqual(lines('# 坚定信心　真抓实干\\\n奋力开创新局面\n\n正文。'), ['坚定信心　真抓实干', '奋力开创新局面']);
  assert.deepEqual(lines('# 坚定信心　真抓实干  \n奋力开创新局面\n\n正文。'), ['坚定信心　真抓实干', '奋力开创新局面']);
  assert.deepEqual(lines('坚定信心　真抓实干\\\n奋力开创新局面\n===\n\n正文。'), ['坚定信心　真抓实干', '奋力开创新局面']);
  // The title's lines join in metadata; a blank line after the break ends the title.
  const s = ok(parseMarkdown('# 坚定信心<br>奋力开创新局面\n\n同志们：\n\n正文。'));
  assert.equal(s.meta.title, '坚定信心奋力开创新局面');
  assert.deepEqual(s.children.map((b) => b.type), ['salutation', 'paragraph']);
  assert.equal(s.meta.positions?.title?.end.column, 18, 'the title spans both lines, up to 面');
  const apart = ok(parseMarkdown('# 政府工作报告  \n\n各位代表：现在，我代表区人民政府，向大会报告工作，请予审议。\n'));
  assert.deepEqual(apart.meta.titleLines, ['政府工作报告']);
  assert.equal(apart.children.length, 1);
});

test('Markdown: 主送, 附件说明 typed one per line and the 落款 are furniture, as in plain text', () => {
  const r = parseMarkdown('# 关于做好安全生产工作的通知\n\n各乡镇人民政府：\n\n现将有关事项通知如下，请认真贯彻执行。\n\n附件：1.安全生产责任清单\n2.重点企业名单\n\nX县人民政府办公室\n2024年3月1日\n');
  const s = ok(r);
  const f = s.meta.furniture!;
  assert.equal(f.addressee?.text, '各乡镇人民政府：');
  assert.deepEqual(f.attachments?.map((l) => l.text), ['附件：1.安全生产责任清单', '2.重点企业名单']);
  assert.deepEqual([f.signature?.map((l) => l.text), f.signedDate?.text, f.signedDate?.position?.start.line], [['X县人民政府办公室'], '2024年3月1日', 11]);
  assert.deepEqual(s.children.map((b) => inlineText(b.type === 'table' ? [] : b.children)), ['现将有关事项通知如下，请认真贯彻执行。']);
  assert.ok(r.diagnostics.some((d) => d.ruleId === 'parse/furniture-attachments'));
  // A 落款 with text after it (the document a notice issues) prints before that text.
  const issued = ok(parseMarkdown('# X县人民政府办公室印发《X县数据管理办法》的通知\n\n各乡镇人民政府：\n\n现印发给你们，请认真贯彻落实。\n\nX县人民政府办公室  \n2024年3月1日\n\n## X县数据管理办法\n\n为规范数据管理，制定本办法。\n'));
  assert.equal(issued.meta.furniture?.closesAt, 1);
  assert.deepEqual(headings(issued), [[1, '', 'X县数据管理办法']]);
  // An ordinary paragraph with soft breaks still joins.
  assert.equal(ok(parseMarkdown('# 标题\n\n我们要\n继续前进。\n')).children.length, 1);
});

const TITLE_STYLES =
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>';

test('Word: a Title-style paragraph broken with Shift+Enter keeps its lines; Subtitle style is the subtitle', async () => {
  const body =
    '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>坚定信心　真抓实干</w:t></w:r><w:r><w:br/><w:t>奋力开创新局面</w:t></w:r></w:p>' +
    p('在全县经济工作会议上的讲话', '<w:pStyle w:val="Subtitle"/>') +
    p('县委书记　张三') + p('同志们：') +
    p('总体要求', '<w:pStyle w:val="Heading1"/>') + p('正文第一段。') +
    p('（一）指导思想', '<w:pStyle w:val="Heading2"/>') + p('正文第二段。') +
    p('保障措施', '<w:outlineLvl w:val="0"/>') + p('正文第三段。');
  const s = ok(await parseDocxFile(rawDocx(body, { styles: TITLE_STYLES }), { file: 't.docx' }));
  assert.deepEqual(s.meta.titleLines, ['坚定信心　真抓实干', '奋力开创新局面']);
  assert.equal(s.meta.subtitle, '在全县经济工作会议上的讲话');
  assert.equal(s.meta.speaker, '县委书记　张三');
  assert.deepEqual(headings(s), [[1, '', '总体要求'], [2, '（一）', '指导思想'], [1, '', '保障措施']]);
});

test('Word: centred lines at the top are the title, whatever their length; the body starts below', async () => {
  const center = '<w:jc w:val="center"/>';
  const body = p('关于进一步加强和改进新时代基层治理工作', center) + p('推动全县高质量发展的实施意见', center) + p('（征求意见稿）', center) + p('各乡镇人民政府，县政府各部门：') + p('现提出如下意见。');
  const s = ok(await parseDocxFile(rawDocx(body), { file: 'c.docx' }));
  assert.deepEqual(s.meta.titleLines, ['关于进一步加强和改进新时代基层治理工作', '推动全县高质量发展的实施意见']);
  assert.deepEqual(s.meta.notes, ['（征求意见稿）']);
  assert.equal(s.meta.furniture?.addressee?.text, '各乡镇人民政府，县政府各部门：');
  assert.deepEqual(s.children.map((b) => b.type), ['paragraph']);
});

test('Word: a draft without title styles reads like plain text (stacked salutation, no title)', async () => {
  const body = p('尊敬的各位来宾，') + p('女士们、先生们：') + p('今天我们相聚在这里，共商发展大计，共谋合作之道，意义十分重大。');
  const s = ok(await parseDocxFile(rawDocx(body), { file: 'n.docx' }));
  assert.equal(s.meta.title, '');
  assert.deepEqual(s.children.map((b) => b.type), ['salutation', 'salutation', 'paragraph']);
});

test('Word: an attachment list or a 落款 typed with Shift+Enter keeps its lines; the document it issues follows the 落款', async () => {
  const br = (...lines: string[]): string => `<w:p>${lines.map((l, k) => `${k > 0 ? '<w:r><w:br/></w:r>' : ''}<w:r><w:t xml:space="preserve">${l}</w:t></w:r>`).join('')}</w:p>`;
  const body = p('关于印发《X县数据管理办法》的通知') + p('各乡镇人民政府：') + p('　　现印发给你们，请认真贯彻落实。') +
    br('附件：1.试点申报表', '2.工作方案') + br('X县人民政府办公室', '2024年3月1日') + p('X县数据管理办法') +
    p('　　一、总体要求') + br('为规范全县数据管理，提升数据质量，', '促进数据共享，制定本办法。');
  const r = await parseDocxFile(rawDocx(body), { file: 'f.docx' });
  const s = ok(r);
  const f = s.meta.furniture!;
  assert.deepEqual(f.attachments?.map((l) => l.text), ['附件：1.试点申报表', '2.工作方案']);
  assert.deepEqual([f.signature?.map((l) => l.text), f.signedDate?.text, f.closesAt], [['X县人民政府办公室'], '2024年3月1日', 1]);
  // A Shift+Enter inside a body paragraph is still only a wrap: joined, with a finding.
  assert.equal(inlineText((s.children[s.children.length - 1] as { children: Heading['children'] }).children), '为规范全县数据管理，提升数据质量，促进数据共享，制定本办法。');
  assert.equal(r.diagnostics.filter((d) => d.ruleId === 'docx/soft-break').length, 1);
});
