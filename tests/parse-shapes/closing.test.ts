/**
 * Where the 落款 prints when the text goes on past it: a 印发 notice signs its cover letter and
 * the document it issues follows; an order's head is its issuer and 令号, and the title of the
 * regulation it issues follows its 落款 (GB/T 9704-2012 7.3.5, 10.2). Checked in the model, on
 * the PDF page pdftotext gives back, and in the Word copy's paragraph order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Speech } from '../../src/model/types.ts';
import { parseText } from '../../src/parse/text/parse-text.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import { bundled, lay, lines, pageText, pdfFile, text } from '../typography/helpers.ts';
import { docxOf, unzipDocx } from '../render-docx/helpers.ts';

const parse = (text: string): { speech: Speech; messages: string[] } => {
  const r = parseText(text);
  assert.ok(r.speech, JSON.stringify(r.diagnostics));
  return { speech: r.speech, messages: r.diagnostics.map((d) => d.message) };
};

/** The non-empty lines of page 1 as pdftotext reads them. */
async function page1(s: Speech): Promise<string[]> {
  return pageText(await pdfFile(await lay(s)), 1).split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

/** The Word copy's paragraphs, as text, in order. */
async function docxParagraphs(s: Speech): Promise<string[]> {
  const { bytes } = await docxOf(s, { preset: OFFICIAL, fonts: (await bundled()).fontSet });
  const xml = unzipDocx(bytes).text('word/document.xml');
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).filter((t) => t !== '');
}

/** Index of the first line containing `s`; fails when none does. */
function at(lines: string[], s: string): number {
  const i = lines.findIndex((l) => l.replace(/\s/g, '').includes(s));
  assert.ok(i >= 0, `“${s}” not found in:\n${lines.join('\n')}`);
  return i;
}

const ISSUING_NOTICE = [
  'X县人民政府办公室印发《X县数据管理办法》的通知',
  'X政办发〔2024〕7号',
  '各乡镇人民政府，县政府各部门：',
  '　　《X县数据管理办法》已经县政府同意，现印发给你们，请认真贯彻落实。',
  'X县人民政府办公室',
  '2024年3月1日',
  'X县数据管理办法',
  '　　一、总体要求',
  '　　为规范全县数据管理，提升数据质量，促进数据共享，推动数字政府建设，制定本办法，各单位要认真执行。',
].join('\n');

test('a 印发 notice: the 落款 signs the cover letter and prints before the document it issues', async () => {
  const { speech, messages } = parse(ISSUING_NOTICE);
  const f = speech.meta.furniture!;
  assert.deepEqual([f.signature?.[0]?.text, f.signedDate?.text, f.issuedTitle?.text, f.closesAt, f.titleAfterClosing], ['X县人民政府办公室', '2024年3月1日', 'X县数据管理办法', 1, undefined]);
  assert.equal(f.issuedTitle?.position?.start.line, 7);
  assert.ok(messages.some((m) => m.startsWith('落款后是所印发的文件：标题“X县数据管理办法”居中排在落款和成文日期之后')), messages.join('\n'));
  // Text after a 落款 that the notice's title does not name stays body text, printed after the 落款.
  // …set as a title (centred, the title face), not as a section heading.
  const set = lines(await lay(speech)).filter((l) => l.kind === 'title').map(text);
  assert.deepEqual(set.slice(-1), ['X县数据管理办法'], set.join(' / '));
  const other = parse(ISSUING_NOTICE.replace('X县数据管理办法\n', '补充说明\n')).speech.meta.furniture!;
  assert.deepEqual([other.issuedTitle, other.closesAt], [undefined, 1]);
  for (const lines of [await page1(speech), await docxParagraphs(speech)]) {
    const letter = at(lines, '现印发给你们');
    const organ = lines.findIndex((l, k) => k > letter && l.replace(/\s/g, '') === 'X县人民政府办公室');
    const date = at(lines, '2024年3月1日');
    const issued = lines.findIndex((l, k) => k > date && l.replace(/\s/g, '') === 'X县数据管理办法');
    assert.ok(letter < organ && organ < date && date < issued && issued < at(lines, '一、总体要求'), lines.join('\n'));
  }
});

test('a notice signed at its end keeps its 落款 at the end', () => {
  const { speech } = parse('关于做好安全生产工作的通知\n各乡镇人民政府：\n　　现将有关事项通知如下，请认真贯彻执行。\n附件：1.责任清单\nX县人民政府办公室\n2024年3月1日\n');
  assert.equal(speech.meta.furniture?.closesAt, undefined);
  assert.equal(speech.meta.furniture?.signedDate?.text, '2024年3月1日');
});

const ORDER_PKULAW = [
  'X市数据管理办法',
  'X市人民政府令',
  '',
  '（第5号）',
  '　　《X市数据管理办法》已经2024年4月20日市政府第9次常务会议通过，现予公布，自2024年6月1日起施行。',
  '市长　王五',
  '2024年5月1日',
  '　　X市数据管理办法',
  '第一章　总则',
  '　　第一条　（目的）为了规范数据管理，制定本办法。',
].join('\n');

const ORDER_TYPED = [
  'X市人民政府令',
  '第5号',
  '　　《X市数据管理办法》已经2024年4月20日市政府第9次常务会议通过，现予公布，自2024年6月1日起施行。',
  '市长　王五',
  '2024年5月1日',
  'X市数据管理办法',
  '第一章　总则',
  '　　第一条　为了规范数据管理，制定本办法。',
].join('\n');

test('an order: the head is the issuer and the 令号, the title of the regulation follows the 落款', async () => {
  for (const [source, number] of [[ORDER_PKULAW, '（第5号）'], [ORDER_TYPED, '第5号']] as const) {
    const { speech, messages } = parse(source);
    const f = speech.meta.furniture!;
    assert.deepEqual([f.issuer?.text, f.docNumber?.text, f.signature?.[0]?.text, f.closesAt, f.titleAfterClosing], ['X市人民政府令', number, '市长　王五', 1, true]);
    assert.equal(speech.meta.title, 'X市数据管理办法', 'the document is still titled in metadata');
    assert.ok(messages.some((m) => m.includes('令号，排在发文机关标志下空二行居中')), messages.join('\n'));
    assert.ok(!messages.some((m) => m.includes('没有标题')), messages.join('\n'));
    for (const lines of [await page1(speech), await docxParagraphs(speech)]) {
      const issuer = at(lines, 'X市人民政府令');
      const no = at(lines, number);
      const text = at(lines, '现予公布');
      const signer = at(lines, '市长王五');
      const date = at(lines, '2024年5月1日');
      const title = lines.findIndex((l) => l.replace(/\s/g, '') === 'X市数据管理办法');
      assert.deepEqual([issuer, no, text, signer, date, title].map((k, i, a) => i === 0 || k > a[i - 1]!), [true, true, true, true, true, true], lines.join('\n'));
      assert.ok(title < at(lines, '第一章'), lines.join('\n'));
    }
  }
});

test('a 红头 notice prints issuer, 文号, then its title (7.2.4); a reprint without a header has the 文号 under the title', async () => {
  const { speech, messages } = parse('X县人民政府文件\nX政发〔2024〕3号\n关于做好防汛工作的通知\n各乡镇人民政府：\n　　现将有关事项通知如下。\nX县人民政府\n2024年6月1日\n');
  const f = speech.meta.furniture!;
  assert.deepEqual([f.issuer?.text, f.docNumber?.text, speech.meta.title, f.closesAt, f.titleAfterClosing], ['X县人民政府文件', 'X政发〔2024〕3号', '关于做好防汛工作的通知', undefined, undefined]);
  assert.ok(messages.some((m) => m.includes('发文字号，排在发文机关标志下空二行居中，标题在其下')), messages.join('\n'));
  for (const lines of [await page1(speech), await docxParagraphs(speech)]) {
    assert.ok(at(lines, 'X县人民政府文件') < at(lines, 'X政发〔2024〕3号') && at(lines, 'X政发〔2024〕3号') < at(lines, '关于做好防汛工作的通知'), lines.join('\n'));
  }
  const reprint = parse('关于做好防汛工作的通知\nX政发〔2024〕3号\n各乡镇人民政府：\n　　现将有关事项通知如下。\n').speech;
  const lines = await page1(reprint);
  assert.ok(at(lines, '关于做好防汛工作的通知') < at(lines, 'X政发〔2024〕3号'), lines.join('\n'));
});
