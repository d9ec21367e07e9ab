/**
 * The Word copy takes the handout's title block: the same lines (balanced title breaks as line
 * breaks in one Title paragraph), the same blank grid lines, the title's tracking; and tables with
 * the PDF's column widths.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from '../../src/pipeline/render.ts';
import { renderDocx } from '../../src/render/docx/render-docx.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import { bundledFontSet, unzipDocx, styleXml } from './helpers.ts';
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
    const { bytes } = await renderDocx(speech, { preset: OFFICIAL, fonts, date: DATE });
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
  const { bytes } = await renderDocx(tinySpeech(), { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE });
  // 8845 tw / 28 × 22/16 = 434.3 tw a character = 22 pt − 0.3 pt.
  assert.match(styleXml(unzipDocx(bytes).text('word/styles.xml'), 'Title'), /<w:spacing w:val="-6"\/><w:sz w:val="44"\/>/);
});

test('title block without speaker and date: one blank line under the title, none doubled', async () => {
  const speech = tinySpeech();
  delete speech.meta.speaker;
  delete speech.meta.date;
  delete speech.meta.subtitle;
  const { bytes } = await renderDocx(speech, { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE });
  const styles = [...unzipDocx(bytes).text('word/document.xml').matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]);
  assert.deepEqual(styles.slice(0, 3), ['Title', 'Normal', 'Salutation']);
});
