/**
 * Two speeches open in one LibreOffice session: each must be drawn with its own embedded subset.
 * LibreOffice keeps one embedded font per family name for the whole session, so before subsets got
 * names of their own the second document borrowed the first one's glyphs and showed blanks.
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
import { hasCommand, pdfFonts } from './pdf-probe.ts';

const speech = (title: string, body: string): Speech => ({
  type: 'speech',
  meta: { title, credits: [], lang: 'zh-CN' },
  children: [{ type: 'paragraph', children: [{ type: 'text', value: body }] }],
});

test('two documents converted in one LibreOffice session each use their own subsets', { skip: !hasCommand('soffice') && 'LibreOffice is not installed' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-two-'));
  try {
    const fonts = bundledFontSet();
    const date = new Date(1_700_000_000_000);
    const a = await docxOf(speech('在甲会议上的讲话', '春夏秋冬，东南西北。'), { preset: OFFICIAL, fonts, date });
    const b = await docxOf(speech('在乙会议上的讲话', '金木水火土，天地玄黄。'), { preset: OFFICIAL, fonts, date });
    writeFileSync(join(dir, 'a.docx'), a.bytes);
    writeFileSync(join(dir, 'b.docx'), b.bytes);
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'a.docx'), join(dir, 'b.docx')], { timeout: 180_000 });
    assert.equal(r.status, 0, String(r.stderr));
    const bodyName = (bytes: Uint8Array) => /<w:font w:name="(Noto Serif SC [0-9A-F]{6})">/.exec(unzipDocx(bytes).text('word/fontTable.xml'))![1]!;
    const [nameA, nameB] = [bodyName(a.bytes), bodyName(b.bytes)];
    assert.notEqual(nameA, nameB, 'different text, different subset names');
    const ps = (name: string) => name.replace(/ /g, '');
    const fontsA = pdfFonts(join(dir, 'a.pdf')).map((f) => f.name);
    const fontsB = pdfFonts(join(dir, 'b.pdf')).map((f) => f.name);
    assert.ok(fontsA.includes(ps(nameA)), `${fontsA}`);
    assert.ok(fontsB.includes(ps(nameB)), `b.pdf draws its body with its own subset: ${fontsB}`);
    assert.ok(!fontsB.includes(ps(nameA)), 'b.pdf borrows nothing from a.docx');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
