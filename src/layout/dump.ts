/**
 * A readable dump of a laid-out document for golden-style tests and debugging:
 * `p1 L03 x=79.37 w=442.20 |一是全力抓好疫情防控。…|` — one row per line, `L` the 1-based grid line.
 */
import type { PagedDocument, PlacedLine } from './types.ts';

/** Options of `dumpLayout`. */
export interface DumpOptions {
  /** Show run boundaries as `¦` inside the text. */
  runs?: boolean;
  /** Include page-number lines (shown as `F`). */
  footers?: boolean;
}

/** 1-based grid line of a line (the inverse of pagination's baseline rule), or its index on the page. */
function gridLine(doc: PagedDocument, line: PlacedLine, index: number): number {
  const g = doc.grid;
  if (!g) return index + 1;
  const size = line.runs[0]?.sizePt ?? 0;
  const centre = line.baselinePt - g.baselineBelowCentreEm * size;
  return Math.round((centre - g.blockTopPt - g.linePitchPt / 2) / g.linePitchPt) + 1;
}

/** Dump every line of a document. */
export function dumpLayout(doc: PagedDocument, options: DumpOptions = {}): string {
  const rows: string[] = [];
  for (const page of doc.pages) {
    const lines = options.footers ? [...page.lines, ...page.footer] : page.lines;
    lines.forEach((line, i) => {
      const text = line.runs.map((r) => r.text).join(options.runs ? '¦' : '');
      const k = line.kind === 'pageNumber' ? 'F  ' : `L${String(gridLine(doc, line, i)).padStart(2, '0')}`;
      rows.push(`p${page.number} ${k} x=${line.xPt.toFixed(2)} w=${line.widthPt.toFixed(2)} |${text}|`);
    });
  }
  return rows.join('\n');
}
