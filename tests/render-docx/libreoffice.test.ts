/**
 * Real client: LibreOffice converts the DOCX of the user's sample to PDF, and poppler reads it
 * back. Text, 28 characters a full line, 22 lines a full page, embedded fonts used, page numbers on
 * the outside edge, headings as bookmarks. Skipped when soffice or poppler is missing.
 */
import { faceFamily } from '../../src/render/docx/font-names.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FontSet } from '../../src/fonts/types.ts';
import type { Speech } from '../../src/model/types.ts';
import { blockText } from '../../src/model/to-plain-text.ts';
import { docxGeometry } from '../../src/render/docx/geometry.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import { bundledFontSet, ROOT, docxOf } from './helpers.ts';
import { SAMPLE, sampleSpeech } from './speeches.ts';
import { hasCommand, pdfFonts, pdfLines, pdfOutline, pdfText, type PdfLine } from './pdf-probe.ts';

const ready = hasCommand('soffice') && hasCommand('pdftotext') && hasCommand('pdffonts') && hasCommand('qpdf');

/** The sample through the real parser when it is there, else the hand-built model. */
async function sample(): Promise<Speech> {
  if (!existsSync(join(ROOT, 'src/parse/text/index.ts'))) return sampleSpeech();
  const { parseText } = await import('../../src/parse/text/index.ts');
  return parseText(readFileSync(SAMPLE, 'utf8'), { file: 'seed-speech.txt' }).value!;
}

/** The real font set when the fonts module is there (bundled faces only), else the test adapter. */
async function fonts(): Promise<FontSet> {
  if (!existsSync(join(ROOT, 'src/fonts/index.ts'))) return bundledFontSet();
  const mod = (await import('../../src/fonts/index.ts' as string)) as {
    loadFontSet: (o: { useSystemFonts: boolean }) => Promise<{ fontSet: FontSet }>;
  };
  return (await mod.loadFontSet({ useSystemFonts: false })).fontSet;
}

function convert(docx: Uint8Array): { pdf: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-lo-'));
  writeFileSync(join(dir, 'speech.docx'), docx);
  const filter = 'pdf:writer_pdf_Export:{"ExportBookmarks":{"type":"boolean","value":"true"}}';
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', dir, join(dir, 'speech.docx')],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const pdf = join(dir, 'speech.pdf');
  assert.ok(existsSync(pdf), `soffice produced no PDF: ${r.stderr}`);
  return { pdf, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const squash = (s: string): string => s.replace(/\s+/g, '');

test('LibreOffice lays the sample out on the 22 × 28 grid with the embedded fonts', { skip: !ready && 'soffice/poppler/qpdf missing' }, async () => {
  const speech = await sample();
  const fontSet = await fonts();
  const { bytes } = await docxOf(speech, { preset: OFFICIAL, fonts: fontSet, date: new Date(0), fontMode: 'embed' });
  const { pdf, cleanup } = convert(bytes);
  try {
    const g = docxGeometry(OFFICIAL);
    const left = g.marginLeft / 20;
    const right = (g.pageWidth - g.marginRight) / 20;
    const top = g.marginTop / 20;
    const pitch = g.linePitch / 20;
    const bottom = top + OFFICIAL.linesPerPage * pitch;
    const lines = pdfLines(pdf);
    const footers = lines.filter((l) => l.y0 > bottom);
    const body = lines.filter((l) => l.y0 <= bottom);

    // The text comes back exactly (page numbers removed).
    const expected = [speech.meta.title, ...speech.children.map(blockText)].join('');
    const text = pdfText(pdf).replace(/—\s*\d+\s*—/g, '');
    assert.equal(squash(text), squash(expected));

    // Full lines: start at the block's left edge, reach its right edge, all Han/full-width text.
    const full = body.filter((l) => l.x0 < left + 2 && l.x1 > right - 8 && !/[\x20-\x7e]/.test(l.text));
    assert.ok(full.length > 50, `${full.length} full lines`);
    for (const l of full) {
      // A mark LibreOffice hangs past the right edge is not in the line's 28 cells.
      const cells = l.x1 > right + 4 ? l.text.length - 1 : l.text.length;
      assert.equal(cells, OFFICIAL.charsPerLine, `p${l.page} ${l.text}`);
    }

    // Lines sit on the 28.95 pt grid; a full page holds 22 of them.
    const pages = Math.max(...lines.map((l) => l.page));
    assert.ok(pages >= 3);
    const perPage = Array.from({ length: pages }, (_, i) => body.filter((l) => l.page === i + 1));
    const first = perPage[1]![0]!.y0;
    for (const l of body.filter((b) => b.page > 1)) {
      const k = (l.y0 - first) / pitch;
      assert.ok(Math.abs(k - Math.round(k)) < 0.05, `p${l.page} line off grid at ${l.y0}`);
    }
    assert.equal(Math.max(...perPage.map((p) => p.length)), OFFICIAL.linesPerPage);

    // Page numbers: "— N —" on every page, odd pages right, even pages left, one 14 pt character in.
    assert.equal(footers.length, pages);
    for (const f of footers as PdfLine[]) {
      assert.match(f.text, new RegExp(`^—\\s*${f.page}\\s*—$`));
      if (f.page % 2) assert.ok(Math.abs(f.x1 - (right - 14)) < 1.5, `odd page number right edge ${f.x1}`);
      else assert.ok(Math.abs(f.x0 - (left + 14)) < 1.5, `even page number left edge ${f.x0}`);
    }

    // The embedded faces are the ones used: no substitute fonts.
    const used = pdfFonts(pdf);
    assert.ok(used.every((f) => f.embedded));
    // Embedded faces keep their PostScript name (NotoSerifSC-Regular) or, renamed subsets, family + tag (NotoSerifSC41D024).
    const ours = new Set(fontSet.faces().map((f) => faceFamily(f).replace(/[^A-Za-z0-9]/g, '')));
    for (const f of used) {
      assert.doesNotMatch(f.name, /DejaVu|Liberation|OpenSymbol/);
      assert.ok(ours.has(f.name.replace(/-.*$/, '').replace(/[0-9A-F]{6}$/, '')) || fontSet.faces().some((x) => x.info.postscriptName === f.name), `${f.name} is one of ours`);
    }

    // Headings (outline levels) become bookmarks.
    const headings = speech.children.filter((b) => b.type === 'heading').map(blockText);
    assert.deepEqual(pdfOutline(pdf), headings);
  } finally {
    cleanup();
  }
});
