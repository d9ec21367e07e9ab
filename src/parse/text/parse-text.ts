/** The plain-text parser: lines in, speech out. */
import type { ParseOptions, ParseResult } from '../types.ts';
import { parseTextLines } from './parse-text-lines.ts';
import { splitLines } from './split-lines.ts';

/** Parse the decoded text of a .txt speech. */
export function parseText(text: string, options: ParseOptions = {}): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return parseTextLines(splitLines(body), options);
}
