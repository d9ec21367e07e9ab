/**
 * The live preview of one manuscript: the same stages a build runs (decode → parse → check →
 * layout), then every page drawn as SVG from the layout frame instead of a PDF. Runs in a render
 * worker; pure apart from the font set it is handed.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FontSet } from '../fonts/types.ts';
import type { BuildOptions } from '../config/options.ts';
import { checkSpeech } from '../check/index.ts';
import { createMeasurer } from '../fonts/index.ts';
import { layoutStyled } from '../layout/index.ts';
import { pdfFindings, resolvePreset, styleFor } from '../pipeline/render.ts';
import { fails } from '../pipeline/convert-file.ts';
import { pageSvg, charsByFace } from '../render/svg/index.ts';
import { structureOf, type Structure } from './structure.ts';
import { readManuscript } from './read-manuscript.ts';

/** A subset of one face the preview's pages need: the browser loads it as `@font-face`. */
export interface FaceSubset {
  /** CSS family name the SVG uses; derived from the face and the characters, so it names one subset. */
  family: string;
  /** The font set's face key. */
  faceKey: string;
  /** The characters the subset must hold. */
  chars: string;
}

/** What the page shows for one manuscript. */
export interface Preview {
  /** The manuscript's text for the editor (decoded; a Word draft's paragraphs, one a line). */
  text?: string;
  /** One SVG document per page. */
  pages: string[];
  /** Title block, salutation, outline. */
  structure?: Structure;
  /** Every finding, in source order. */
  findings: Diagnostic[];
  /** Whether a build of this input would fail (an error, or a warning under strict). */
  failed: boolean;
  /** The font subsets the pages name. */
  faces: FaceSubset[];
  /** Milliseconds spent: parse + check, layout, SVG. */
  ms: { parse: number; layout: number; svg: number };
}

/** Preview options: the build's options (preset, draft, normalize, strict) and whether to return the text. */
export interface PreviewOptions {
  /** The build options the downloads use, so preview and files agree. */
  build: BuildOptions;
  /** Return the editor text too (when a file was just opened). */
  withText?: boolean;
}

/** Lay out and draw one manuscript. Never throws for bad input: problems are findings. */
export async function previewFile(bytes: Uint8Array, name: string, fonts: FontSet, options: PreviewOptions): Promise<Preview> {
  const t0 = performance.now();
  const ms = { parse: 0, layout: 0, svg: 0 };
  const findings: Diagnostic[] = [];
  const empty = (): Preview => ({ pages: [], findings, failed: true, faces: [], ms });
  if (bytes.byteLength > options.build.maxInputBytes) {
    findings.push({
      severity: 'error',
      ruleId: 'input/too-large',
      message: `${name}：文件有 ${mb(bytes.byteLength)}，超过 ${mb(options.build.maxInputBytes)} 的上限`,
    });
    return empty();
  }
  const { parsed, text } = await readManuscript(bytes, name, { normalize: options.build.normalize, withText: options.withText ?? false });
  findings.push(...parsed.diagnostics);
  const speech = parsed.value;
  if (!speech || fails(findings, false)) {
    ms.parse = performance.now() - t0;
    return { ...empty(), ...(text !== undefined ? { text } : {}) };
  }
  findings.push(...checkSpeech(speech));
  ms.parse = performance.now() - t0;

  const t1 = performance.now();
  // The stages a PDF build runs (pipeline/convert-file.ts), with the findings it adds.
  const styled = styleFor(speech, resolvePreset(options.build.preset), fonts);
  findings.push(...pdfFindings(styled.diagnostics, options.build.pdfa));
  const measurer = createMeasurer(fonts);
  const document = layoutStyled(styled.value, measurer);
  ms.layout = performance.now() - t1;

  const t2 = performance.now();
  const faces = [...charsByFace(document.pages)].map(([faceKey, set]) => subsetName(faceKey, set));
  const families = new Map(faces.map((f) => [f.faceKey, f.family]));
  const svgOptions = { advance: measurer.advance, family: (k: string) => families.get(k) ?? 'serif', draft: options.build.draft };
  const pages = document.pages.map((p) => pageSvg(document, p, svgOptions));
  ms.svg = performance.now() - t2;
  return {
    ...(text !== undefined ? { text } : {}),
    pages,
    structure: structureOf(speech, document.outline),
    findings: findings.map(({ file: _file, ...d }) => d),
    failed: fails(findings, options.build.strict),
    faces,
    ms,
  };
}

/** The subset of a face holding these characters, named by a hash of both. */
export function subsetName(faceKey: string, chars: Iterable<string>): FaceSubset {
  const sorted = [...chars].sort().join('');
  const family = `sd-${createHash('sha256').update(faceKey).update('\0').update(sorted).digest('hex').slice(0, 16)}`;
  return { family, faceKey, chars: sorted };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
