/**
 * One input file through the whole pipeline, in memory: read → decode/parse → check → render.
 * Returns the bytes to write rather than writing them, so the batch writer (one thread) owns every
 * file on disk and an interrupted run can clean up after itself.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FontSet } from '../fonts/types.ts';
import type { BuildOptions, OutputFormat } from '../config/options.ts';
import { readSource, type SourceRead } from './read-source.ts';
import { describeStructure } from '../model/describe-structure.ts';
import { checkSpeech } from '../check/index.ts';
import { pdfFindings, renderStyledDocx, renderStyledPdf, resolvePreset, styleFor, type Rendered } from './render.ts';
import { pageThumbnail, type Thumbnail } from './index-html.ts';
import { blockText } from '../model/to-plain-text.ts';
import type { Speech } from '../model/types.ts';
import type { PagedDocument } from '../layout/types.ts';
import { tooManyPages } from './messages.ts';
import { applyRules } from '../config/rules.ts';
import { attachExcerpts } from '../diagnostics/excerpt.ts';

/** Timings of one file, in milliseconds. */
export interface FileTimings {
  /** Reading, decoding and parsing. */
  parse: number;
  /** PDF layout and writing. */
  pdf: number;
  /** DOCX writing, font subsetting included (it overlaps the end of the PDF's, whose streams deflate meanwhile). */
  docx: number;
  /** Everything. */
  total: number;
}

/** What converting one file produced. */
export interface Converted {
  /** Output bytes by format; absent when the file failed. */
  outputs: Partial<Record<OutputFormat, Uint8Array>>;
  /** PDF pages (0 when no PDF was made). */
  pages: number;
  /** Every finding, with `file` set. */
  diagnostics: Diagnostic[];
  /** Whether the file failed (an error, or a warning under --strict). */
  failed: boolean;
  /** Timings. */
  timings: FileTimings;
  /** The structure found, one line (describeStructure); absent when the file could not be read. */
  structure?: string;
  /** Page 1 as SVG for build's index.html, when a PDF was laid out. */
  thumbnail?: Thumbnail;
}

/** Whether a set of findings fails the file. */
export function fails(diagnostics: Diagnostic[], strict: boolean): boolean {
  return diagnostics.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

/**
 * Convert one file. Never throws for bad input: problems come back as diagnostics. `read` is the
 * file already read and parsed (readSource, on the parse-ahead thread), when it was.
 */
export async function convertFile(
  input: string,
  display: string,
  options: BuildOptions,
  fonts: FontSet,
  date: Date,
  read?: SourceRead,
): Promise<Converted> {
  const t0 = performance.now();
  const timings: FileTimings = { parse: 0, pdf: 0, docx: 0, total: 0 };
  const diagnostics: Diagnostic[] = [];
  const done = (outputs: Converted['outputs'], pages: number, thumbnail?: Thumbnail): Converted => {
    // The config's `rules:` decide what each finding counts for, before the file is judged.
    const judged = applyRules(diagnostics, options.rules);
    diagnostics.length = 0;
    diagnostics.push(...judged);
    // Quoted here, where the parser's lines are at hand (a converted .doc is never converted twice).
    attachExcerpts(diagnostics, lines);
    for (const d of diagnostics) d.file ??= display;
    timings.total = performance.now() - t0 + (read ? read.ms : 0);
    const failed = fails(diagnostics, options.strict);
    const converted: Converted = { outputs: failed ? {} : outputs, pages: failed ? 0 : pages, diagnostics, failed, timings, ...(structure !== undefined && { structure }) };
    if (thumbnail && !failed) converted.thumbnail = thumbnail;
    return converted;
  };
  let structure: string | undefined;
  const source = read ?? (await readSource(input, display, options));
  const lines = source.lines;
  diagnostics.push(...source.diagnostics);
  timings.parse = source.ms;
  const speech = source.speech;
  if (speech) structure = describeStructure(speech);
  if (!speech || fails(applyRules(diagnostics, options.rules), false)) return done({}, 0);
  diagnostics.push(...checkSpeech(speech));
  if (fails(applyRules(diagnostics, options.rules), options.strict)) return done({}, 0);

  // The page limit, checked before layout: a lower bound from line counts alone costs microseconds,
  // where finding out by laying out 10,000 pages took a minute and 2 GB.
  const estimate = minimumPages(speech, options.preset);
  if (estimate > options.maxPages) {
    diagnostics.push({ severity: 'error', ruleId: 'limits/pages', message: tooManyPages(estimate, options.maxPages) });
    return done({}, 0);
  }

  const outputs: Converted['outputs'] = {};
  let pages = 0;
  let thumbnail: Thumbnail | undefined;
  /** The handout's layout, which the Word copy reads its title breaks and table widths from. */
  let handout: PagedDocument | undefined;
  const common = { preset: options.preset, fonts, draft: options.draft, date };
  // One style stage for both outputs: each finding about the fonts is reported once.
  const styled = styleFor(speech, resolvePreset(options.preset), fonts);
  diagnostics.push(...(options.format.includes('pdf') ? pdfFindings(styled.diagnostics, options.pdfa) : styled.diagnostics));
  let pdf: Promise<Rendered> | undefined;
  const t = performance.now();
  if (options.format.includes('pdf')) {
    pdf = renderStyledPdf(styled.value, fonts, {
      ...common,
      pdfa: options.pdfa,
      onLayout: (document, measurer) => {
        handout = document;
        thumbnail = pageThumbnail(document, measurer, options.draft);
      },
    });
  }
  // The Word copy is written while the PDF's streams deflate (on the helper thread, when it runs),
  // once the handout's layout it reads is known: renderStyledPdf lays out before its first await.
  // Without a layout by then the PDF failed (awaited below, it says why): no copy is started.
  if (pdf && handout === undefined) await pdf.catch(() => undefined);
  // Read through a typed local: TypeScript does not see the callback's assignment.
  const laidOut = handout as PagedDocument | undefined;
  const docxStart = performance.now();
  const docx =
    options.format.includes('docx') && (!pdf || laidOut) && (laidOut?.pages.length ?? 0) <= options.maxPages
      ? renderStyledDocx(styled.value, fonts, { ...common, docxFonts: options.docxFonts, ...(laidOut ? { handout: laidOut } : {}) }).then((r) => {
          timings.docx = performance.now() - docxStart;
          return r;
        })
      : undefined;
  // A handler from the start: if the PDF fails first and the copy then fails too, the copy's
  // rejection must not go unhandled (the PDF's error is the one reported).
  docx?.catch(() => undefined);
  if (pdf) {
    const rendered = await pdf;
    diagnostics.push(...rendered.diagnostics);
    outputs.pdf = rendered.bytes;
    pages = rendered.pages;
    timings.pdf = performance.now() - t;
    if (pages > options.maxPages) {
      diagnostics.push({ severity: 'error', ruleId: 'limits/pages', message: tooManyPages(pages, options.maxPages) });
      return done({}, 0);
    }
  }
  if (docx) {
    const rendered = await docx;
    diagnostics.push(...rendered.diagnostics);
    outputs.docx = rendered.bytes;
  }
  return done(outputs, pages, thumbnail);
}

/**
 * Fewest pages the speech can take: every block's text on full grid lines, nothing else (titles,
 * spacing and short last lines only add), so it never refuses a document that would fit.
 */
export function minimumPages(speech: Speech, presetName: BuildOptions['preset']): number {
  const preset = resolvePreset(presetName);
  let lines = 0;
  for (const b of speech.children) lines += Math.ceil(blockText(b).length / preset.charsPerLine);
  return Math.ceil(lines / preset.linesPerPage);
}
