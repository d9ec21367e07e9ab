/**
 * speechdoc as a library: parse a speech, render it, or run a whole batch build.
 *
 * @example
 * import { parseSpeech, renderPdf, renderDocx } from 'speechdoc';
 * const { speech } = parseSpeech('在全县工作会议上的讲话\n同志们：\n……', { file: 'speech.txt' });
 * const pdf = await renderPdf(speech!, { preset: 'official' });
 */
export type * from './model/types.ts';
export type { Diagnostic, Severity, Result, Warned } from './diagnostics/diagnostic.ts';
export type { Preset, PresetName } from './style/preset.ts';
export type { FontRole } from './fonts/roles.ts';
export type { FontSet, FaceInfo, LoadedFace } from './fonts/types.ts';
export type { StyledSpeech, StyledBlock, StyledTextBlock, StyledTableBlock, StyledRun, BlockRole, RunRole } from './style/types.ts';
export type { PagedDocument, Page, PlacedBlock, PlacedTextBlock, PlacedTable, PlacedRow, PlacedCell, PlacedLine, PlacedRun } from './layout/types.ts';
export type { BuildOptions } from './config/options.ts';
export type { BuildSummary, FileResult, BuildHooks } from './pipeline/build.ts';
export type { RenderOptions, Rendered } from './pipeline/render.ts';

export { parseSpeech, parseSpeechFile } from './parse/index.ts';
export { checkSpeech } from './check/index.ts';
export { formatDiagnostic } from './diagnostics/format.ts';
export { loadFontSet, createMeasurer } from './fonts/index.ts';
export { styleSpeech } from './style/style-speech.ts';
export { layoutSpeech, layoutStyled } from './layout/index.ts';
export { renderPdf, renderDocx } from './pipeline/render.ts';
export { build } from './pipeline/build.ts';
export { defineBuildOptions } from './pipeline/define-options.ts';
export { OFFICIAL, READING, PRESETS } from './style/preset.ts';
