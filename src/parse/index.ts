/**
 * Format dispatch: bytes or text in, speech out. The file extension picks the parser; `format`
 * overrides it. Text formats are decoded here (decode stage), so every parser receives LF text.
 */
import { diagnostic } from '../diagnostics/diagnostic.ts';
import { decodeText } from '../decode/decode-text.ts';
import { parseJson } from './json/parse-json.ts';
import { parseMarkdown } from './markdown/parse-markdown.ts';
import { parseText } from './text/parse-text.ts';
import type { InputFormat, ParseOptions, ParseResult } from './types.ts';

/** Options of the dispatchers: the common ones plus an explicit format. */
export type DispatchOptions = ParseOptions & {
  /** The input format; taken from the extension of `file` when absent. */
  format?: InputFormat;
};

export { EXTENSIONS, INPUT_EXTENSIONS, formatOf } from './formats.ts';
import { EXTENSIONS, formatOf } from './formats.ts';

/** Parse the bytes of one input file. */
export async function parseSpeechFile(bytes: Uint8Array, options: DispatchOptions = {}): Promise<ParseResult> {
  const format = pick(options);
  if (typeof format !== 'string') return format;
  if (format === 'docx') {
    // Imported here: the Word reader (fast-xml-parser, the package reader) is ~40 ms of start-up
    // that text and Markdown builds never need.
    const { parseDocxFile } = await import('./docx/index.ts');
    return parseDocxFile(bytes, strip(options));
  }
  const decoded = decodeText(bytes, options.file);
  if (!decoded.value) return { speech: undefined, diagnostics: decoded.diagnostics };
  const r = parseSpeech(decoded.value.text, { ...options, format });
  return { ...r, diagnostics: [...decoded.diagnostics, ...r.diagnostics] };
}

/** Parse already-decoded text. Word documents need bytes: use `parseSpeechFile` for them. */
export function parseSpeech(source: string, options: DispatchOptions = {}): ParseResult {
  const format = pick(options);
  if (typeof format !== 'string') return format;
  const o = strip(options);
  const withLines = (r: ParseResult): ParseResult => ({ ...r, lines: source.split('\n') });
  switch (format) {
    case 'text':
      return withLines(parseText(source, o));
    case 'markdown':
      return withLines(parseMarkdown(source, o));
    case 'json':
      return withLines(parseJson(source, o));
    case 'docx':
      return failure(options, 'parse/format', `${options.file ?? '输入文件'}：Word 文档不能按文本解析，请把文件的字节交给 parseSpeechFile`);
    default:
      throw new Error(`[parse] Unknown format \`${format as string}\``);
  }
}

/** The format to use, or a failed result for an unknown extension. */
function pick(options: DispatchOptions): InputFormat | ParseResult {
  if (options.format) return options.format;
  if (!options.file) return 'text';
  const f = formatOf(options.file);
  if (f) return f;
  const all = Object.values(EXTENSIONS).flat().join('、');
  return failure(options, 'parse/unknown-format', `无法读取 ${options.file}：不认识这种文件类型；speechdoc 可读取 ${all}`,
    '把文件改用以上扩展名之一，或用 --format 指定格式');
}

/** ParseOptions without `format`, so parsers see only their own contract. */
function strip(options: DispatchOptions): ParseOptions {
  const { format: _format, ...rest } = options;
  return rest;
}

/** A result with one error diagnostic and no speech. */
function failure(options: DispatchOptions, ruleId: string, message: string, hint?: string): ParseResult {
  const d = diagnostic('error', ruleId, message, undefined, hint);
  if (options.file) d.file = options.file;
  return { speech: undefined, diagnostics: [d] };
}
