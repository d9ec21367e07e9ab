/**
 * `parseSpeechFile`: the bytes of one input file in, speech out; what the CLI, the batch and the
 * web page call. Text formats are decoded here (decode stage), so every parser receives LF text.
 * The readers of Markdown (micromark and its extensions, ~340 KB of code) and Word (fast-xml-parser,
 * the package reader) are imported for the first file that needs them: a build of plain-text
 * speeches never parses them (~15 and ~40 ms of a cold start).
 */
import { decodeText } from '../decode/decode-text.ts';
import { parseJson } from './json/parse-json.ts';
import { parseText } from './text/parse-text.ts';
import { docxAsText, pick, strip, withLines, type DispatchOptions } from './dispatch.ts';
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
  const source = decoded.value.text;
  const o = strip(options);
  let r: ParseResult;
  switch (format) {
    case 'text':
      r = withLines(source, parseText(source, o));
      break;
    case 'markdown':
      r = withLines(source, (await import('./markdown/parse-markdown.ts')).parseMarkdown(source, o));
      break;
    case 'json':
      r = withLines(source, parseJson(source, o));
      break;
    default:
      throw new Error(`[parse] Unknown format \`${format as string}\``);
  }
  return { ...r, diagnostics: [...decoded.diagnostics, ...r.diagnostics] };
}
