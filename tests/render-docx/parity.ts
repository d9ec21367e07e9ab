/**
 * Line-by-line parity of two PDFs of one text: ours (the handout) and LibreOffice's conversion of
 * the Word copy. Lines are rebuilt from poppler's word boxes (one page, one baseline), page numbers
 * dropped; a line "breaks at the same character" when its end falls on the same offset of the
 * whitespace-free text in both. Used by parity.test.ts and, by hand, on corpus texts
 * (`node --import tsx tests/render-docx/parity-cli.ts`).
 */
import { spawnSync } from 'node:child_process';

/** One rebuilt line. */
export interface ParityLine {
  /** 1-based page. */
  page: number;
  /** Top of the line's words, pt. */
  y: number;
  /** Left edge, pt. */
  x0: number;
  /** The line's text without whitespace. */
  text: string;
}

/** Lines of a PDF's text block: words grouped by page and baseline, the page-number line removed. */
export function parityLines(pdf: string): ParityLine[] {
  const r = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const lines: ParityLine[] = [];
  let page = 0;
  for (const p of r.stdout.matchAll(/<page [^>]*>(.*?)<\/page>/gs)) {
    page++;
    const words = [...p[1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)<\/word>/g)].map((w) => ({
      x: +w[1]!,
      y: +w[2]!,
      bottom: +w[3]!,
      text: unescape(w[4]!),
    }));
    const rows: { y: number; bottom: number; words: typeof words }[] = [];
    for (const w of words.sort((a, b) => a.bottom - b.bottom || a.x - b.x)) {
      // One baseline: bottoms within 3 pt (a 16 pt line; squeezed punctuation has a smaller box).
      const row = rows.find((l) => Math.abs(l.bottom - w.bottom) < 3);
      if (row) row.words.push(w);
      else rows.push({ y: w.y, bottom: w.bottom, words: [w] });
    }
    for (const row of rows) {
      const text = row.words
        .sort((a, b) => a.x - b.x)
        .map((w) => w.text)
        .join('')
        .replace(/\s+/g, '');
      // The page number ("— 3 —", "第 3 页 / 共 5 页") is furniture, not a text line.
      if (/^(—\d+—|-\d+-|第\d+页\/共\d+页|\d+)$/.test(text)) continue;
      lines.push({ page, y: row.y, x0: Math.min(...row.words.map((w) => w.x)), text });
    }
  }
  return lines;
}

const unescape = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);

/** How two PDFs of one text compare. */
export interface Parity {
  /** Pages of the reference (our PDF). */
  pagesA: number;
  /** Pages of the other (LibreOffice's). */
  pagesB: number;
  /** Lines of the reference. */
  linesA: number;
  /** Reference lines whose end falls on a line end of the other. */
  same: number;
  /** same / linesA. */
  share: number;
  /** Whether both hold the same characters (else offsets cannot be compared). */
  sameText: boolean;
  /** The reference lines that break elsewhere, with the other's line holding their end. */
  differing: { page: number; a: string; b: string }[];
}

/** Compare line ends of `a` (reference) and `b`. */
export function compareParity(a: ParityLine[], b: ParityLine[]): Parity {
  const ends = (ls: ParityLine[]) => {
    let at = 0;
    return ls.map((l) => (at += [...l.text].length));
  };
  const textA = a.map((l) => l.text).join('');
  const textB = b.map((l) => l.text).join('');
  const endsA = ends(a);
  const endsB = ends(b);
  const setB = new Set(endsB);
  const differing: Parity['differing'] = [];
  let same = 0;
  endsA.forEach((e, i) => {
    if (setB.has(e)) same++;
    else {
      const k = endsB.findIndex((x) => x > e);
      differing.push({ page: a[i]!.page, a: a[i]!.text, b: k >= 0 ? b[k]!.text : '' });
    }
  });
  return {
    pagesA: Math.max(0, ...a.map((l) => l.page)),
    pagesB: Math.max(0, ...b.map((l) => l.page)),
    linesA: a.length,
    same,
    share: a.length ? same / a.length : 1,
    sameText: textA === textB,
    differing,
  };
}
