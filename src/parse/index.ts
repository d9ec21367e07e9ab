/**
 * Format dispatch: text in, speech out (`parseSpeech`), or the bytes of a file
 * (`parseSpeechFile`, parse-file.ts). The file extension picks the parser; `format` overrides it.
 * This module imports every text parser, so `parseSpeech` stays synchronous for library callers;
 * the CLI and the web page import parse-file.ts, which loads the Markdown reader when needed.
 */
import { parseMarkdown } from './markdown/parse-markdown.ts';
import { parseSource, pick, type DispatchOptions } from './dispatch.ts';
import type { ParseResult } from './types.ts';

export type { DispatchOptions } from './dispatch.ts';
export { EXTENSIONS, INPUT_EXTENSIONS, formatOf } from './formats.ts';
export { parseSpeechFile } from './parse-file.ts';

/** Parse already-decoded text. Word documents need bytes: use `parseSpeechFile` for them. */
export function parseSpeech(source: string, options: DispatchOptions = {}): ParseResult {
  const format = pick(options);
  return typeof format === 'string' ? parseSource(source, format, options, parseMarkdown) : format;
}
