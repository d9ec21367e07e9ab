/**
 * The DOCX package, read back as XML: styles, page setup and grid, footers, settings, content,
 * core properties, reproducibility. Fonts: fonts.test.ts; the real client: libreoffice.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import { OFFICIAL, READING } from '../../src/style/preset.ts';
import { bundledFontSet, unzipDocx, styleXml, docxOf } from './helpers.ts';
import { tinySpeech } from './speeches.ts';

const DATE = new Date(Date.UTC(2023, 10, 14, 22, 13, 20));
const official = docxOf(tinySpeech(), { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE, fontMode: 'embed' });

const style = styleXml;

test('styles carry built-in names, outline levels and East Asian fonts', async () => {
  const styles = unzipDocx((await official).bytes).text('word/styles.xml');
  for (const [id, name] of [['Title', 'Title'], ['Subtitle', 'Subtitle'], ['Normal', 'Normal']]) {
    assert.match(style(styles, id!), new RegExp(`<w:name w:val="${name}"/>`));
  }
  for (const depth of [1, 2, 3, 4]) {
    const h = style(styles, `Heading${depth}`);
    assert.match(h, new RegExp(`<w:name w:val="heading ${depth}"/>`));
    assert.match(h, new RegExp(`<w:outlineLvl w:val="${depth - 1}"/>`));
    assert.match(h, /<w:keepNext\/>/);
    assert.match(h, /w:firstLineChars="200"/);
    assert.doesNotMatch(h, /<w:b\/>/, 'GB/T 9704 headings are not bold');
  }
  assert.match(style(styles, 'Heading1'), /w:eastAsia="Noto Sans SC"[^>]*w:hint="eastAsia"/);
  assert.match(style(styles, 'Heading2'), /w:eastAsia="LXGW WenKai"/);
  const title = style(styles, 'Title');
  assert.match(title, /w:eastAsia="Noto Serif SC Black"/);
  assert.match(title, /<w:jc w:val="center"\/>/);
  assert.match(title, /w:firstLine="0"/);
  assert.match(title, /<w:sz w:val="44"\/>/);
  assert.doesNotMatch(title, /<w:b\/>/);
  // Normal: 2-character indent in characters (Word) and twips (LibreOffice ignores the former).
  assert.match(style(styles, 'Normal'), /<w:ind w:firstLine="632" w:firstLineChars="200"\/>/);
  assert.match(style(styles, 'Salutation'), /w:firstLine="0"/);
  assert.match(style(styles, 'Speaker'), /<w:jc w:val="center"\/>/);
  assert.match(style(styles, 'LeadSentence'), /w:eastAsia="LXGW WenKai"/);
  // A clean copy prints clean: no highlight unless --draft (see the placeholder test).
  assert.doesNotMatch(styles, /highlight/);
  // docDefaults: body size, fonts, language, tracking; the East Asian switches in schema order.
  const defaults = /<w:docDefaults>.*<\/w:docDefaults>/s.exec(styles)![0];
  assert.match(defaults, /<w:sz w:val="32"\/>/);
  assert.match(defaults, /<w:rFonts w:ascii="(Tinos)" w:cs="\1" w:eastAsia="Noto Serif SC" w:hAnsi="\1" w:hint="eastAsia"\/>/);
  assert.match(defaults, /<w:lang [^>]*w:eastAsia="zh-CN"/);
  assert.match(defaults, /<w:spacing w:val="-4"\/>/);
  assert.match(
    defaults,
    /<w:kinsoku\/>.*<w:overflowPunct w:val="0"\/>.*<w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/>.*<w:jc w:val="both"\/>/,
  );
  // The official preset fills the text block (撑满版心): widow/orphan control said off, since
  // LibreOffice would otherwise move lines down (absent means off only to Word).
  assert.match(defaults, /<w:widowControl w:val="0"\/><w:kinsoku\/>/);
  assert.doesNotMatch(unzipDocx((await official).bytes).text('word/document.xml'), /<w:numPr>/, 'no Word numbering');
});

test('built-in styles keep the names Word localises, the project’s own are named in Chinese', async () => {
  const styles = unzipDocx((await official).bytes).text('word/styles.xml');
  const names = Object.fromEntries([...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>.*?<w:name w:val="([^"]+)"\/>/gs)].map((m) => [m[1], m[2]]));
  assert.deepEqual(names, {
    // Built-ins: Word and WPS show them as 正文, 标题, 副标题, 日期, 称呼, 标题 1–4.
    Normal: 'Normal', Title: 'Title', Subtitle: 'Subtitle', Date: 'Date', Salutation: 'Salutation',
    Heading1: 'heading 1', Heading2: 'heading 2', Heading3: 'heading 3', Heading4: 'heading 4', TableNormal: 'Normal Table',
    // The project's own, as a clerk looks for them in the gallery.
    Speaker: '讲话人', Signature: '落款', SignedDate: '成文日期', Credit: '稿件信息',
    TableText: '表格文字', TableHeader: '表格表头', TableNumber: '表格数字',
    LeadSentence: '要点句', RunInHeading2: '段首标题 2', RunInHeading3: '段首标题 3', RunInHeading4: '段首标题 4', Placeholder: '占位符',
  });
});

test('the 落款 and 成文日期 are flush right 右空二字, the date under the name; credits flush left', async () => {
  const speech = tinySpeech();
  // A 10-character organ and a date of 6.5 cells: the name ends 2 characters in, the date starts 2 right of the name (3.5 in).
  speech.meta.furniture = { attachments: [{ text: '附件：检查表' }], signature: [{ text: '某某县人民政府办公室' }], signedDate: { text: '2024年11月5日' } };
  const { bytes } = await docxOf(speech, { preset: { ...OFFICIAL, printCredits: true }, fonts: bundledFontSet(), date: DATE, fontMode: 'system' });
  const zip = unzipDocx(bytes);
  const styles = zip.text('word/styles.xml');
  const cell = 320 - 4; // 16 pt less the −0.2 pt tracking, in twips
  assert.match(style(styles, 'Signature'), /<w:keepNext\/><w:keepLines\/>.*<w:ind w:left="0" w:right="632" w:firstLine="0" w:firstLineChars="0"\/><w:jc w:val="right"\/>/s);
  assert.match(style(styles, 'SignedDate'), new RegExp(`<w:ind w:left="0" w:right="${3.5 * cell}" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="right"/>`));
  assert.doesNotMatch(style(styles, 'Credit'), /<w:jc /, 'credits keep the justified, flush-left default');
  assert.match(style(styles, 'Credit'), /<w:ind w:left="0" w:right="0" w:firstLine="0" w:firstLineChars="0"\/>/);
  const doc = zip.text('word/document.xml');
  // One blank line before the 附件说明 and before the 落款, as in the PDF; the 附件说明 hangs a
  // wrapped name under its first character, after 附件：(two characters in plus three: 5 × 316 tw).
  assert.match(
    doc,
    /<w:p><w:pPr><w:pStyle w:val="Normal"\/><\/w:pPr><\/w:p><w:p><w:pPr><w:pStyle w:val="Normal"\/><w:ind w:left="15[78]\d" w:hanging="9[45]\d" w:firstLineChars="0"\/><\/w:pPr><w:r><w:t xml:space="preserve">附件：检查表<\/w:t><\/w:r><\/w:p><w:p><w:pPr><w:pStyle w:val="Normal"\/><\/w:pPr><\/w:p><w:p><w:pPr><w:pStyle w:val="Signature"\/><\/w:pPr><w:r><w:t xml:space="preserve">某某县人民政府办公室<\/w:t>/,
  );
  assert.match(doc, /<w:pStyle w:val="SignedDate"\/><\/w:pPr>(<w:r>.*?<\/w:r>)+<\/w:p><w:p><w:pPr><w:pStyle w:val="Normal"\/><\/w:pPr><\/w:p><w:p><w:pPr><w:pStyle w:val="Credit"\/>/);
});

test('only the styles the document uses: no blue Heading 5/6, Hyperlink, TOC or footnote styles', async () => {
  const styles = unzipDocx((await official).bytes).text('word/styles.xml');
  const ids = [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(ids, [
    'Credit', 'Date', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'LeadSentence', 'Normal', 'Placeholder',
    'RunInHeading2', 'RunInHeading3', 'RunInHeading4', 'Salutation', 'Signature', 'SignedDate', 'Speaker', 'Subtitle', 'TableHeader', 'TableNormal',
    'TableNumber', 'TableText', 'Title',
  ]);
  assert.doesNotMatch(styles, /<w:color /, 'no coloured style');
});

test('page setup and grid come from the preset', async () => {
  const doc = unzipDocx((await official).bytes).text('word/document.xml');
  assert.match(doc, /<w:pgSz w:w="11906" w:h="16838"/);
  assert.match(doc, /<w:pgMar w:top="2098" w:right="1452" w:bottom="1984" w:left="1587" w:header="851" w:footer="1307" w:gutter="0"\/>/);
  assert.match(doc, /<w:docGrid w:type="lines" w:linePitch="579"\/>/);
  assert.match(doc, /<w:footerReference w:type="default" r:id="[^"]+"\/><w:footerReference w:type="even"/);
});

test('footers: — PAGE — outside, one character in, off the grid', async () => {
  const zip = unzipDocx((await official).bytes);
  const footers = zip.names.filter((n) => /^word\/footer\d\.xml$/.test(n)).map((n) => zip.text(n));
  assert.equal(footers.length, 2);
  const right = footers.find((f) => f.includes('<w:jc w:val="right"/>'));
  const left = footers.find((f) => f.includes('<w:jc w:val="left"/>'));
  for (const [f, side] of [[right, 'right'], [left, 'left']] as const) {
    assert.ok(f, `${side} footer`);
    assert.match(f, /<w:t xml:space="preserve">— <\/w:t>.*<w:instrText[^>]*>PAGE<\/w:instrText>.*<w:t xml:space="preserve"> —<\/w:t>/s);
    assert.match(f, new RegExp(`w:${side}="280"`));
    assert.match(f, /<w:snapToGrid w:val="0"\/><w:spacing [^>]*w:line="280" w:lineRule="exact"\/>/);
    assert.match(f, /<w:sz w:val="28"\/>/);
  }
  const settings = zip.text('word/settings.xml');
  assert.match(settings, /<w:evenAndOddHeaders\/>/);
  assert.match(settings, /<w:characterSpacingControl w:val="compressPunctuation"\/>/);
  assert.match(settings, /<w:embedTrueTypeFonts\/><w:saveSubsetFonts\/><w:defaultTabStop w:val="640"\/>/);
});

test('reading preset: 第 N 页 / 共 M 页 centred on every page', async () => {
  const { bytes } = await docxOf(tinySpeech(), { preset: READING, fonts: bundledFontSet(), date: DATE, fontMode: 'system' });
  const zip = unzipDocx(bytes);
  const footers = zip.names.filter((n) => /^word\/footer\d\.xml$/.test(n));
  assert.equal(footers.length, 1);
  const f = zip.text(footers[0]!);
  assert.match(f, /第 .*PAGE.* 页 \/ 共 .*NUMPAGES.* 页/s);
  assert.match(f, /<w:jc w:val="center"\/>/);
  assert.doesNotMatch(zip.text('word/settings.xml'), /evenAndOddHeaders/);
  assert.match(zip.text('word/document.xml'), /<w:docGrid w:type="lines" w:linePitch="911"\/>/);
});

test('core properties and byte-identical rebuilds', async () => {
  const { bytes } = await official;
  const core = unzipDocx(bytes).text('docProps/core.xml');
  assert.match(core, /<dc:title>在全县经济工作会议上的讲话<\/dc:title>/);
  assert.match(core, /<dc:creator>县委书记　张三<\/dc:creator>/);
  assert.match(core, /<cp:lastModifiedBy>speechdoc<\/cp:lastModifiedBy>/);
  assert.match(core, /<dcterms:created [^>]*>2023-11-14T22:13:20Z<\/dcterms:created>/);
  assert.match(core, /<dcterms:modified [^>]*>2023-11-14T22:13:20Z<\/dcterms:modified>/);
  const again = await docxOf(tinySpeech(), { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE, fontMode: 'embed' });
  assert.deepEqual(Buffer.from(again.bytes), Buffer.from(bytes));
  assert.equal(unzipDocx(bytes).names[0], '[Content_Types].xml');
});

test('content: title block, salutation, headings with markers, leads, placeholders, emphasis, table', async () => {
  const doc = unzipDocx((await official).bytes).text('word/document.xml');
  // As in the PDF: one blank grid line between subtitle and speaker, one under the date.
  const order = ['Title', 'Subtitle', 'Normal', 'Speaker', 'Date', 'Normal', 'Salutation', 'Normal', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Normal', 'TableHeader'];
  const styles = [...doc.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]);
  assert.deepEqual(styles.slice(0, order.length), order);
  assert.match(doc, /<w:t xml:space="preserve">一、<\/w:t>.*认真总结经验/s);
  assert.match(doc, /<w:rStyle w:val="LeadSentence"\/><\/w:rPr><w:t xml:space="preserve">一是坚持项目为王。/);
  assert.match(doc, /<w:rStyle w:val="Placeholder"\/><\/w:rPr><w:t xml:space="preserve">XX</);
  assert.doesNotMatch(doc, /highlight/);
  assert.match(doc, /<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">务必按期完成/);
  assert.match(doc, /<w:tblHeader\/>.*项目.*3亿元/s);
  assert.doesNotMatch(doc, /李四/, 'credits are not printed by the official preset');
});

test('placeholders are highlighted only in a draft, as in the PDF', async () => {
  const { bytes } = await docxOf(tinySpeech(), { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE, highlightPlaceholders: true });
  const zip = unzipDocx(bytes);
  assert.match(style(zip.text('word/styles.xml'), 'Placeholder'), /<w:highlight w:val="yellow"\/>/);
  // Direct too: LibreOffice ignores highlight in character styles.
  assert.match(zip.text('word/document.xml'), /<w:rStyle w:val="Placeholder"\/><w:highlight w:val="yellow"\/><\/w:rPr><w:t xml:space="preserve">XX</);
});

test('credits close the document when the preset prints them', async () => {
  const { bytes } = await docxOf(tinySpeech(), { preset: { ...OFFICIAL, printCredits: true }, fonts: bundledFontSet(), date: DATE, fontMode: 'system' });
  const doc = unzipDocx(bytes).text('word/document.xml');
  assert.match(doc, /<w:pStyle w:val="Credit"\/><\/w:pPr><w:r><w:t xml:space="preserve">编辑：李四<\/w:t><\/w:r><\/w:p><w:sectPr>/);
});

test('every XML part is well-formed', async () => {
  const zip = unzipDocx((await official).bytes);
  const parts = zip.names.filter((n) => /\.(xml|rels)$/.test(n));
  assert.ok(parts.length > 10);
  for (const n of parts) assert.equal(XMLValidator.validate(zip.text(n)), true, n);
});

test('markup and control characters in the text cannot break the XML', async () => {
  const speech = tinySpeech();
  speech.meta.title = 'A & B <c> "d"\u0001 标题';
  speech.children.push({ type: 'paragraph', children: [{ type: 'text', value: '控制\u0007字符\uD800与 <w:t> & 实体' }] });
  const { bytes } = await docxOf(speech, { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE, fontMode: 'system' });
  const zip = unzipDocx(bytes);
  for (const n of ['word/document.xml', 'docProps/core.xml']) assert.equal(XMLValidator.validate(zip.text(n)), true, n);
  assert.match(zip.text('word/document.xml'), /控制字符与 &lt;w:t&gt; &amp; 实体/);
});

test('the pipeline highlights placeholders in the copy only for a draft, and names the system faces by default', async () => {
  const { renderDocx: pipelineDocx } = await import('../../src/pipeline/render.ts');
  const fonts = bundledFontSet();
  const clean = unzipDocx((await pipelineDocx(tinySpeech(), { fonts, date: DATE })).bytes);
  const draft = unzipDocx((await pipelineDocx(tinySpeech(), { fonts, date: DATE, draft: true })).bytes);
  assert.doesNotMatch(clean.text('word/document.xml'), /highlight/);
  assert.match(draft.text('word/document.xml'), /<w:highlight w:val="yellow"\/><\/w:rPr><w:t xml:space="preserve">XX</);
  assert.equal(clean.names.filter((n) => n.endsWith('.odttf')).length, 0);
  assert.match(clean.text('word/styles.xml'), /w:eastAsia="仿宋_GB2312"/);
});

test('a chapter heading (第一章 总则) is centred in the Word copy as in the PDF; a section heading is not', async () => {
  const { parseText } = await import('../../src/parse/text/index.ts');
  const text = '某某市数据管理办法\n第一章　总则\n第一条　为了规范数据管理，制定本办法。\n第二条　本办法适用于本市。\n第二章　管理\n第三条　市政府统一领导。\n';
  const speech = parseText(text, { file: 'rules.txt' }).value!;
  const headings = speech.children.filter((b) => b.type === 'heading');
  assert.ok(headings.length >= 2 && headings.every((h) => h.type === 'heading' && h.kind === 'chapter'), JSON.stringify(headings));
  const xml = unzipDocx((await docxOf(speech, { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE, fontMode: 'embed' })).bytes).text('word/document.xml');
  const paragraphOf = (words: string) => [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => m[0]).find((p) => p.includes(words))!;
  assert.match(paragraphOf('第一章'), /<w:pStyle w:val="Heading1"\/>.*<w:jc w:val="center"\/>/s);
  assert.match(paragraphOf('第二章'), /<w:jc w:val="center"\/>/);
  assert.doesNotMatch(paragraphOf('第一条'), /<w:jc w:val="center"\/>/);
});
