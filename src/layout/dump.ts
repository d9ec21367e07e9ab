/**
 * A readable dump of a laid-out document for golden-style tests and debugging:
 * `p1 L03 x=79.37 w=442.20 |一是全力抓好疫情防控。…|` — one row per line, `L` the 1-based grid line.
 */
import type { PagedDocument } from './types.ts';
import { pageLines } from './frame-lines.ts';

/** Options of `dumpLayout`. */
export interface DumpOptions {
  /** Show run boundaries as `¦` inside the text. */
  runs?: boolean;
  /** Include page-number lines (shown as `F`). */
  footers?: boolean;
}

/** Dump every line of a document. */
export function dumpLayout(doc: PagedDocument, options: DumpOptions = {}): string {
  const rows: string[] = [];
  for (const page of doc.pages) {
    const lines = pageLines(page).map((l) => l.line);
    if (options.footers) lines.push(...page.footer);
    for (const line of lines) {
      const text = line.runs.map((r) => r.text).join(options.runs ? '¦' : '');
      const k = line.gridLine < 0 ? 'F  ' : `L${String(line.gridLine + 1).padStart(2, '0')}`;
      rows.push(`p${page.number} ${k} x=${line.xPt.toFixed(2)} w=${line.widthPt.toFixed(2)} |${text}|`);
    }
  }
  return rows.join('\n');
}
