/**
 * Two speeches open in one LibreOffice session, in `--docx-fonts embed`: each must be drawn with
 * glyphs it carries. LibreOffice keeps one embedded font per family name for the whole session, so
 * before subsets got names of their own the second document borrowed the first one's glyphs and
 * showed blanks. Now: faces holding the standard set share their real name (same bytes in every
 * document), faces with characters beyond it get a name of their own (embed-fonts.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Speech } from '../../src/model/types.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import { bundledFontSet, unzipDocx, docxOf } from './helpers.ts';
import { hasCommand, pdfFonts, pdfText } from './pdf-probe.ts';

const speech = (title: string, body: string): Speech => ({
  type: 'speech',
  meta: { title, credits: [], lang: 'zh-CN' },
  children: [{ type: 'paragraph', children: [{ type: 'text', value: body }] }],
});

/** Convert the documents in one LibreOffice session; the PDFs' fonts and texts. */
function convertTogether(docs: Record<string, Uint8Array>): Record<string, { fonts: string[]; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-two-'));
  try {
    const files = Object.entries(docs).map(([name, bytes]) => {
      writeFileSync(join(dir, `${name}.docx`), bytes);
      return join(dir, `${name}.docx`);
    });
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...files], { timeout: 180_000 });
    assert.equal(r.status, 0, String(r.stderr));
    return Object.fromEntries(
      Object.keys(docs).map((name) => [name, { fonts: pdfFonts(join(dir, `${name}.pdf`)).map((f) => f.name), text: pdfText(join(dir, `${name}.pdf`)) }]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const bodyName = (bytes: Uint8Array) => /<w:font w:name="(Noto Serif SC(?: [0-9A-F]{6})?)">/.exec(unzipDocx(bytes).text('word/fontTable.xml'))![1]!;
const ps = (name: string) => name.replace(/ /g, '');
/** Faces LibreOffice falls back to when a document's own font lacks a glyph. */
const FALLBACK = /DejaVu|Liberation|OpenSymbol|CJK/;

test('two documents in one LibreOffice session: the standard set under the real name serves both', { skip: !hasCommand('soffice') && 'LibreOffice is not installed' }, async () => {
  const fonts = bundledFontSet();
  const date = new Date(1_700_000_000_000);
  const a = await docxOf(speech('在甲会议上的讲话', '春夏秋冬，东南西北。'), { preset: OFFICIAL, fonts, date, fontMode: 'embed' });
  const b = await docxOf(speech('在乙会议上的讲话', '金木水火土，天地玄黄。'), { preset: OFFICIAL, fonts, date, fontMode: 'embed' });
  assert.equal(bodyName(a.bytes), 'Noto Serif SC');
  assert.equal(bodyName(b.bytes), 'Noto Serif SC');
  const out = convertTogether({ a: a.bytes, b: b.bytes });
  for (const [name, body] of [['a', '春夏秋冬，东南西北。'], ['b', '金木水火土，天地玄黄。']] as const) {
    assert.ok(out[name]!.fonts.includes('NotoSerifSC-Regular'), `${name}.pdf draws its body with Noto Serif SC: ${out[name]!.fonts}`);
    assert.ok(!out[name]!.fonts.some((f) => FALLBACK.test(f)), `${name}.pdf needs no fallback face: ${out[name]!.fonts}`);
    assert.ok(out[name]!.text.replace(/\s+/g, '').includes(body));
  }
});

test('two documents with characters beyond GB2312 each use a subset of their own', { skip: !hasCommand('soffice') && 'LibreOffice is not installed' }, async () => {
  const fonts = bundledFontSet();
  const date = new Date(1_700_000_000_000);
  const a = await docxOf(speech('在甲会议上的讲话', '王堃同志，春夏秋冬。'), { preset: OFFICIAL, fonts, date, fontMode: 'embed' });
  const b = await docxOf(speech('在乙会议上的讲话', '李犇同志，金木水火。'), { preset: OFFICIAL, fonts, date, fontMode: 'embed' });
  const [nameA, nameB] = [bodyName(a.bytes), bodyName(b.bytes)];
  assert.match(nameA, / [0-9A-F]{6}$/);
  assert.notEqual(nameA, nameB, 'different text, different subset names');
  const out = convertTogether({ a: a.bytes, b: b.bytes });
  assert.ok(out.a!.fonts.includes(ps(nameA)), `${out.a!.fonts}`);
  assert.ok(out.b!.fonts.includes(ps(nameB)), `b.pdf draws its body with its own subset: ${out.b!.fonts}`);
  assert.ok(!out.b!.fonts.includes(ps(nameA)), 'b.pdf borrows nothing from a.docx');
});
