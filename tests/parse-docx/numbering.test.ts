/** Word auto-numbering → the marker text a writer would have typed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDocx } from '../../src/parse/docx/index.ts';
import { p, rawDocx } from './fixtures.ts';

const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const GB_LIST =
  '<w:abstractNum w:abstractNumId="0">' +
  lvl(0, 'chineseCounting', '%1、') + lvl(1, 'chineseCounting', '（%2）') + lvl(2, 'decimal', '%3.') + lvl(3, 'decimal', '（%4）') +
  '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
const num = (ilvl: number, numId = 1) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const texts = (body: string, parts: Parameters<typeof rawDocx>[1]) => readDocx(rawDocx(body, parts)).lines.map((l) => l.text);

test('four GB levels with restarts: 一、 （一） 1. （1）', () => {
  const body =
    p('认真总结经验', num(0)) + p('强化责任', num(1)) + p('明确分工', num(2)) + p('细化', num(3)) + p('再细化', num(3)) +
    p('落实到人', num(2)) + p('（1）不受影响的正文', '') + p('压实责任', num(1)) + p('第一条', num(2)) +
    p('聚焦目标任务', num(0)) + p('全力抓好', num(1));
  assert.deepEqual(texts(body, { numbering: GB_LIST }), [
    '一、认真总结经验', '（一）强化责任', '1.明确分工', '（1）细化', '（2）再细化',
    '2.落实到人', '（1）不受影响的正文', '（二）压实责任', '1.第一条',
    '二、聚焦目标任务', '（一）全力抓好',
  ]);
});

test('counters past ten, w:start, numId 0 switches numbering off, empty numbered paragraphs still count', () => {
  const numbering =
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="9"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1是"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
  const body = p('甲', num(0)) + p('', num(0)) + p('乙', num(0)) + p('不编号', num(0, 0)) + p('丙', num(0));
  assert.deepEqual(texts(body, { numbering }), ['九是甲', '', '十一是乙', '不编号', '十二是丙']);
});

test('numbering through the paragraph style, multi-level text, startOverride on a second list instance', () => {
  const numbering =
    '<w:abstractNum w:abstractNumId="5">' + lvl(0, 'decimal', '%1.') + lvl(1, 'decimal', '%1.%2') + '</w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="6">' + lvl(0, 'decimalEnclosedCircle', '%1') + '</w:abstractNum>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
    '<w:num w:numId="7"><w:abstractNumId w:val="6"/></w:num>';
  const styles = '<w:style w:type="paragraph" w:styleId="L1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>';
  const body =
    p('甲', '<w:pStyle w:val="L1"/>') + p('乙', '<w:pStyle w:val="L1"/>' + num(1, 3).replace('<w:numId w:val="3"/>', '')) +
    p('丙', '<w:pStyle w:val="L1"/>') + p('重新', num(0, 4)) + p('圈', num(0, 7)) + p('圈二', num(0, 7));
  assert.deepEqual(texts(body, { numbering, styles }), ['1.甲', '1.1 乙', '2.丙', '1.重新', '①圈', '②圈二']);
});

test('bullets add no marker; a bold paragraph carries its bold over the marker', () => {
  const numbering =
    '<w:abstractNum w:abstractNumId="0">' + lvl(0, 'bullet', '•') + lvl(1, 'chineseCounting', '%2是') + '</w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
  const lines = readDocx(rawDocx(p('要点', num(0)) + p('**全力抓好疫情防控。**当前…', num(1)), { numbering })).lines;
  assert.deepEqual(lines.map((l) => [l.text, l.boldPrefixLength]), [['要点', undefined], ['一是全力抓好疫情防控。当前…', 11]]);
});

test('a list defined through a list style (w:numStyleLink) numbers with the style\'s levels', () => {
  const numbering =
    GB_LIST +
    '<w:abstractNum w:abstractNumId="9"><w:numStyleLink w:val="GbList"/></w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="9"/></w:num>';
  const styles = '<w:style w:type="numbering" w:styleId="GbList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
  assert.deepEqual(texts(p('甲', num(0, 2)) + p('乙', num(1, 2)) + p('丙', num(0, 1)), { numbering, styles }), ['一、甲', '（一）乙', '二、丙']);
});

test('a custom number format in mc:AlternateContent falls back to its plain format', () => {
  const numbering =
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14">' +
    '<w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>' +
    '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
  assert.deepEqual(texts(p('甲', num(0)), { numbering }), ['01.甲']);
});
