/**
 * Typography tests measure what a reader sees: glyph origins as the PDF draws them (advance plus
 * character spacing per character, from the layout frame and the faces' own advances), text back
 * from pdftotext, and ink from pages rendered by pdftoppm at 600 dpi.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFontSet, createMeasurer } from '../../src/fonts/index.ts';
import type { FontSet } from '../../src/fonts/types.ts';
import { layoutSpeech, pageLines } from '../../src/layout/index.ts';
import type { Measurer, Page, PagedDocument, PlacedLine } from '../../src/layout/types.ts';
import { renderPdf } from '../../src/render/pdf/render-pdf.ts';
import { OFFICIAL, pageGeometry, type Preset } from '../../src/style/preset.ts';
import type { Block, Speech } from '../../src/model/types.ts';

/** Body cell of the official preset, in points (15.79). */
export const CELL = pageGeometry(OFFICIAL).cellPt;

let fonts: Promise<{ fontSet: FontSet; measurer: Measurer }> | undefined;

/** The bundled faces (no system fonts, so results do not depend on the machine). */
export function bundled(): Promise<{ fontSet: FontSet; measurer: Measurer }> {
  return (fonts ??= loadFontSet({ useSystemFonts: false }).then(({ fontSet }) => ({ fontSet, measurer: createMeasurer(fontSet) })));
}

/** A speech from a title and body blocks (strings become paragraphs). */
export function speechOf(body: (string | Block)[], meta: Partial<Speech['meta']> = {}): Speech {
  return {
    type: 'speech',
    meta: { title: '', credits: [], lang: 'zh-CN', ...meta },
    children: body.map((b) => (typeof b === 'string' ? { type: 'paragraph', children: [{ type: 'text', value: b }] } : b)),
  };
}

/** Lay a speech out with the bundled faces. */
export async function lay(s: Speech, preset: Preset = OFFICIAL): Promise<PagedDocument> {
  return layoutSpeech(s, preset, (await bundled()).measurer).value;
}

/** Text of a line. */
export const text = (l: PlacedLine) => l.runs.map((r) => r.text).join('');

/** One drawn glyph: its character, origin, advance and size, as pdfkit places it. */
export interface DrawnGlyph {
  ch: string;
  x: number;
  adv: number;
  size: number;
  faceKey: string;
}

/** The glyphs of a line with their origins (x + advance + Tc per character, as the PDF draws them). */
export function drawn(line: PlacedLine, m: Measurer): DrawnGlyph[] {
  const out: DrawnGlyph[] = [];
  for (const r of line.runs) {
    let x = r.xPt;
    for (const ch of r.text) {
      const adv = m.advance(r.faceKey, ch) * r.sizePt;
      out.push({ ch, x, adv, size: r.sizePt, faceKey: r.faceKey });
      x += adv + r.characterSpacingPt;
    }
  }
  return out;
}

/** A line with what its block is: `kind` (the block's role, `body` for paragraphs) and the block's index. */
export interface Line extends PlacedLine {
  kind: string;
  blockIndex: number;
}

/** The lines of a page, in reading order, with their block's role and index. */
export function pageLinesOf(page: Page): Line[] {
  return pageLines(page).map(({ line, block }) => ({ ...line, kind: block.role === 'paragraph' ? 'body' : block.role, blockIndex: block.block }));
}

/** Every body-area line of a document. */
export const lines = (doc: PagedDocument): Line[] => doc.pages.flatMap(pageLinesOf);

const dir = mkdtempSync(join(tmpdir(), 'speechdoc-typography-'));
let serial = 0;

/** Render a laid-out document to a PDF file; returns its path. */
export async function pdfFile(doc: PagedDocument): Promise<string> {
  const bytes = await renderPdf(doc, (await bundled()).fontSet, { date: new Date(1_700_000_000_000) });
  const file = join(dir, `t${serial++}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** pdftotext of one page (1-based), raw order. */
export function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}

/**
 * Text rows of each page as pdftotext -bbox gives them: words grouped by their baseline (yMax
 * within 2 pt), top to bottom, each row's words joined left to right.
 */
export function pdfRows(file: string): string[][] {
  const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return xml.split('<page ').slice(1).map((page) => {
    const rows: { y: number; words: { x: number; t: string }[] }[] = [];
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const y = Number(m[2]);
      let row = rows.find((r) => Math.abs(r.y - y) < 2);
      if (!row) rows.push((row = { y, words: [] }));
      row.words.push({ x: Number(m[1]), t: m[3]! });
    }
    return rows.sort((a, b) => a.y - b.y).map((r) => r.words.sort((a, b) => a.x - b.x).map((w) => w.t).join(''));
  });
}

/** A grey image: width, height, one byte per pixel (0 black … 255 white). */
export interface Grey {
  width: number;
  height: number;
  px: Uint8Array;
}

/**
 * Render a box of page `page` (points from the top-left) at `dpi` as greys, through pdftoppm.
 */
export function renderBox(file: string, page: number, box: { x: number; y: number; w: number; h: number }, dpi = 600): Grey {
  const k = dpi / 72;
  const out = join(dir, `crop${serial++}`);
  execFileSync('pdftoppm', [
    '-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile',
    '-x', String(Math.round(box.x * k)), '-y', String(Math.round(box.y * k)), '-W', String(Math.round(box.w * k)), '-H', String(Math.round(box.h * k)),
    file, out,
  ]);
  const pgm = readFileSync(`${out}.pgm`);
  // P5 header: magic, width, height, maxval, each followed by whitespace.
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(pgm[at]!))) at++;
    let f = '';
    while (!/\s/.test(String.fromCharCode(pgm[at]!))) f += String.fromCharCode(pgm[at++]!);
    fields.push(f);
  }
  at++;
  const [, w, h] = fields.map(Number) as [number, number, number];
  return { width: w, height: h, px: pgm.subarray(at, at + w * h) };
}

/** Dark runs [start, end) of pixels along row y (threshold: darker than mid-grey). */
export function darkRuns(img: Grey, y: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let x = 0; x <= img.width; x++) {
    const dark = x < img.width && img.px[y * img.width + x]! < 128;
    if (dark && start < 0) start = x;
    if (!dark && start >= 0) {
      runs.push([start, x]);
      start = -1;
    }
  }
  return runs;
}

/** Dark runs along the columns: x ranges where any pixel of the column is dark. */
export function inkColumns(img: Grey): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let x = 0; x <= img.width; x++) {
    let dark = false;
    if (x < img.width) for (let y = 0; y < img.height && !dark; y++) dark = img.px[y * img.width + x]! < 128;
    if (dark && start < 0) start = x;
    if (!dark && start >= 0) {
      runs.push([start, x]);
      start = -1;
    }
  }
  return runs;
}

/** The row with the most dark pixels. */
export function darkestRow(img: Grey): number {
  let best = 0;
  let bestCount = -1;
  for (let y = 0; y < img.height; y++) {
    let n = 0;
    for (let x = 0; x < img.width; x++) if (img.px[y * img.width + x]! < 128) n++;
    if (n > bestCount) {
      bestCount = n;
      best = y;
    }
  }
  return best;
}
