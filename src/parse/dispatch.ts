/**
 * What both dispatchers share (`parseSpeech` in index.ts, `parseSpeechFile` in parse-file.ts): the
 * format an input is read as, the parser each text format goes to, a failed result.
 */
import { diagnostic } from '../diagnostics/diagnostic.ts';
import { EXTENSIONS, formatOf } from './formats.ts';
import { parseJson } from './json/parse-json.ts';
import { parseText } from './text/parse-text.ts';
import type { InputFormat, ParseOptions, ParseResult } from './types.ts';

/** Options of the dispatchers: the common ones plus an explicit format. */
export type DispatchOptions = ParseOptions & {
  /** The input format; taken from the extension of `file` when absent. */
  format?: InputFormat;
};

/** The format to use, or a failed result for an unknown extension. */
export function pick(options: DispatchOptions): InputFormat | ParseResult {
  if (options.format) return options.format;
  if (!options.file) return 'text';
  const f = formatOf(options.file);
  if (f) return f;
  const all = Object.values(EXTENSIONS).flat().join('、');
  return failure(options, 'parse/unknown-format', `无法读取 ${options.file}：不认识这种文件类型；speechdoc 可读取 ${all}`,
    '把文件改用以上扩展名之一，或用 --format 指定格式');
}

/** ParseOptions without `format`, so parsers see only their own contract. */
export function strip(options: DispatchOptions): ParseOptions {
  const { format: _format, ...rest } = options;
  return rest;
}

/** A result with one error diagnostic and no speech. */
function failure(options: DispatchOptions, ruleId: string, message: string, hint?: string): ParseResult {
  const d = diagnostic('error', ruleId, message, undefined, hint);
  if (options.file) d.file = options.file;
  return { value: undefined, diagnostics: [d] };
}

/** A parser of decoded text. */
export type TextParser = (source: string, options: ParseOptions) => ParseResult;

/**
 * Decoded text read as `format`, with the source's lines (the excerpts of findings quote them).
 * The Markdown parser is given by the caller: index.ts imports it, parse-file.ts loads it for the
 * first Markdown file.
 */
export function parseSource(source: string, format: InputFormat, options: DispatchOptions, parseMarkdown: TextParser | undefined): ParseResult {
  const o = strip(options);
  const withLines = (r: ParseResult): ParseResult => ({ ...r, lines: source.split('\n') });
  switch (format) {
    case 'text':
      return withLines(parseText(source, o));
    case 'markdown':
      if (!parseMarkdown) throw new Error('[parse] the Markdown parser was not given');
      return withLines(parseMarkdown(source, o));
    case 'json':
      return withLines(parseJson(source, o));
    case 'docx':
      return failure(options, 'parse/format', `${options.file ?? '输入文件'}：Word 文档不能按文本解析，请把文件的字节交给 parseSpeechFile`);
    default:
      throw new Error(`[parse] Unknown format \`${format as string}\``);
  }
}
