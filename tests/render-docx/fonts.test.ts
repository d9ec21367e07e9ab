/**
 * Fonts in the DOCX: system-font mode (the default), embedded faces under their real names with the
 * standard character set or renamed subsets of exactly the used characters, faces that may not be
 * embedded, per-character fallback faces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fontkit from 'fontkit';
import { obfuscate } from '../../src/render/docx/embed-fonts.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import { BUNDLED, bundledFontSet, loadFace, unzipDocx, styleXml, docxOf } from './helpers.ts';
import { tinySpeech } from './speeches.ts';

const DATE = new Date(Date.UTC(2023, 10, 14, 22, 13, 20));
const official = docxOf(tinySpeech(), { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE, fontMode: 'embed' });

const style = styleXml;

/** The face's family without the subset's tag. */
const untag = (name: string) => name.replace(/ [0-9A-F]{6}$/, '');

/** The embedded fonts of a package: name, relationship id, key, and the de-obfuscated face. */
function embeddedFonts(bytes: Uint8Array): { name: string; font: fontkit.Font }[] {
  const zip = unzipDocx(bytes);
  const table = zip.text('word/fontTable.xml');
  const rels = zip.text('word/_rels/fontTable.xml.rels');
  const embeds = [...table.matchAll(/<w:font w:name="([^"]+)">(?:(?!<\/w:font>).)*?<w:embedRegular r:id="([^"]+)" w:fontKey="(\{[0-9A-F-]{36}\})"/g)];
  return embeds.map(([, name, rid, key]) => {
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    return { name: name!, font: fontkit.create(Buffer.from(obfuscate(zip.bytes(`word/${target}`), key!))) as fontkit.Font };
  });
}

test('embed mode: faces whose text lies in GB2312 are embedded under their real names with the whole standard set', async () => {
  const zip = unzipDocx((await official).bytes);
  const embeds = embeddedFonts((await official).bytes);
  assert.deepEqual(embeds.map((m) => m.name).sort(), ['LXGW WenKai', 'Noto Sans SC', 'Noto Serif SC', 'Noto Serif SC Black', 'Tinos']);
  for (const { name, font } of embeds) {
    assert.equal(font.familyName, name, 'font table name = embedded family (name id 1)');
    assert.ok(font.hasGlyphForCodePoint('5'.codePointAt(0)!), `${name} has digits for fields`);
  }
  // What a user types later is in the face: GB2312 characters the speech does not use.
  for (const { name, font } of embeds.filter((e) => e.name !== 'Tinos')) {
    assert.ok(font.numGlyphs > 7000, `${name} holds the standard set (${font.numGlyphs} glyphs)`);
    for (const ch of '鑫淼齐鲁燕赵') assert.ok(font.hasGlyphForCodePoint(ch.codePointAt(0)!), `${name} has ${ch}`);
  }
  const title = embeds.find((m) => m.name === 'Noto Serif SC Black')!.font;
  for (const ch of '在全县经济工作会议上的讲话') assert.ok(title.hasGlyphForCodePoint(ch.codePointAt(0)!), ch);
  assert.match(zip.text('[Content_Types].xml'), /Extension="odttf"/);
  assert.match(zip.text('word/settings.xml'), /<w:embedTrueTypeFonts\/><w:saveSubsetFonts\/>/);
});

test('embed mode: a face drawing a character beyond GB2312 gets exactly the used characters under a name of its own', async () => {
  const speech = tinySpeech();
  // 堃 is a GBK name character outside GB2312.
  speech.children.push({ type: 'paragraph', children: [{ type: 'text', value: '王堃同志发言。' }] });
  const { bytes } = await docxOf(speech, { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE, fontMode: 'embed' });
  const embeds = embeddedFonts(bytes);
  const body = embeds.find((e) => untag(e.name) === 'Noto Serif SC')!;
  assert.match(body.name, /^Noto Serif SC [0-9A-F]{6}$/, 'renamed: another document may embed another subset of Noto Serif SC');
  assert.equal(body.font.familyName, body.name);
  assert.ok(body.font.numGlyphs < 400, `a subset of the used characters (${body.font.numGlyphs} glyphs)`);
  assert.ok(body.font.hasGlyphForCodePoint('堃'.codePointAt(0)!));
  // The other faces still hold the standard set under their real names.
  assert.ok(embeds.some((e) => e.name === 'Noto Sans SC' && e.font.numGlyphs > 7000));
  assert.match(unzipDocx(bytes).text('word/styles.xml'), /w:eastAsia="Noto Serif SC [0-9A-F]{6}"/);
});

test('system fonts (the default): standard Office names with the Windows faces as altName, nothing embedded', async () => {
  const { bytes } = await docxOf(tinySpeech(), { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE });
  const zip = unzipDocx(bytes);
  assert.equal(zip.names.filter((n) => n.endsWith('.odttf')).length, 0);
  const table = zip.text('word/fontTable.xml');
  assert.match(table, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/><w:charset w:val="86"\/>.*?<w:sig [^>]*w:csb0="00040001"/);
  assert.match(table, /<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/><w:charset w:val="86"\/>/);
  assert.match(table, /<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
  assert.match(table, /<w:font w:name="黑体"><w:altName w:val="SimHei"\/>/);
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
    fontMode: 'embed',
  });
  const ids = diagnostics.map((d) => `${d.severity} ${d.ruleId}`);
  assert.deepEqual(ids, ['warning docx/font-not-embeddable', 'warning docx/font-not-embeddable']);
  assert.ok(diagnostics.some((d) => d.message.includes('LXGW WenKai') && d.message.includes('Word')));
  const table = unzipDocx(bytes).text('word/fontTable.xml');
  assert.match(table, /<w:font w:name="LXGW WenKai"><w:charset w:val="86"\/><w:family w:val="modern"\/><w:pitch w:val="fixed"\/><w:sig [^>]*\/><\/w:font>/);
});

test('characters the role face lacks get a run naming the fallback face, which is embedded', async () => {
  const tinos = loadFace(BUNDLED.tinos);
  const { bytes } = await docxOf(tinySpeech(), { preset: OFFICIAL, fonts: bundledFontSet({ titleBlock: tinos }), date: DATE, fontMode: 'embed' });
  const zip = unzipDocx(bytes);
  assert.match(zip.text('word/document.xml'), /<w:rFonts w:eastAsia="Noto Serif SC" w:hint="eastAsia"\/><\/w:rPr><w:t xml:space="preserve">县委书记　张三/);
});

test('the body subset holds every character the body text uses', async () => {
  const zip = unzipDocx((await official).bytes);
  const table = zip.text('word/fontTable.xml');
  const rels = zip.text('word/_rels/fontTable.xml.rels');
  const m = /<w:font w:name="Noto Serif SC">.*?<w:embedRegular r:id="([^"]+)" w:fontKey="([^"]+)"/.exec(table)!;
  const target = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
  const font = fontkit.create(Buffer.from(obfuscate(zip.bytes(`word/${target}`), m[2]!))) as fontkit.Font;
  const body = '同志们：今年全县实施重点项目个，“稳中求进”——这是总基调。共有民生工程项务必按期完成道路亿元投资压实责任（）细化分工';
  const missing = [...body].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
  assert.deepEqual(missing, []);
});
