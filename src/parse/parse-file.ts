/**
 * `parseSpeechFile`: the bytes of one input file in, speech out; what the CLI, the batch and the
 * web page call. Text formats are decoded here (decode stage), so every parser receives LF text.
 * The readers of Markdown (micromark and its extensions, ~340 KB of code) and Word (fast-xml-parser,
 * the package reader) are imported for the first file that needs them: a build of plain-text
 * speeches never parses them (~15 and ~40 ms of a cold start).
 */
import { decodeText } from '../decode/decode-text.ts';
import { parseSource, pick, strip, type DispatchOptions } from './dispatch.ts';
import type { ParseResult } from './types.ts';

/** Parse the bytes of one input file. */
export async function parseSpeechFile(bytes: Uint8Array, options: DispatchOptions = {}): Promise<ParseResult> {
  const format = pick(options);
  if (typeof format !== 'string') return format;
  if (format === 'docx') {
    const { parseDocxFile } = await import('./docx/index.ts');
    return parseDocxFile(bytes, strip(options));
  }
  const decoded = decodeText(bytes, options.file);
  if (!decoded.value) return { value: undefined, diagnostics: decoded.diagnostics };
  const parseMarkdown = format === 'markdown' ? (await import('./markdown/parse-markdown.ts')).parseMarkdown : undefined;
  const r = parseSource(decoded.value.text, format, options, parseMarkdown);
  return { ...r, diagnostics: [...decoded.diagnostics, ...r.diagnostics] };
}
