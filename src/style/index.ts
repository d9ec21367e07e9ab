/** The style stage: every printing decision about a speech, made once for every renderer. */
export type * from './types.ts';
export { styleSpeech } from './style-speech.ts';
export { coverageDiagnostics, fallbackUses, codePointLabel, styledRuns } from './coverage.ts';
export { originalTitleLine } from './title-block.ts';
