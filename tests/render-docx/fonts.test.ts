/**
 * Fonts in the DOCX: embedded TrueType subsets named as in rFonts, system-font mode, faces that may
 * not be embedded, per-character fallback faces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fontkit from 'fontkit';
import { obfuscate } from '../../src/render/docx/embed-fonts.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import { BUNDLED, bundledFontSet, loadFace, unzipDocx, styleXml, docxOf } from './helpers.ts';
import { tinySpeech } from './speeches.ts';

const DATE = new Date(Date.UTC(2023, 10, 14, 22, 13, 20));
const official = docxOf(tinySpeech(), { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE });

const style = styleXml;

/** The face's family without the subset's tag. */
const untag = (name: string) => name.replace(/ [0-9A-F]{6}$/, '');

test('embedded fonts are TrueType subsets named as in rFonts, keyed by their hash', async () => {
  const zip = unzipDocx((await official).bytes);
  const table = zip.text('word/fontTable.xml');
  const rels = zip.text('word/_rels/fontTable.xml.rels');
  const embeds = [...table.matchAll(/<w:font w:name="([^"]+)">(?:(?!<\/w:font>).)*?<w:embedRegular r:id="([^"]+)" w:fontKey="(\{[0-9A-F-]{36}\})"/g)];
  // Each subset carries its face's family plus a tag of its own (rename-font.ts says why).
  for (const m of embeds) assert.match(m[1]!, / [0-9A-F]{6}$/);
  assert.deepEqual(embeds.map((m) => untag(m[1]!)).sort(), ['LXGW WenKai', 'Noto Sans SC', 'Noto Serif SC', 'Noto Serif SC Black', 'Tinos']);
  for (const [, name, rid, key] of embeds) {
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    const font = fontkit.create(Buffer.from(obfuscate(zip.bytes(`word/${target}`), key!))) as fontkit.Font;
    assert.equal(font.familyName, name, 'font table name = embedded family (name id 1)');
    assert.ok(font.numGlyphs < 400, `${name} is a subset (${font.numGlyphs} glyphs)`);
    assert.ok(font.hasGlyphForCodePoint('5'.codePointAt(0)!), `${name} has digits for fields`);
  }
  const black = embeds.find((m) => untag(m[1]!) === 'Noto Serif SC Black')!;
  const rid = new RegExp(`Id="${black[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
  const title = fontkit.create(Buffer.from(obfuscate(zip.bytes(`word/${rid}`), black[3]!))) as fontkit.Font;
  for (const ch of '在全县经济工作会议上的讲话') assert.ok(title.hasGlyphForCodePoint(ch.codePointAt(0)!), ch);
  assert.match(zip.text('[Content_Types].xml'), /Extension="odttf"/);
});

test('system fonts: standard Office names with fallbacks, nothing embedded', async () => {
  const { bytes } = await docxOf(tinySpeech(), { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE, fontMode: 'system', highlightPlaceholders: false });
  const zip = unzipDocx(bytes);
  assert.equal(zip.names.filter((n) => n.endsWith('.odttf')).length, 0);
  const table = zip.text('word/fontTable.xml');
  assert.match(table, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/><w:charset w:val="86"\/>/);
  assert.match(table, /<w:font w:name="方正小标宋简体">/);
  assert.match(table, /<w:font w:name="Times New Roman"><w:altName w:val="Tinos"\/><w:charset w:val="00"\/>/);
  const styles = zip.text('word/styles.xml');
  assert.match(style(styles, 'Heading1'), /w:eastAsia="黑体"/);
  assert.match(style(styles, 'Heading2'), /w:eastAsia="楷体_GB2312"/);
  assert.doesNotMatch(style(styles, 'Placeholder'), /highlight/);
  assert.doesNotMatch(zip.text('word/document.xml'), /highlight/);
  assert.doesNotMatch(zip.text('word/settings.xml'), /embedTrueTypeFonts/);
  assert.match(zip.text('word/footer1.xml'), /w:ascii="宋体"/);
});

test('faces that may not be embedded are named, not embedded, with a diagnostic', async () => {
  const restricted = loadFace(BUNDLED.kai, { embedding: 'preview-print' });
  const cff = loadFace(BUNDLED.sans, { outline: 'cff', format: 'otf' });
  const { bytes, diagnostics } = await docxOf(tinySpeech(), {
    preset: OFFICIAL,
    fonts: bundledFontSet({ heading2: restricted, lead: restricted, titleBlock: restricted, heading1: cff }),
    date: DATE,
  });
  const ids = diagnostics.map((d) => `${d.severity} ${d.ruleId}`);
  assert.deepEqual(ids, ['warning docx/font-not-embeddable', 'warning docx/font-not-embeddable']);
  assert.ok(diagnostics.some((d) => d.message.includes('LXGW WenKai') && d.message.includes('Word')));
  const table = unzipDocx(bytes).text('word/fontTable.xml');
  assert.match(table, /<w:font w:name="LXGW WenKai"><w:charset w:val="86"\/><w:family w:val="modern"\/><w:pitch w:val="fixed"\/><\/w:font>/);
});

test('characters the role face lacks get a run naming the fallback face, which is embedded', async () => {
  const tinos = loadFace(BUNDLED.tinos);
  const { bytes } = await docxOf(tinySpeech(), { preset: OFFICIAL, fonts: bundledFontSet({ titleBlock: tinos }), date: DATE });
  const zip = unzipDocx(bytes);
  assert.match(zip.text('word/document.xml'), /<w:rFonts w:eastAsia="Noto Serif SC [0-9A-F]{6}" w:hint="eastAsia"\/><\/w:rPr><w:t xml:space="preserve">县委书记　张三/);
});

test('the body subset holds every character the body text uses', async () => {
  const zip = unzipDocx((await official).bytes);
  const table = zip.text('word/fontTable.xml');
  const rels = zip.text('word/_rels/fontTable.xml.rels');
  const m = /<w:font w:name="Noto Serif SC [0-9A-F]{6}">.*?<w:embedRegular r:id="([^"]+)" w:fontKey="([^"]+)"/.exec(table)!;
  const target = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
  const font = fontkit.create(Buffer.from(obfuscate(zip.bytes(`word/${target}`), m[2]!))) as fontkit.Font;
  const body = '同志们：今年全县实施重点项目个，“稳中求进”——这是总基调。共有民生工程项务必按期完成道路亿元投资压实责任（）细化分工';
  const missing = [...body].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
  assert.deepEqual(missing, []);
});
