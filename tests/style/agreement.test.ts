/**
 * The PDF and the Word copy print the same text in the same roles: for every sample in input/
 * and a fixture with every kind of text, under both presets and every preset option (leadStyle
 * role/bold/none, printOriginalTitle, printCredits). The PDF side is pdftotext of the written file
 * and the frame it was drawn from; the Word side is document.xml — paragraph styles, character
 * styles, w:b and named fallback faces, read the way Word applies them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseSpeechFile } from '../../src/parse/index.ts';
import { loadFontSet, createMeasurer } from '../../src/fonts/index.ts';
import { layoutStyled } from '../../src/layout/index.ts';
import { renderStyledDocx, renderStyledPdf, styleFor } from '../../src/pipeline/render.ts';
import { OFFICIAL, READING, type Preset } from '../../src/style/preset.ts';
import type { FontRole } from '../../src/fonts/roles.ts';
import type { PagedDocument } from '../../src/layout/types.ts';
import type { StyledBlock, StyledRun, StyledSpeech } from '../../src/style/types.ts';
import { pdfText, tempPdf } from '../render-pdf/pdf-tools.ts';
import { unzipDocx } from '../render-docx/helpers.ts';
import { isNumberCell } from '../../src/render/docx/table.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const INPUT = join(ROOT, 'input');
const FIXTURE = join(import.meta.dirname, 'fixtures', 'every-look.md');
const DATE = new Date(1_700_000_000_000);
const { fontSet } = await loadFontSet({ useSystemFonts: false, fontsDir: join(import.meta.dirname, 'fixtures', 'no-fonts') });

/** Preset variants: both presets, each option value at least once. */
const VARIANTS: [string, Preset][] = [
  ['official', OFFICIAL],
  ['reading', READING],
  ['official, leadStyle bold', { ...OFFICIAL, leadStyle: 'bold' }],
  ['official, leadStyle none', { ...OFFICIAL, leadStyle: 'none' }],
  ['official, 原标题 and credits printed', { ...OFFICIAL, printOriginalTitle: true, printCredits: true }],
  ['reading, leadStyle bold, 原标题 and credits printed', { ...READING, leadStyle: 'bold', printOriginalTitle: true, printCredits: true }],
];

/** Characters layout does not draw (controls, zero-width marks), and white space pdftotext moves. */
const NOT_COMPARED = /[\s\u200b-\u200f\u2060\ufeff\p{Cc}]/gu;

/** One printed character with its look. */
interface Look {
  ch: string;
  role: FontRole;
  bold: boolean;
  fallback: boolean;
}

/** The Word paragraph style each printed role is to appear in (furniture borrows the nearest style). */
const WORD_STYLE: Record<string, string> = {
  issuer: 'Title', title: 'Title', subtitle: 'Subtitle', note: 'Subtitle', originalTitle: 'Subtitle', docNumber: 'Normal',
  speaker: 'Speaker', date: 'Date', addressee: 'Salutation', salutation: 'Salutation', paragraph: 'Normal', attachment: 'Normal',
  signature: 'Signature', signedDate: 'SignedDate', credit: 'Credit', tableCell: 'TableText', tableHeader: 'TableHeader', tableNumber: 'TableNumber',
};

/** The printed paragraphs (table cells each one) of the styled speech: role and looks per character. */
function styledParagraphs(s: StyledSpeech): { style: string; looks: Look[] }[] {
  const looks = (runs: StyledRun[]) => runs.flatMap((r) => [...r.text].map((ch) => ({ ch, role: r.fontRole, bold: r.bold, fallback: r.fallback ?? false })));
  return s.blocks.flatMap((b: StyledBlock) =>
    b.type === 'table'
      ? b.rows.flatMap((r) =>
          r.cells.map((c) => ({ style: WORD_STYLE[r.header ? 'tableHeader' : isNumberCell(c.runs) ? 'tableNumber' : 'tableCell']!, looks: looks(c.runs) })),
        )
      : [{ style: b.role === 'heading' ? `Heading${b.depth}` : WORD_STYLE[b.role]!, looks: looks(b.runs) }],
  );
}

const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * The paragraphs of document.xml with the role and look Word gives each character: the paragraph
 * style's font role and weight, overridden by a character style (Lead sentence, Run-in heading N)
 * and direct w:b; a run naming its own East Asian font is a fallback.
 */
function wordParagraphs(xml: string, preset: Preset): { style: string; looks: Look[] }[] {
  const out: { style: string; looks: Look[] }[] = [];
  // A run-in heading is a Heading N paragraph with a hidden mark (Word's style separator): its
  // text runs on into the next paragraph, one printed paragraph with the next one's style.
  let runIn: Look[] = [];
  for (const p of xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)) {
    const body = p[1] ?? p[2] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? 'Normal';
    const depth = /^Heading([1-4])$/.exec(style)?.[1];
    const d = depth ? (Number(depth) as 1 | 2 | 3 | 4) : undefined;
    assert.ok(d || Object.values(WORD_STYLE).includes(style), `unexpected paragraph style ${style}`);
    const base: { role: FontRole; bold: boolean } = style === 'Title' ? { role: 'title', bold: false }
      : ['Subtitle', 'Speaker', 'Date'].includes(style) ? { role: 'titleBlock', bold: false }
      : d ? { role: preset.headingRoles[d], bold: preset.headingBold[d] } : { role: 'body', bold: style === 'TableHeader' };
    const looks: Look[] = [];
    for (const r of body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
      const run = r[1]!;
      const rStyle = /<w:rStyle w:val="([^"]+)"/.exec(run)?.[1];
      let look = { ...base };
      if (rStyle === 'LeadSentence') {
        if (preset.leadStyle === 'role') look.role = 'lead';
        if (preset.leadStyle === 'bold') look.bold = true;
      }
      const inHeading = rStyle ? /^RunInHeading([2-4])$/.exec(rStyle)?.[1] : undefined;
      if (inHeading) {
        const k = Number(inHeading) as 2 | 3 | 4;
        look = { role: preset.headingRoles[k], bold: look.bold || preset.headingBold[k] };
      }
      if (/<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(run)) look.bold = true;
      // A run naming its East Asian face alone is a fallback; one naming the face in every slot is a
      // shared mark beside digits drawn by the role's face (render/docx/punctuation.ts).
      const fallback = /<w:rFonts [^>]*w:eastAsia=/.test(run) && !/<w:rFonts [^>]*w:ascii=/.test(run);
      const text = [...run.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1]!)).join('');
      for (const ch of text) looks.push({ ch, ...look, fallback });
    }
    if (/<w:pPr>(?:(?!<\/w:pPr>).)*<w:specVanish\/>/s.test(body)) {
      runIn = looks;
      continue;
    }
    // The blank paragraph under the title block carries no text.
    if (looks.length === 0 && style === 'Normal') continue;
    out.push({ style, looks: [...runIn, ...looks] });
    runIn = [];
  }
  return out;
}

/** Per page: the frame's text (body blocks, then the page number). */
function frameText(doc: PagedDocument): string[] {
  return doc.pages.map((page) => {
    const lines = page.blocks.flatMap((b) => (b.type === 'text' ? b.lines : b.rows.flatMap((r) => r.cells.flatMap((c) => c.lines))));
    return [...lines, ...page.footer].map((l) => l.runs.map((r) => r.text).join('')).join('');
  });
}

/** The frame's characters per styled block, with the face and weight they are drawn in. */
function frameLooks(doc: PagedDocument): Map<number, { ch: string; faceKey: string; bold: boolean }[]> {
  const byBlock = new Map<number, { ch: string; faceKey: string; bold: boolean }[]>();
  for (const page of doc.pages) {
    for (const b of page.blocks) {
      const lines = b.type === 'text' ? b.lines : b.rows.filter((r) => !r.repeated).flatMap((r) => r.cells.flatMap((c) => c.lines));
      const list = byBlock.get(b.block) ?? [];
      for (const l of lines) for (const r of l.runs) for (const ch of r.text) list.push({ ch, faceKey: r.faceKey, bold: r.fauxBold ?? false });
      byBlock.set(b.block, list);
    }
  }
  return byBlock;
}

const strip = (s: string) => s.replace(NOT_COMPARED, '');

const inputs = [...readdirSync(INPUT).sort().map((f) => join(INPUT, f)), FIXTURE, join(import.meta.dirname, 'fixtures', 'official-notice.txt')];

for (const file of inputs) {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const parsed = await parseSpeechFile(new Uint8Array(readFileSync(file)), { file: name });
  for (const [label, preset] of VARIANTS) {
    test(`${name}, ${label}: PDF and Word print the same text in the same roles`, async () => {
      const styled = styleFor(parsed.value!, preset, fontSet).value;
      const frame = layoutStyled(styled, createMeasurer(fontSet));
      const pdf = await renderStyledPdf(styled, fontSet, { date: DATE });
      const docx = await renderStyledDocx(styled, fontSet, { date: DATE });

      // The PDF extracts what the frame holds, page by page.
      const pages = pdfText(tempPdf(pdf.bytes)).split('\f').slice(0, frame.pages.length).map(strip);
      assert.deepEqual(pages, frameText(frame).map(strip));

      // The frame draws each styled block's characters in the face and weight the style stage chose.
      const drawn = frameLooks(frame);
      styled.blocks.forEach((b, i) => {
        const runs = b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.runs)) : b.runs;
        const want = runs.flatMap((r) => [...r.text].map((ch) => ({ ch, faceKey: r.faceKey, bold: r.fauxBold }))).filter((c) => strip(c.ch) !== '');
        const got = (drawn.get(i) ?? []).filter((c) => strip(c.ch) !== '');
        assert.deepEqual(got, want, `block ${i} (${b.role})`);
      });

      // Word shows the same paragraphs, in the same roles, with the same look per character.
      const word = wordParagraphs(unzipDocx(docx.bytes).text('word/document.xml'), preset);
      const styledParas = styledParagraphs(styled);
      assert.deepEqual(word.map((p) => p.style), styledParas.map((p) => p.style), 'paragraph roles');
      word.forEach((p, i) => {
        const want = styledParas[i]!.looks.filter((l) => strip(l.ch) !== '');
        assert.deepEqual(p.looks.filter((l) => strip(l.ch) !== ''), want, `paragraph ${i} (${p.style}): ${want.map((l) => l.ch).join('').slice(0, 30)}`);
      });
    });
  }
}

test('the fixture exercises every kind of printed text', async () => {
  const parsed = await parseSpeechFile(new Uint8Array(readFileSync(FIXTURE)), { file: 'every-look.md' });
  const styled = styleFor(parsed.value!, { ...OFFICIAL, printOriginalTitle: true, printCredits: true }, fontSet).value;
  const roles = new Set(styled.blocks.map((b) => b.role));
  for (const r of ['title', 'subtitle', 'originalTitle', 'speaker', 'date', 'salutation', 'heading', 'paragraph', 'table', 'credit']) assert.ok(roles.has(r as never), r);
  const runs = styled.blocks.flatMap((b) => (b.type === 'text' ? b.runs : []));
  for (const role of ['marker', 'lead', 'runInHeading'] as const) assert.ok(runs.some((r) => r.role === role), role);
  assert.ok(runs.some((r) => r.emphasis) && runs.some((r) => r.placeholder) && runs.some((r) => r.faceRole === 'latin'));
});
