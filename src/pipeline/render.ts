/**
 * The library's rendering entry points: a parsed speech in, file bytes out. They wire the stages
 * (fonts → style → layout → PDF; fonts → style → DOCX) and know nothing of files or command lines.
 * The style stage runs once per speech and reports missing glyphs once for both outputs. Each renderer
 * is imported on first use, so a PDF-only build never loads docx, nor a DOCX-only one pdfkit.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Speech } from '../model/types.ts';
import type { FontSet } from '../fonts/types.ts';
import { PRESETS, type Preset, type PresetName } from '../style/preset.ts';
import { loadFontSet, createMeasurer } from '../fonts/index.ts';
import { styleSpeech } from '../style/style-speech.ts';
import type { Styled, StyledSpeech } from '../style/types.ts';
import { layoutStyled, type Measurer, type PagedDocument } from '../layout/index.ts';
import { sourceDate } from './source-date.ts';
import type { OutputFormat } from '../config/options.ts';

/** Options shared by both renderers. */
export interface RenderOptions {
  /** Preset name or a full preset (default `official`). */
  preset?: PresetName | Preset;
  /** Fonts to use; loaded with defaults (fonts/ folder, system, bundled) when absent. */
  fonts?: FontSet;
  /** Highlight unfilled placeholders. */
  draft?: boolean;
  /** Date stamped into the file (default: SOURCE_DATE_EPOCH or now). */
  date?: Date;
  /** PDF only: write PDF/A-2b. */
  pdfa?: boolean;
  /** DOCX only: name the standard Office faces (default), or embed the faces. */
  docxFonts?: 'embed' | 'system';
  /** DOCX only: highlight placeholders so the editor finds every blank (default: `draft`, as the PDF). */
  highlightPlaceholders?: boolean;
  /** PDF only: called with the laid-out pages and the measurer (build's index.html draws page 1 from them). */
  onLayout?: (document: PagedDocument, measurer: Measurer) => void;
  /** DOCX only: the handout's frame of the same styled speech, when it was laid out (the copy reads its title breaks and table widths). */
  handout?: PagedDocument;
}

/** A rendered file. */
export interface Rendered {
  /** The file's bytes. */
  bytes: Uint8Array;
  /** Pages (PDF only; 0 for DOCX, whose pagination Word does). */
  pages: number;
  /** Findings made while rendering (missing glyphs, fonts not embeddable…). */
  diagnostics: Diagnostic[];
}

/** Resolve a preset option to a preset. */
export function resolvePreset(p: RenderOptions['preset']): Preset {
  if (p === undefined) return PRESETS.official;
  return typeof p === 'string' ? PRESETS[p] : p;
}

async function fontsFor(options: RenderOptions): Promise<{ fonts: FontSet; diagnostics: Diagnostic[] }> {
  if (options.fonts) return { fonts: options.fonts, diagnostics: [] };
  const { fontSet, diagnostics } = await loadFontSet();
  return { fonts: fontSet, diagnostics };
}

/** Settle how a speech prints with these fonts (the style stage), for both renderers. */
export function styleFor(speech: Speech, preset: Preset, fonts: FontSet): Styled {
  return styleSpeech(speech, preset, createMeasurer(fonts));
}

/**
 * The style stage's findings as the PDF reports them: PDF/A-2 forbids drawing the .notdef box, so
 * with `pdfa` a glyph no face has is an error (the file would not be valid PDF/A).
 */
export function pdfFindings(styleDiagnostics: readonly Diagnostic[], pdfa: boolean): Diagnostic[] {
  if (!pdfa) return [...styleDiagnostics];
  return styleDiagnostics.map((d) => (d.ruleId === 'fonts/missing-glyph' ? { ...d, severity: 'error' as const, message: `${d.message}（PDF/A 不允许缺字）` } : d));
}

/** The renderers' modules, loaded on first use (a PDF-only build never parses the Word writer). */
const pdfRenderer = () => import('../render/pdf/render-pdf.ts');
const docxRenderer = () => import('../render/docx/render-docx.ts');

/**
 * Start loading the renderers these formats need, without waiting: a cold build compiles them
 * while its font files are still being read on the thread pool. A module that fails to load fails
 * again, and is reported, where it is used.
 */
export function preloadRenderers(formats: readonly OutputFormat[]): void {
  if (formats.includes('pdf')) pdfRenderer().catch(() => undefined);
  if (formats.includes('docx')) docxRenderer().catch(() => undefined);
}

/** Draw a styled speech as a PDF; the findings are the renderer's own (none today). */
export async function renderStyledPdf(styled: StyledSpeech, fonts: FontSet, options: RenderOptions = {}): Promise<Rendered> {
  const measurer = createMeasurer(fonts);
  const document = layoutStyled(styled, measurer);
  options.onLayout?.(document, measurer);
  const { renderPdf: drawPdf } = await pdfRenderer();
  const bytes = await drawPdf(document, fonts, {
    date: options.date ?? sourceDate(),
    draft: options.draft ?? false,
    pdfa: options.pdfa ?? false,
  });
  return { bytes, pages: document.pages.length, diagnostics: [] };
}

/** Write a styled speech as a Word document; the findings are the renderer's own (fonts not embeddable…). */
export async function renderStyledDocx(styled: StyledSpeech, fonts: FontSet, options: RenderOptions = {}): Promise<Rendered> {
  const { renderDocx: writeDocx } = await docxRenderer();
  const result = await writeDocx(styled, {
    fonts,
    fontMode: options.docxFonts ?? 'system',
    date: options.date ?? sourceDate(),
    highlightPlaceholders: options.highlightPlaceholders ?? options.draft ?? false,
    ...(options.handout ? { handout: options.handout } : {}),
  });
  return { bytes: result.bytes, pages: 0, diagnostics: result.diagnostics };
}

/** Typeset a speech as a PDF handout. */
export async function renderPdf(speech: Speech, options: RenderOptions = {}): Promise<Rendered> {
  const { fonts, diagnostics } = await fontsFor(options);
  const styled = styleFor(speech, resolvePreset(options.preset), fonts);
  const pdf = await renderStyledPdf(styled.value, fonts, options);
  return { ...pdf, diagnostics: [...diagnostics, ...pdfFindings(styled.diagnostics, options.pdfa ?? false), ...pdf.diagnostics] };
}

/** Write a speech as an editable Word document. */
export async function renderDocx(speech: Speech, options: RenderOptions = {}): Promise<Rendered> {
  const { fonts, diagnostics } = await fontsFor(options);
  const styled = styleFor(speech, resolvePreset(options.preset), fonts);
  const docx = await renderStyledDocx(styled.value, fonts, options);
  return { ...docx, diagnostics: [...diagnostics, ...styled.diagnostics, ...docx.diagnostics] };
}
