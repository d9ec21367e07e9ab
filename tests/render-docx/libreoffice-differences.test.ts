/**
 * What LibreOffice (the client here, 7.4) does with the Word copy's East Asian switches, measured
 * on its PDF. The DOCX writes what ECMA-376 and Word mean; where LibreOffice reads it otherwise the
 * test says so, and fails when a LibreOffice release changes it (then README and parity.ts change):
 * - quotes and dashes beside digits: LibreOffice ignores w:hint="eastAsia" and would draw them with
 *   the ascii face (Times' narrow quote); the copy names the CJK face in every slot of those runs,
 *   so they keep a full cell as in the PDF;
 * - w:autoSpaceDE/DN="0" is ignored: LibreOffice still puts about 3.2 pt between Han and digits;
 * - w:overflowPunct="0" (Word: never hang) is read inverted: LibreOffice hangs a line-end mark
 *   past the margin;
 * - LibreOffice 7.4 leaves out a mark it hangs after a full line whose runs change face (a 要点句)
 *   or that holds a ——, unless the line has the right few twips of spare (geometry.ts,
 *   LINE_SPARE_TW): the copy's block is sized so it draws them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Speech } from '../../src/model/types.ts';
import { docxGeometry } from '../../src/render/docx/geometry.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import { bundledFontSet, docxOf, styleXml, unzipDocx } from './helpers.ts';
import { hasCommand } from './pdf-probe.ts';

const ready = hasCommand('soffice') && hasCommand('pdftotext');

/** One salutation-style (flush-left, no indent) paragraph per text. */
function speech(texts: string[]): Speech {
  return {
    type: 'speech',
    meta: { title: '测试', credits: [], lang: 'zh-CN' },
    children: texts.map((value) => ({ type: 'salutation' as const, children: [{ type: 'text' as const, value }] })),
  };
}

/** Word boxes of LibreOffice's PDF of the DOCX, page 1, in reading order. */
async function libreOfficeWords(texts: string[]): Promise<{ docx: Uint8Array; words: { x0: number; x1: number; y: number; text: string }[] }> {
  const { bytes } = await docxOf(speech(texts), { preset: OFFICIAL, fonts: bundledFontSet(), date: new Date(0), fontMode: 'embed' });
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-lodiff-'));
  try {
    writeFileSync(join(dir, 'a.docx'), bytes);
    spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'a.docx')], { timeout: 120_000 });
    assert.ok(existsSync(join(dir, 'a.pdf')));
    const xml = spawnSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).stdout;
    const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)<\/word>/g)].map((m) => ({
      x0: +m[1]!,
      y: +m[2]!,
      x1: +m[3]!,
      text: m[4]!,
    }));
    return { docx: bytes, words };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('LibreOffice and the East Asian switches: shared marks beside digits, Han–digit spacing, hanging marks', { skip: !ready && 'soffice/poppler missing' }, async () => {
  const full = '甲'.repeat(OFFICIAL.charsPerLine);
  const { docx, words } = await libreOfficeWords(['2024”2025', '甲甲2甲甲', `${full}。乙`]);
  const zip = unzipDocx(docx);

  // A closing quote between digits: the run names the CJK face in every slot…
  assert.match(zip.text('word/document.xml'), /<w:rFonts w:ascii="Noto Serif SC" w:eastAsia="Noto Serif SC" w:hAnsi="Noto Serif SC" w:hint="eastAsia"\/><\/w:rPr><w:t xml:space="preserve">”/);
  // …so LibreOffice gives it a full cell, as the PDF does (Tinos' quote is ~7 pt wide).
  const quoteLine = words.filter((w) => /2024|”|2025/.test(w.text));
  const quoteWidth = Math.max(...quoteLine.map((w) => w.x1)) - Math.min(...quoteLine.map((w) => w.x0));
  const digits = 8 * 16 * 0.5; // eight Tinos digits at 16 pt
  assert.ok(quoteWidth - digits > 14, `the quote takes ${(quoteWidth - digits).toFixed(1)} pt`);

  // autoSpaceDN="0" is written, yet LibreOffice spaces the digit from the Han characters around it.
  assert.match(styleXml(zip.text('word/styles.xml').replace('<w:docDefaults>', '<w:style w:styleId="defaults">').replace('</w:docDefaults>', '</w:style>'), 'defaults'), /<w:autoSpaceDN w:val="0"\/>/);
  const han = words.find((w) => w.text === '甲甲' && w.y < (quoteLine[0]?.y ?? 0) + 60 && w.y > (quoteLine[0]?.y ?? 0) + 5)!;
  const digit = words.find((w) => w.text === '2' && w.y === han.y)!;
  const g = docxGeometry(OFFICIAL);
  const advance = 16 + g.tracking / 20;
  assert.ok(digit.x0 - han.x1 > 2, `LibreOffice adds ${(digit.x0 - han.x1 - (advance - 16)).toFixed(1)} pt between 甲 and 2`);

  // overflowPunct="0" is written, yet LibreOffice hangs the full stop after 28 characters past the margin.
  assert.match(zip.text('word/styles.xml'), /<w:overflowPunct w:val="0"\/>/);
  const right = (g.pageWidth - g.marginRight) / 20;
  const line = words.find((w) => w.text.startsWith('甲甲甲甲甲甲') && w.text.length >= OFFICIAL.charsPerLine)!;
  assert.ok(line.text.endsWith('。'), `the full stop stays on the line: ${line.text}`);
  assert.ok(line.x1 > right + 4, `and hangs past the right edge (${line.x1.toFixed(1)} > ${right.toFixed(1)})`);
});

test('LibreOffice draws the marks it hangs after a full line with a 要点句 or a ——', { skip: !ready && 'soffice/poppler missing' }, async () => {
  // Each paragraph's first line (two characters indented) holds 26 characters of filler; its second
  // line 28 characters, then the mark LibreOffice hangs: after a 要点句 run in another face, after
  // a ——, and after plain text. Lines of the corpus where LibreOffice 7.4 left the mark out.
  const fill = '甲'.repeat(26);
  const texts: [string, string, string][] = [
    [fill, '汉奸以活动的口实与机会；', '最后，也由于对抗日军人家属的困难，没有切实执行。'],
    [fill + '才能实现自己的历史使命', '', '——解放自己，同时解放全体劳动人民。人民群众的觉悟性愈是发展，事业就愈是发展。'],
    [fill, '', '乙'.repeat(28) + '，丙。'],
  ];
  const speech: Speech = {
    type: 'speech',
    meta: { title: '测试', credits: [], lang: 'zh-CN' },
    children: texts.map(([before, lead, rest]) => ({
      type: 'paragraph' as const,
      children: [
        { type: 'text' as const, value: before },
        ...(lead ? [{ type: 'lead' as const, kind: 'point' as const, marker: '', children: [{ type: 'text' as const, value: lead }] }] : []),
        { type: 'text' as const, value: rest },
      ],
    })),
  };
  const { bytes } = await docxOf(speech, { preset: OFFICIAL, fonts: bundledFontSet(), date: new Date(0), fontMode: 'embed' });
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-lohang-'));
  try {
    writeFileSync(join(dir, 'a.docx'), bytes);
    spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'a.docx')], { timeout: 120_000 });
    assert.ok(existsSync(join(dir, 'a.pdf')));
    const layout = spawnSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).stdout;
    const lines = layout.split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean);
    for (const t of texts) {
      const second = t.join('').slice(26, 26 + 29);
      // The second line: 28 characters and the hung mark, drawn.
      assert.ok(lines.includes(second), `LibreOffice's line ${second} (its lines: ${lines.join(' / ')})`);
    }
    assert.equal(layout.replace(/\s+/g, '').replace(/—\d+—$/, ''), '测试' + texts.map((t) => t.join('')).join(''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
