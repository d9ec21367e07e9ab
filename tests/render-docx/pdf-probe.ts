/** Read LibreOffice's PDF back with poppler: lines with positions, fonts, outline. */
import { spawnSync } from 'node:child_process';

/** One text line on a page, in points from the top-left corner. */
export interface PdfLine {
  /** 1-based page. */
  page: number;
  /** Left edge. */
  x0: number;
  /** Right edge. */
  x1: number;
  /** Top edge. */
  y0: number;
  /** The line's text, words joined without spaces. */
  text: string;
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return r.stdout;
}

const unescape = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);

/** Every text line of every page (pdftotext -bbox-layout). */
export function pdfLines(pdf: string): PdfLine[] {
  const xml = run('pdftotext', ['-bbox-layout', pdf, '-']);
  const lines: PdfLine[] = [];
  let page = 0;
  for (const p of xml.matchAll(/<page [^>]*>(.*?)<\/page>/gs)) {
    page++;
    for (const l of p[1]!.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)<\/line>/gs)) {
      const text = [...l[4]!.matchAll(/<word [^>]*>(.*?)<\/word>/g)].map((w) => unescape(w[1]!)).join('');
      lines.push({ page, x0: +l[1]!, y0: +l[2]!, x1: +l[3]!, text });
    }
  }
  return lines;
}

/** The whole text (pdftotext, reading order). */
export function pdfText(pdf: string): string {
  return run('pdftotext', [pdf, '-']);
}

/** Fonts of the PDF: base name (subset tag removed) and whether embedded. */
export function pdfFonts(pdf: string): { name: string; embedded: boolean }[] {
  return run('pdffonts', [pdf])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      return { name: cols[0]!.replace(/^[A-Z]{6}\+/, ''), embedded: cols[cols.length - 5] === 'yes' };
    });
}

/** Titles of the document outline (bookmarks), depth first. */
export function pdfOutline(pdf: string): string[] {
  const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=outlines', pdf])) as { outlines: Outline[] };
  const titles: string[] = [];
  const walk = (items: Outline[]): void => {
    for (const o of items) {
      titles.push(o.title);
      walk(o.kids ?? []);
    }
  };
  walk(json.outlines);
  return titles;
}

interface Outline {
  title: string;
  kids?: Outline[];
}

/** Whether a command is on PATH. */
export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}
