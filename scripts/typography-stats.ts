/**
 * Typography counts over a folder of texts (default ../shared/corpus plus the sample): lays every
 * file out with the bundled faces and counts, from the layout frame (glyph origins recomputed the
 * way the PDF draws them: advance + character spacing), what a compositor would mark:
 *   - mid-line marks set in less than ¾ of a cell (lone marks, and 。？！ among them), and marks in
 *     consecutive groups (allowed to close up);
 *   - justified lines whose Han pitch exceeds 1.15 cells;
 *   - non-final pages of the official preset that end short, and the reading preset's mean fill;
 *   - title and subtitle lines that break inside a word or leave 1–2 characters on the last line.
 * Usage: node --import tsx scripts/typography-stats.ts [files or folders…] [--json]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseSpeechFile } from '../src/parse/index.ts';
import { loadFontSet, createMeasurer } from '../src/fonts/index.ts';
import { layoutSpeech, pageLines } from '../src/layout/index.ts';
import type { Measurer, Page, PagedDocument, PlacedLine } from '../src/layout/types.ts';
import { OFFICIAL, READING, pageGeometry } from '../src/style/preset.ts';

const ROOT = resolve(import.meta.dirname, '..');
const MARKS = new Set([...'、。，：；！？”’）〕】〗》〉」』］｝“‘（〔【〖《〈「『［｛']);
const OPEN = new Set([...'“‘（〔【〖《〈「『［｛']);
const STOPS = new Set([...'。？！']);
const HAN = /[\u3400-\u9fff]/u;
const DEBUG = process.env.TYPO_DEBUG === '1';
const lineText = (l: PlacedLine) => l.runs.map((r) => r.text).join('');

/** A line with its block's role (`body` for paragraphs) and index. */
interface Line extends PlacedLine {
  kind: string;
  blockIndex: number;
}

function linesOf(page: Page): Line[] {
  return pageLines(page).map(({ line, block }) => ({ ...line, kind: block.role === 'paragraph' ? 'body' : block.role, blockIndex: block.block }));
}

interface Glyph {
  ch: string;
  x: number;
  adv: number;
  size: number;
}

function glyphsOf(line: PlacedLine, m: Measurer): Glyph[] {
  const out: Glyph[] = [];
  for (const r of line.runs) {
    let x = r.xPt;
    for (const ch of r.text) {
      const adv = m.advance(r.faceKey, ch) * r.sizePt;
      out.push({ ch, x, adv, size: r.sizePt });
      x += adv + r.characterSpacingPt;
    }
  }
  return out;
}

/** Per-file counts. */
export interface Stats {
  file: string;
  lines: number;
  midMarks: number;
  loneBelow34: number;
  stopBelow34: number;
  groupMarks: number;
  overStretched: number;
  pushedOut: number;
  pushedIn: number;
  sharedCell: number;
  maxPitch: number;
  pages: number;
  shortPages: number;
  readingPages: number;
  readingFill: number;
  titleLines: number;
  titleMidWord: number;
  titleShortLast: number;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function titleStats(doc: PagedDocument, s: Stats): void {
  const byBlock = new Map<number, Line[]>();
  for (const l of doc.pages[0] ? linesOf(doc.pages[0]) : []) {
    if (l.kind !== 'title' && l.kind !== 'subtitle') continue;
    byBlock.set(l.blockIndex, [...(byBlock.get(l.blockIndex) ?? []), l]);
  }
  for (const lines of byBlock.values()) {
    s.titleLines += lines.length;
    if (lines.length < 2) continue;
    const texts = lines.map((l) => l.runs.map((r) => r.text).join(''));
    const joined = texts.join('');
    const edges = new Set([...segmenter.segment(joined)].map((x) => x.index));
    let at = 0;
    for (const t of texts.slice(0, -1)) {
      at += t.length;
      if (!edges.has(at)) s.titleMidWord++;
    }
    const last = texts[texts.length - 1]!.replace(/[^\p{L}\p{N}]/gu, '');
    if ([...last].length <= 2) s.titleShortLast++;
  }
}

function rowsUsed(doc: PagedDocument, pageIndex: number): number {
  let max = -1;
  for (const { line } of pageLines(doc.pages[pageIndex]!)) max = Math.max(max, line.gridLine);
  return max + 1;
}

function empty(file: string): Stats {
  return { file, lines: 0, midMarks: 0, loneBelow34: 0, stopBelow34: 0, groupMarks: 0, overStretched: 0, pushedOut: 0, pushedIn: 0, sharedCell: 0, maxPitch: 0, pages: 0,
    shortPages: 0, readingPages: 0, readingFill: 0, titleLines: 0, titleMidWord: 0, titleShortLast: 0 };
}

async function statsOf(file: string, m: Measurer): Promise<Stats> {
  const s = empty(basename(file));
  const { value: speech } = await parseSpeechFile(readFileSync(file), { file });
  if (!speech) return s;
  const doc = layoutSpeech(speech, OFFICIAL, m).value;
  const cell = pageGeometry(OFFICIAL).cellPt;
  for (const page of doc.pages) {
    for (const line of linesOf(page)) {
      if (line.kind !== 'body' && line.kind !== 'heading' && line.kind !== 'salutation') continue;
      s.lines++;
      const gl = glyphsOf(line, m);
      const c = cell * (gl[0]?.size ?? 16) / OFFICIAL.bodySizePt;
      for (let i = 0; i < gl.length - 1; i++) {
        const g = gl[i]!;
        if (!MARKS.has(g.ch)) continue;
        s.midMarks++;
        const prevMark = i > 0 && MARKS.has(gl[i - 1]!.ch);
        const nextMark = MARKS.has(gl[i + 1]!.ch);
        // The room a mark takes: a closing mark (ink left) from its origin to the next glyph's; an
        // opening mark (ink right, its origin moves left when squeezed) from the glyph before it.
        const prev = gl[i - 1];
        const prevEnd = prev ? prev.x + (HAN.test(prev.ch) || MARKS.has(prev.ch) ? c : prev.adv) : g.x;
        const w = OPEN.has(g.ch) ? g.x + c - prevEnd : gl[i + 1]!.x - g.x;
        if (prevMark || nextMark) {
          s.groupMarks++;
          continue;
        }
        if (w < 0.75 * c - 0.05) {
          if (DEBUG) console.error(`${s.file} p${page.index + 1} <¾ ${g.ch} in ${lineText(line)}`);
          s.loneBelow34++;
          if (STOPS.has(g.ch)) s.stopBelow34++;
        }
      }
      for (let i = 0; i + 1 < gl.length; i++) if ('？！'.includes(gl[i]!.ch) && '？！'.includes(gl[i + 1]!.ch)) s.sharedCell++;
      if (!line.last && line.kind === 'body' && !gl.some((g) => /[\x21-\x7e]/.test(g.ch))) {
        // Cells a justified Han line holds: fewer than 28 means characters were pushed out, more
        // means a mark was pushed in (or a pair of marks shares 1.5 cells).
        const cells = gl.length + Math.round((line.xPt - pageGeometry(OFFICIAL).blockLeftPt) / c);
        if (cells < OFFICIAL.charsPerLine) s.pushedOut++;
        else if (cells > OFFICIAL.charsPerLine && gl[gl.length - 1]!.x + c / 2 + 0.5 >= pageGeometry(OFFICIAL).blockLeftPt + pageGeometry(OFFICIAL).blockWidthPt && MARKS.has(gl[gl.length - 1]!.ch)) s.pushedIn++;
      }
      if (!line.last) {
        let worst = 0;
        for (let i = 0; i < gl.length - 1; i++) {
          if (!HAN.test(gl[i]!.ch) || !HAN.test(gl[i + 1]!.ch)) continue;
          worst = Math.max(worst, (gl[i + 1]!.x - gl[i]!.x) / c);
        }
        s.maxPitch = Math.max(s.maxPitch, worst);
        if (worst > 1.15 + 1e-6) {
          if (DEBUG) console.error(`${s.file} p${page.index + 1} pitch ${worst.toFixed(2)} in ${lineText(line)}`);
          s.overStretched++;
        }
      }
    }
  }
  s.pages = doc.pages.length;
  for (let p = 0; p < doc.pages.length - 1; p++) {
    if (rowsUsed(doc, p) >= OFFICIAL.linesPerPage) continue;
    s.shortPages++;
    const next = linesOf(doc.pages[p + 1]!).slice(0, 2).map((l) => `${l.kind}:${lineText(l).slice(0, 12)}`).join(' | ');
    if (DEBUG) console.error(`${s.file} p${p + 1} short (${rowsUsed(doc, p)} rows), next page: ${next}`);
  }
  titleStats(doc, s);
  const reading = layoutSpeech(speech, READING, m).value;
  s.readingPages = reading.pages.length;
  let used = 0;
  for (let p = 0; p < reading.pages.length; p++) used += rowsUsed(reading, p);
  s.readingFill = used / (reading.pages.length * READING.linesPerPage);
  return s;
}

function inputs(args: string[]): string[] {
  const list = args.length ? args : [join(ROOT, '../shared/corpus'), join(ROOT, '../shared/samples/seed-speech.txt')];
  return list.flatMap((a) =>
    statSync(a).isDirectory()
      ? readdirSync(a).filter((f) => /\.(txt|md|docx|json)$/.test(f) && f !== "SOURCES.md").sort().map((f) => join(a, f))
      : [a],
  );
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = inputs(args.filter((a) => a !== '--json'));
const { fontSet } = await loadFontSet({ useSystemFonts: false });
const m = createMeasurer(fontSet);
const all: Stats[] = [];
for (const f of files) all.push(await statsOf(f, m));
const sum = (k: keyof Stats) => all.reduce((a, s) => a + (s[k] as number), 0);
const nonFinal = sum('pages') - all.length;
const total = {
  files: all.length,
  lines: sum('lines'),
  midMarks: sum('midMarks'),
  loneBelow34: sum('loneBelow34'),
  stopBelow34: sum('stopBelow34'),
  groupMarks: sum('groupMarks'),
  overStretched: sum('overStretched'),
  pushedOut: sum('pushedOut'),
  pushedIn: sum('pushedIn'),
  sharedCell: sum('sharedCell'),
  maxPitch: Math.max(...all.map((s) => s.maxPitch)),
  pages: sum('pages'),
  shortPages: sum('shortPages'),
  shortShare: nonFinal ? sum('shortPages') / nonFinal : 0,
  readingPages: sum('readingPages'),
  readingFill: all.reduce((a, s) => a + s.readingFill * s.readingPages, 0) / Math.max(1, sum('readingPages')),
  titleLines: sum('titleLines'),
  titleMidWord: sum('titleMidWord'),
  titleShortLast: sum('titleShortLast'),
};
if (json) console.log(JSON.stringify({ files: all, total }, null, 2));
else {
  for (const s of all) {
    console.log(`${s.file.slice(0, 44).padEnd(44)} lines ${String(s.lines).padStart(4)}  <¾ ${String(s.loneBelow34).padStart(3)} (。？！ ${s.stopBelow34})  pitch>1.15 ${s.overStretched}  short ${s.shortPages}/${s.pages - 1}  reading ${s.readingPages}p ${(s.readingFill * 100).toFixed(0)}%  title mid-word ${s.titleMidWord} short-last ${s.titleShortLast}`);
  }
  console.log(JSON.stringify(total, null, 2));
}
