/** The reader on hand-written WordprocessingML: one feature per test, exact expectations. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocxFile, readDocx } from '../../src/parse/docx/index.ts';
import { parseText } from '../../src/parse/text/index.ts';
import { brief, p, rawDocx, stripPositions } from './fixtures.ts';

const read = (body: string, parts = {}) => readDocx(rawDocx(body, parts), 'draft.docx');
const rules = (r: ReturnType<typeof read>) => r.diagnostics.map((d) => `${d.severity} ${d.ruleId} @${d.position?.start.line ?? '-'}`);

test('one paragraph is one line, numbered from 1, empty paragraphs kept', () => {
  const r = read(p('标题') + '<w:p/>' + p('　　正文第一段。 '));
  assert.deepEqual(r.lines.map((l) => [l.line, l.text]), [[1, '标题'], [2, ''], [3, '正文第一段。']]);
  assert.deepEqual(r.diagnostics, []);
});

test('w:t whitespace follows xml:space, tabs and no-break hyphens are text', () => {
  const r = read('<w:p><w:r><w:t>  甲 </w:t><w:t xml:space="preserve"> 乙 </w:t><w:tab/><w:t>丙</w:t><w:noBreakHyphen/><w:t>丁</w:t></w:r></w:p>');
  assert.equal(r.lines[0]!.text, '甲 乙 \t丙-丁');
});

test('a soft break inside a Chinese paragraph is joined without a space, and reported', () => {
  const r = read('<w:p><w:r><w:t>我们要</w:t><w:br/><w:t>清醒认识到 word</w:t><w:cr/><w:t>wrap</w:t><w:br w:type="page"/></w:r></w:p>');
  assert.equal(r.lines[0]!.text, '我们要清醒认识到 word wrap');
  assert.deepEqual(rules(r), ['info docx/soft-break @1']);
});

test('bold at the start is a lead candidate; bold elsewhere is emphasis', () => {
  const r = read(p('**一是全力抓好疫情防控。**当前疫情已经得到控制，**切不可麻痹大意**。') + p('**二、聚焦目标任务**') + p('普通段落。'));
  assert.deepEqual(brief(r.lines), [
    ['一是全力抓好疫情防控。当前疫情已经得到控制，切不可麻痹大意。', 11, [[22, 29]]],
    ['二、聚焦目标任务', 8, undefined],
    '普通段落。',
  ]);
});

test('bold off (w:val="0"/false) is not bold; bold from a character or paragraph style is', () => {
  const styles =
    '<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="H"><w:rPr><w:b/></w:rPr></w:style>';
  const body =
    '<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>甲</w:t></w:r><w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>乙</w:t></w:r></w:p>' +
    '<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>强调</w:t></w:r><w:r><w:t>其后</w:t></w:r></w:p>' +
    '<w:p><w:pPr><w:pStyle w:val="H"/></w:pPr><w:r><w:t>标题样式</w:t></w:r><w:r><w:rPr><w:b w:val="off"/></w:rPr><w:t>非粗</w:t></w:r></w:p>';
  assert.deepEqual(brief(read(body, { styles }).lines), ['甲乙', ['强调其后', 2, undefined], ['标题样式非粗', 4, undefined]]);
});

test('tracked insertions kept, deletions dropped, comments and field codes ignored, field results kept', () => {
  const body =
    '<w:p><w:r><w:t>全年引进</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>十</w:delText></w:r></w:del>' +
    '<w:ins w:id="2" w:author="a"><w:r><w:t>二十</w:t></w:r></w:ins><w:commentRangeStart w:id="0"/><w:r><w:t>个项目</w:t></w:r>' +
    '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="5" w:name="x"/>' +
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy年" </w:instrText></w:r>' +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2020年</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
    '<w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>链接</w:t></w:r></w:hyperlink>' +
    '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>' +
    '<w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>';
  const r = read(body);
  assert.equal(r.lines[0]!.text, '全年引进二十个项目2020年链接控件3');
  assert.deepEqual(rules(r), ['info docx/tracked-changes @-', 'info docx/comments @-']);
});

test('a field left open by a broken writer hides nothing past its paragraph', () => {
  const r = read('<w:p><w:r><w:t>甲</w:t><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText></w:r></w:p>' + p('乙'));
  assert.deepEqual(r.lines.map((l) => l.text), ['甲', '乙']);
});

test('a table of contents field is left out, its paragraphs kept as empty lines', () => {
  const body =
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \\o "1-3"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、总结经验……1</w:t></w:r></w:p>' +
    '<w:p><w:r><w:t>二、聚焦目标……2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' + p('正文');
  const r = read(body);
  assert.deepEqual(r.lines.map((l) => l.text), ['', '', '正文']);
  assert.deepEqual(rules(r), ['info docx/toc @-']);
});

test('text boxes: one branch of mc:AlternateContent, content placed after the anchor, with a warning', () => {
  const box = (t: string) => `<w:txbxContent>${p(t)}</w:txbxContent>`;
  const body =
    '<w:p><w:r><w:t>锚段落</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>' +
    box('框内文字') + '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>' +
    box('框内文字') + '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>' + p('下一段');
  const r = read(body);
  assert.deepEqual(r.lines.map((l) => [l.line, l.text]), [[1, '锚段落'], [2, '框内文字'], [3, '下一段']]);
  assert.deepEqual(rules(r), ['warning docx/textbox @1']);
});

test('images are dropped with a warning; footnotes dropped with a warning naming them', () => {
  const footnotes = '<w:footnote w:id="1"><w:p><w:r><w:t>数据来源：县统计局。</w:t></w:r></w:p></w:footnote>';
  const body =
    '<w:p><w:r><w:t>如图</w:t></w:r><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>' +
    '<w:p><w:r><w:t>增长XX%</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>。</w:t></w:r></w:p>';
  const r = read(body, { footnotes });
  assert.deepEqual(r.lines.map((l) => l.text), ['如图', '增长XX%。']);
  assert.deepEqual(rules(r), ['warning docx/image @1', 'warning docx/footnote @2']);
  assert.match(r.diagnostics[1]!.message, /数据来源：县统计局。/);
  assert.equal(r.diagnostics[1]!.file, 'draft.docx');
});

test('symbols: real characters kept, symbol-font private-use characters reported', () => {
  const r = read('<w:p><w:r><w:t>甲</w:t><w:sym w:font="SimSun" w:char="2605"/><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>');
  assert.equal(r.lines[0]!.text, '甲★');
  assert.deepEqual(rules(r), ['info docx/symbol @1']);
});

test('tables: rows and cells, header from w:tblHeader or a bold first row, nested tables flattened', () => {
  const tc = (x: string) => `<w:tc>${x}</w:tc>`;
  const body =
    p('前文') +
    `<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>${tc(p('项目'))}${tc(p('数量'))}</w:tr><w:tr>${tc(p('重点项目') + p('（市级）'))}${tc(p('XX个'))}</w:tr></w:tbl>` +
    `<w:tbl><w:tr>${tc(p('**姓名**'))}${tc(p('**职务**'))}</w:tr><w:tr>${tc(p('张三'))}${tc(`<w:tbl><w:tr>${tc(p('甲'))}${tc(p('乙'))}</w:tr></w:tbl>` + p(''))}</w:tr></w:tbl>` +
    p('后文');
  const r = read(body);
  assert.deepEqual(r.lines.map((l) => l.text), ['前文', '', '', '后文']);
  const t1 = r.lines[1]!.table!;
  const cells = (t: typeof t1) => t.children.map((row) => row.children.map((c) => c.children.map((i) => (i.type === 'text' ? i.value : '')).join('')));
  assert.equal(t1.header, true);
  assert.deepEqual(cells(t1), [['项目', '数量'], ['重点项目 （市级）', 'XX个']]);
  const t2 = r.lines[2]!.table!;
  assert.equal(t2.header, true);
  assert.deepEqual(cells(t2), [['姓名', '职务'], ['张三', '甲 乙']]);
  assert.equal(t2.position?.start.line, 3);
  assert.deepEqual(rules(r), ['warning docx/nested-table @3']);
});

test('a table whose first row is not all bold has no header', () => {
  const r = read(`<w:tbl><w:tr><w:tc>${p('**甲**')}</w:tc><w:tc>${p('乙')}</w:tc></w:tr><w:tr><w:tc>${p('1')}</w:tc><w:tc>${p('2')}</w:tc></w:tr></w:tbl>`);
  assert.equal(r.lines[0]!.table!.header, false);
});

test('not a zip, or a zip without a document: an error naming the file, no crash', () => {
  const bad = readDocx(new TextEncoder().encode('这不是 Word 文件'), '讲话稿（草稿）.docx');
  assert.equal(bad.ok, false);
  assert.equal(bad.diagnostics[0]!.ruleId, 'docx/not-a-docx');
  assert.equal(bad.diagnostics[0]!.file, '讲话稿（草稿）.docx');
  assert.match(bad.diagnostics[0]!.message, /讲话稿（草稿）\.docx/);
  const truncated = rawDocx(p('x')).subarray(0, 60);
  assert.equal(readDocx(truncated, 'a.docx').diagnostics[0]!.ruleId, 'docx/not-a-docx');
});

test('hidden text, unfilled content controls and deleted table rows are left out', () => {
  const prompt = '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt>';
  const body =
    '<w:p><w:r><w:t>看得见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>看不见</w:t></w:r>' + prompt + '</w:p>' +
    prompt.replace(/<w:r>.*<\/w:r>/, p('单击或点击此处输入文字。')) +
    `<w:tbl><w:tr><w:tc>${p('甲')}</w:tc></w:tr><w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr><w:tc>${p('删去的行')}</w:tc></w:tr></w:tbl>`;
  const r = read(body);
  assert.deepEqual(r.lines.map((l) => l.text), ['看得见', '', '']);
  assert.equal(r.lines[2]!.table!.children.length, 1);
  assert.deepEqual(rules(r), ['warning docx/empty-control @1', 'warning docx/empty-control @2']);
});

test('a draft formatted as usual (bold title and headings, bold run-in leads) gives the plain-text model', async () => {
  const lines = ['在全县领导干部大会上的讲话', '同志们：', '一、认真总结经验', '（一）强化责任落实。各级要落实。', '一是全力抓好疫情防控。当前疫情已经得到控制。', '正文一段。'];
  const body = [
    p('**在全县领导干部大会上的讲话**'), p('同志们：'), p('**一、认真总结经验**'),
    p('**（一）强化责任落实。**各级要落实。'), p('**一是全力抓好疫情防控。**当前疫情已经得到控制。'), p('正文一段。'),
  ].join('');
  const r = await parseDocxFile(rawDocx(body), { file: 'bold.docx' });
  assert.deepEqual(stripPositions(r.value), stripPositions(parseText(lines.join('\n')).value));
});

test('stray field characters (separate/end without begin) do not crash', () => {
  const r = read('<w:p><w:r><w:fldChar w:fldCharType="separate"/><w:t>甲</w:t><w:fldChar w:fldCharType="end"/><w:fldChar w:fldCharType="end"/></w:r></w:p>');
  assert.deepEqual(r.lines.map((l) => l.text), ['甲']);
});

test('XML entities and character references are decoded once', () => {
  const r = read('<w:p><w:r><w:t>&#x4E00;&#20108;&amp;&lt;&gt;&quot;&apos;&amp;#20108;</w:t></w:r></w:p>');
  assert.equal(r.lines[0]!.text, '一二&<>"\'&#20108;');
});

test('a paragraph mark deleted with tracked changes joins the paragraph with the next', () => {
  const deletedMark = '<w:rPr><w:del w:id="3" w:author="a"/></w:rPr>';
  const r = read(p('一是全力抓好', deletedMark) + p('疫情防控。') + p('', deletedMark) + p('下一段'));
  assert.deepEqual(r.lines.map((l) => l.text), ['一是全力抓好疫情防控。', '下一段']);
});

test('merged cells keep the grid: text in the first cell, empty cells where it spanned, and a note', () => {
  const tc = (x: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(x)}</w:tc>`;
  const r = read(`<w:tbl><w:tr>${tc('合计', '<w:gridSpan w:val="2"/>')}${tc('甲', '<w:vMerge w:val="restart"/>')}</w:tr><w:tr>${tc('1')}${tc('2')}${tc('', '<w:vMerge/>')}</w:tr></w:tbl>`);
  const rows = r.lines[0]!.table!.children.map((row) => row.children.map((c) => c.children.map((i) => (i.type === 'text' ? i.value : '')).join('')));
  assert.deepEqual(rows, [['合计', '', '甲'], ['1', '2', '']]);
  assert.deepEqual(rules(r), ['info docx/merged-cells @1']);
});
