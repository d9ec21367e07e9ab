/**
 * A manuscript read for the page: the parse a build makes of it, and, when it was just opened, the
 * text the editor shows — decoded text as it is (any encoding), or a Word draft's paragraphs one a
 * line, numbered as the parser numbers them, so a finding's line is the editor's line. A Word draft
 * is read once for both (a .doc/.wps goes through LibreOffice, ~1.5 s).
 */
import { decodeText } from '../decode/decode-text.ts';
import { formatOf } from '../parse/formats.ts';
import { parseSpeechFile } from '../parse/parse-file.ts';
import type { ParseResult, SourceLine } from '../parse/types.ts';

/** The parse, and the editor text when asked for. */
export interface ReadManuscript {
  /** What parsing gave (speech and findings), as in a build. */
  parsed: ParseResult;
  /** The editor's text; '' when the file cannot be read (its findings say why). */
  text?: string;
}

/** Read and parse a manuscript named `name`. */
export async function readManuscript(bytes: Uint8Array, name: string, options: { normalize: boolean; withText: boolean }): Promise<ReadManuscript> {
  if (options.withText && formatOf(name) === 'docx') {
    const { readDocxFile, parseDocxLines } = await import('../parse/docx/index.ts');
    const read = await readDocxFile(bytes, name);
    return { parsed: parseDocxLines(read, { file: name, normalize: options.normalize }), text: read.ok ? linesText(read.lines) : '' };
  }
  const parsed = await parseSpeechFile(bytes, { file: name, normalize: options.normalize });
  if (!options.withText) return { parsed };
  return { parsed, text: decodeText(bytes, name).value?.text ?? '' };
}

/** Source lines as text, line N on the editor's line N. */
function linesText(lines: readonly SourceLine[]): string {
  const out: string[] = [];
  for (const l of lines) {
    while (out.length < l.line - 1) out.push('');
    out[l.line - 1] = l.text;
  }
  return out.join('\n');
}
