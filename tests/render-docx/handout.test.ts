/**
 * The Word copy takes the handout's title block: the same lines (balanced title breaks as line
 * breaks in one Title paragraph), the same blank grid lines, the title's tracking; and tables with
 * the PDF's column widths.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from '../../src/pipeline/render.ts';
import { renderDocx } from '../../src/render/docx/render-docx.ts';
import { styleSpeech } from '../../src/style/style-speech.ts';
import { createMeasurer } from '../../src/fonts/index.ts';
import { layoutStyled } from '../../src/layout/index.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import { bundledFontSet, unzipDocx, styleXml, docxOf } from './helpers.ts';
import { hasCommand } from './pdf-probe.ts';
import { parityLines } from './parity.ts';
import { tinySpeech } from './speeches.ts';

const DATE = new Date(Date.UTC(2024, 0, 5));
const LONG_TITLE = '关于进一步加强新时代全县机关党的建设推动经济社会高质量发展的实施意见';

/** The texts of the paragraphs of a style, each split at its line breaks. */
function paragraphLines(documentXml: string, styleId: string): string[][] {
  return [...documentXml.matchAll(/<w:p>(.*?)<\/w:p>/g)]
    .filter((p) => p[1]!.includes(`<w:pStyle w:val="${styleId}"/>`))
    .map((p) => p[1]!.split('<w:br/>').map((part) => [...part.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
}

test('a long title breaks where the PDF breaks it: line breaks inside one Title paragraph', { skip: !hasCommand('pdftotext') && 'poppler missing' }, async () => {
  const speech = tinySpeech();
  speech.meta.title = LONG_TITLE;
  const fonts = bundledFontSet();
  const pdf = await renderPdf(speech, { preset: 'official', fonts, date: DATE });
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-handout-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf.bytes);
    const pdfLines = parityLines(join(dir, 'a.pdf'));
    const { bytes } = await docxOf(speech, { preset: OFFICIAL, fonts, date: DATE });
    const doc = unzipDocx(bytes).text('word/document.xml');
    const titles = paragraphLines(doc, 'Title');
    assert.equal(titles.length, 1, 'one Title paragraph');
    assert.ok(titles[0]!.length >= 2, `the title takes ${titles[0]!.length} lines`);
    assert.deepEqual(titles[0], pdfLines.slice(0, titles[0]!.length).map((l) => l.text));
    assert.equal(titles[0]!.join(''), LONG_TITLE);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the title keeps the PDF tracking: its cell is the body cell scaled to 22 pt', async () => {
  const { bytes } = await docxOf(tinySpeech(), { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE });
  // 8845 tw / 28 × 22/16 = 434.3 tw a character = 22 pt − 0.3 pt.
  assert.match(styleXml(unzipDocx(bytes).text('word/styles.xml'), 'Title'), /<w:spacing w:val="-6"\/><w:sz w:val="44"\/>/);
});

test('title block without speaker and date: one blank line under the title, none doubled', async () => {
  const speech = tinySpeech();
  delete speech.meta.speaker;
  delete speech.meta.date;
  delete speech.meta.subtitle;
  const { bytes } = await docxOf(speech, { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE });
  const styles = [...unzipDocx(bytes).text('word/document.xml').matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]);
  assert.deepEqual(styles.slice(0, 3), ['Title', 'Normal', 'Salutation']);
});

/** A table like a work report's: a long text column and short number columns (fitting the block, so the PDF sizes them from content). */
function tableSpeech() {
  const speech = tinySpeech();
  const cell = (value: string) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }] });
  const rows = [
    ['项目名称', '投资', '进度'],
    ['城乡供水一体化和饮水安全工程', '3.5', '60%'],
    ['县城老旧小区改造配套设施建设', '12', '35%'],
    ['高标准农田建设', '1.2', '80%'],
  ];
  speech.children = [{ type: 'table', header: true, children: rows.map((r) => ({ type: 'tableRow' as const, children: r.map(cell) })) }];
  return speech;
}

test('table columns are sized from their content as in the PDF, numbers right-aligned, header bold and repeated', async () => {
  const { bytes } = await docxOf(tableSpeech(), { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE });
  const zip = unzipDocx(bytes);
  const doc = zip.text('word/document.xml');
  const grid = [...doc.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => +m[1]!);
  assert.equal(grid.length, 3);
  assert.equal(grid.reduce((a, b) => a + b, 0), 8867, 'the table fills the text block');
  assert.ok(grid[0]! > 2 * grid[1]! && grid[0]! > 2 * grid[2]!, `the text column is the wide one: ${grid}`);
  assert.match(doc, /<w:tblLayout w:type="fixed"\/>/);
  assert.match(doc, /<w:tblHeader\/>.*?<w:pStyle w:val="TableHeader"\/>.*?项目名称/s);
  const numberCells = [...doc.matchAll(/<w:pStyle w:val="TableNumber"\/><\/w:pPr><w:r><w:t xml:space="preserve">([^<]+)</g)].map((m) => m[1]);
  assert.deepEqual(numberCells, ['3.5', '60%', '12', '35%', '1.2', '80%']);
  const styles = zip.text('word/styles.xml');
  assert.match(styleXml(styles, 'TableHeader'), /<w:b\/>/);
  assert.match(styleXml(styles, 'TableNumber'), /<w:jc w:val="right"\/>/);
});

test('LibreOffice sets each short row of the table on one line, as the PDF does', { skip: !hasCommand('soffice') && 'LibreOffice missing' }, async () => {
  const fonts = bundledFontSet();
  const speech = tableSpeech();
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-table-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), (await renderPdf(speech, { preset: 'official', fonts, date: DATE })).bytes);
    writeFileSync(join(dir, 'b.docx'), (await docxOf(speech, { preset: OFFICIAL, fonts, date: DATE })).bytes);
    spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'b.docx')], { timeout: 120_000 });
    const rowsOf = (pdf: string) => parityLines(join(dir, pdf)).filter((l) => /项目名称|工程|建设|%/.test(l.text)).map((l) => l.text);
    const pdfRows = rowsOf('a.pdf');
    assert.deepEqual(rowsOf('b.pdf'), pdfRows);
    assert.equal(pdfRows.length, 4, `one line a row: ${pdfRows}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with the handout\'s frame at hand the copy reads its title breaks from it, and the copy is the same bytes as one laid out on its own', async () => {
  const speech = tinySpeech();
  speech.meta.title = LONG_TITLE;
  const fonts = bundledFontSet();
  const styled = styleSpeech(speech, OFFICIAL, createMeasurer(fonts)).value;
  const frame = layoutStyled(styled, createMeasurer(fonts));
  const alone = await renderDocx(styled, { fonts, date: DATE });
  const fromFrame = await renderDocx(styled, { fonts, date: DATE, handout: frame });
  assert.ok(Buffer.from(alone.bytes).equals(Buffer.from(fromFrame.bytes)), 'the same copy either way');
  // The frame is what is read: a frame whose title block is one line gives a title without breaks.
  const titleIndex = styled.blocks.findIndex((b) => b.type === 'text' && b.role === 'title');
  const oneLine = structuredClone(frame);
  for (const page of oneLine.pages) {
    for (const b of page.blocks) {
      if (b.block === titleIndex && b.type === 'text') b.lines = [{ ...b.lines[0]!, runs: [{ ...b.lines[0]!.runs[0]!, text: LONG_TITLE }] }];
    }
  }
  const doc = (bytes: Uint8Array) => unzipDocx(bytes).text('word/document.xml');
  assert.equal(paragraphLines(doc(alone.bytes), 'Title')[0]!.length > 1, true, 'the laid-out title has more than one line');
  assert.deepEqual(paragraphLines(doc((await renderDocx(styled, { fonts, date: DATE, handout: oneLine })).bytes), 'Title'), [[LONG_TITLE]]);
});
