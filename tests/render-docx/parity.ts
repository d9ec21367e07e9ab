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
  /** Right edge, pt. */
  x1: number;
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
    const words = [...p[1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g)].map((w) => ({
      x: +w[1]!,
      y: +w[2]!,
      x1: +w[3]!,
      bottom: +w[4]!,
      text: unescape(w[5]!),
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
      lines.push({ page, y: row.y, x0: Math.min(...row.words.map((w) => w.x)), x1: Math.max(...row.words.map((w) => w.x1)), text });
    }
  }
  return lines;
}

const unescape = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);

/**
 * Why a reference line may break elsewhere in LibreOffice: known differences of its line breaker
 * from the PDF's, each of which LibreOffice does whatever the DOCX says (see the README's list).
 */
export type AllowedDifference =
  /** The PDF carried a character down so a mark does not start the next line (推出); LibreOffice hangs the mark past the margin instead (it reads `w:overflowPunct` inverted). */
  | 'hanging'
  /** The PDF squeezed punctuation to fit one more character (挤进: adjacent marks at 1.5 cells, lone marks by half a cell); LibreOffice compresses no punctuation. */
  | 'squeeze'
  /** The PDF carried one more character down so a paragraph's last line is not a lone character or two (孤字); LibreOffice has no such rule. */
  | 'lastLine'
  /** The line holds digits or Latin letters: LibreOffice spaces them from Han characters (it ignores `w:autoSpaceDE/DN`). */
  | 'latin'
  /** A run-in heading: LibreOffice 7.4 sets it on a line of its own (it runs a hidden paragraph mark on only from 24.8). */
  | 'runInHeading'
  /** A later line of a paragraph whose first difference is one of the above. */
  | 'follows';

/** One reference line that breaks elsewhere. */
export interface Difference {
  /** Page of the reference line. */
  page: number;
  /** The reference line. */
  a: string;
  /** The other's line holding the reference line's end. */
  b: string;
  /** The known cause, or undefined when none explains it. */
  allowed?: AllowedDifference;
}

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
  /** Reference lines that break elsewhere for an allowed reason (their paragraph's first difference is explained). */
  allowed: number;
  /**
   * Paragraph-first differences: lines that break elsewhere though every earlier line of their
   * paragraph broke where the PDF does (the rest of such a paragraph follows from that one break).
   */
  firsts: number;
  /** Whether both hold the same characters (else offsets cannot be compared). */
  sameText: boolean;
  /** The reference lines that break elsewhere. */
  differing: Difference[];
}

/** Marks that may not start a line (the PDF's and LibreOffice's kinsoku agree on these). */
const NO_START = /[、。，：；！？”’）》〉」』】〕…—%‰·]$/u;
/** A full-width mark the PDF may squeeze by half a cell. */
const MARK = /[、。，：；！？”’）》〉」』】〕“‘（《〈「『【〔]/u;

/** Group reference lines into paragraphs: a paragraph starts indented or after a line short of the right edge. */
function paragraphStarts(lines: ParityLine[]): boolean[] {
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  return lines.map((l, i) => i === 0 || l.x0 > left + 4 || lines[i - 1]!.x1 < right - 12 || lines[i - 1]!.page !== l.page && l.x0 > left + 4);
}

/** The cause of a paragraph's first difference: `b` is the other's line holding the reference line's end, `earlier` whether the other broke inside the reference line. */
function classify(a: ParityLine, b: string, earlier: boolean, charsPerLine: number, beforeShortLast: boolean): AllowedDifference | undefined {
  const lenA = [...a.text].length;
  if (beforeShortLast && !earlier && lenA < charsPerLine) return 'lastLine';
  if (!earlier && NO_START.test(b) && lenA <= charsPerLine) return 'hanging';
  if (/[0-9A-Za-z]/.test(a.text) || /[0-9A-Za-z]/.test(b)) return 'latin';
  // Push-in squeezes any full-width mark of the line (pairs for good, lone marks by half a cell).
  if (earlier && (lenA > charsPerLine || MARK.test(a.text))) return 'squeeze';
  if (/^（[一二三四五六七八九十]+）/.test(a.text)) return 'runInHeading';
  return undefined;
}

/** Compare line ends of `a` (reference) and `b`; `charsPerLine` is the grid's (28 for GB/T 9704). */
export function compareParity(a: ParityLine[], b: ParityLine[], charsPerLine = 28): Parity {
  const ends = (ls: ParityLine[]) => {
    let at = 0;
    return ls.map((l) => (at += [...l.text].length));
  };
  const textA = a.map((l) => l.text).join('');
  const textB = b.map((l) => l.text).join('');
  const endsA = ends(a);
  const endsB = ends(b);
  const setB = new Set(endsB);
  const starts = paragraphStarts(a);
  const differing: Difference[] = [];
  let same = 0;
  let allowed = 0;
  let firsts = 0;
  let cause: AllowedDifference | undefined | null = null; // null: no difference yet in this paragraph
  endsA.forEach((e, i) => {
    if (starts[i]) cause = null;
    if (setB.has(e)) {
      same++;
      return;
    }
    const k = endsB.findIndex((x) => x > e);
    const bLine = k >= 0 ? b[k]! : undefined;
    const startA = e - [...a[i]!.text].length;
    const earlier = endsB.some((x) => x > startA && x < e);
    // The next line ends its paragraph and holds a few characters only.
    const beforeShortLast = i + 1 < a.length && !starts[i + 1] && (i + 2 >= a.length || starts[i + 2]!) && [...a[i + 1]!.text].length <= 4;
    const why: AllowedDifference | undefined =
      cause === null ? classify(a[i]!, bLine?.text ?? '', earlier, charsPerLine, beforeShortLast) : cause && 'follows';
    if (cause === null) {
      cause = why;
      firsts++;
    }
    if (why) allowed++;
    differing.push({ page: a[i]!.page, a: a[i]!.text, b: bLine?.text ?? '', ...(why ? { allowed: why } : {}) });
  });
  return {
    pagesA: Math.max(0, ...a.map((l) => l.page)),
    pagesB: Math.max(0, ...b.map((l) => l.page)),
    linesA: a.length,
    same,
    share: a.length ? same / a.length : 1,
    allowed,
    firsts,
    sameText: textA === textB,
    differing,
  };
}
