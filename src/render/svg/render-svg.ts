/**
 * One page of the layout as SVG: every run at the x and baseline the layout gave it, each glyph
 * placed on its own (`x` list), so line and page breaks are those of the PDF exactly. By default
 * text stays text (selectable, searchable, readable by tests) and fonts are named by family and
 * served apart (`@font-face` with subsets of the faces used: the serve page). With `outlines`,
 * each glyph is a `<use>` of its outline instead (build's index.html: no font to subset or embed).
 * Units are PostScript points, as in the frame.
 */
import type { PagedDocument, Page, PlacedBlock, PlacedLine, PlacedRun } from '../../layout/types.ts';
import { glyphXs, runWidth, type Advance } from './glyph-positions.ts';
import { escapeXml } from '../xml.ts';
import { num } from './num.ts';
import { isBlank, OUTLINE_UNITS, type OutlineRefs } from './glyph-outlines.ts';

/** How the SVG writer measures and names faces. */
export interface SvgOptions {
  /** Advance of a string in a face, in em (the same measurer the layout used). */
  advance: Advance;
  /** CSS font-family that draws a face (its `@font-face` rule is the caller's business). */
  family(faceKey: string): string;
  /** Highlight unfilled placeholders, as `--draft` does in the PDF. */
  draft: boolean;
  /** Extra class on the root element. */
  className?: string;
  /** Draw glyphs as `<use>` of outlines defined elsewhere in the document (then `family` is unused). */
  outlines?: OutlineRefs;
}

/** Light yellow of the draft highlight, the PDF's colour (src/render/pdf/draw-line.ts). */
const HIGHLIGHT = '#fff2a8';
/** Synthetic bold stroke, in em: the PDF's value. */
const FAUX_BOLD_EM = 0.03;

/** The SVG document of one page. */
export function pageSvg(doc: PagedDocument, page: Page, options: SvgOptions): string {
  const w = num(doc.widthPt);
  const h = num(doc.heightPt);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}pt" height="${h}pt" class="sd-page${options.className ? ` ${escapeXml(options.className)}` : ''}" data-page="${page.number}" role="img" aria-label="第 ${page.number} 页">`,
    `<rect class="sd-paper" width="${w}" height="${h}" fill="#fff"/>`,
  ];
  const lines = allLines(page);
  if (options.draft) out.push(...placeholderBoxes(lines, options.advance));
  for (const block of page.blocks) {
    if (block.type !== 'table') continue;
    for (const r of block.rules) {
      out.push(`<line x1="${num(r.x1)}" y1="${num(r.y1)}" x2="${num(r.x2)}" y2="${num(r.y2)}" stroke="#000" stroke-width="${num(r.widthPt)}"/>`);
    }
  }
  for (const { line, block } of blockLines(page)) out.push(lineSvg(line, options, block));
  for (const line of page.footer) out.push(lineSvg(line, options));
  out.push('</svg>');
  return out.join('');
}

/** Body lines in reading order with their block (a table's row by row, cell by cell). */
function blockLines(page: Page): Array<{ line: PlacedLine; block: PlacedBlock }> {
  const out: Array<{ line: PlacedLine; block: PlacedBlock }> = [];
  for (const block of page.blocks) {
    if (block.type === 'text') for (const line of block.lines) out.push({ line, block });
    else for (const row of block.rows) for (const cell of row.cells) for (const line of cell.lines) out.push({ line, block });
  }
  return out;
}

/** Every line of a page, footer included. */
function allLines(page: Page): PlacedLine[] {
  return [...blockLines(page).map((l) => l.line), ...page.footer];
}

/**
 * A line: one `<text>` on its baseline, one `<tspan>` per run. Body lines carry their block's role,
 * index and source span, so the page can find the lines of a finding; the footer is `sd-footer`.
 */
function lineSvg(line: PlacedLine, options: SvgOptions, block?: PlacedBlock): string {
  const attrs = [`class="sd-line${block ? '' : ' sd-footer'}"`];
  if (block) {
    attrs.push(`data-role="${block.role}"`, `data-block="${block.block}"`);
    if (block.source) {
      const { start, end } = block.source;
      attrs.push(`data-src="${start.line}:${start.column}-${end.line}:${end.column}"`);
    }
  }
  if (options.outlines) {
    const refs = options.outlines;
    return `<g ${attrs.join(' ')}>${line.runs.map((r) => runOutlines(r, line.baselinePt, options.advance, refs)).join('')}</g>`;
  }
  attrs.push(`y="${num(line.baselinePt)}"`);
  return `<text ${attrs.join(' ')}>${line.runs.map((r) => runSvg(r, options)).join('')}</text>`;
}

/**
 * A run as outlines: a group at the run's start on the baseline, scaled to its size, with one
 * `<use>` per inked character at its x in 1/1000 em (integers: short, and exact to 0.02 pt).
 */
function runOutlines(run: PlacedRun, baselinePt: number, advance: Advance, refs: OutlineRefs): string {
  if (run.text.length === 0) return '';
  const xs = glyphXs(run, advance);
  const perPt = OUTLINE_UNITS / run.sizePt;
  const uses: string[] = [];
  let unit = 0;
  for (const ch of run.text) {
    const x = Math.round((xs[unit]! - run.xPt) * perPt);
    unit += ch.length;
    if (isBlank(ch)) continue;
    uses.push(`<use href="#${refs.id(run.faceKey, ch)}"${x ? ` x="${x}"` : ''}/>`);
  }
  if (uses.length === 0) return '';
  const attrs = [`transform="translate(${num(run.xPt)} ${num(baselinePt)}) scale(${Math.round((run.sizePt / OUTLINE_UNITS) * 1e6) / 1e6})"`];
  if (run.placeholder) attrs.push('class="sd-placeholder"');
  if (run.fauxBold) attrs.push(`stroke="#000" stroke-width="${Math.round(FAUX_BOLD_EM * OUTLINE_UNITS)}"`);
  return `<g ${attrs.join(' ')}>${uses.join('')}</g>`;
}

function runSvg(run: PlacedRun, options: SvgOptions): string {
  if (run.text.length === 0) return '';
  const xs = glyphXs(run, options.advance).map(num).join(' ');
  const style = [`font-family:'${options.family(run.faceKey)}'`, `font-size:${num(run.sizePt)}px`];
  if (run.fauxBold) style.push(`stroke:#000`, `stroke-width:${num(FAUX_BOLD_EM * run.sizePt)}px`);
  const cls = run.placeholder ? ' class="sd-placeholder"' : '';
  return `<tspan x="${xs}"${cls} style="${style.join(';')}">${escapeXml(run.text)}</tspan>`;
}

/** The draft highlight behind placeholder runs: the box the PDF draws (cells × em box). */
function placeholderBoxes(lines: PlacedLine[], advance: Advance): string[] {
  const out: string[] = [];
  for (const line of lines) {
    for (const run of line.runs) {
      if (!run.placeholder || run.text.length === 0) continue;
      const width = runWidth(run, advance);
      out.push(`<rect class="sd-draft" x="${num(run.xPt)}" y="${num(line.baselinePt - 0.88 * run.sizePt)}" width="${num(width)}" height="${num(run.sizePt)}" fill="${HIGHLIGHT}"/>`);
    }
  }
  return out;
}

/** The characters each face draws on these pages (what a subset for the browser must hold). */
export function charsByFace(pages: readonly Page[]): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const page of pages) {
    for (const line of allLines(page)) {
      for (const run of line.runs) {
        let set = used.get(run.faceKey);
        if (!set) used.set(run.faceKey, (set = new Set()));
        for (const ch of run.text) set.add(ch);
      }
    }
  }
  return used;
}
