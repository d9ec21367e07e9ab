/**
 * The input formats and the file extensions that select them: the one list both the parser
 * dispatch and a build walking a folder read, so a file the parser can read is never skipped.
 */
import type { InputFormat } from './types.ts';

/** Extensions speechdoc reads, by format. */
export const EXTENSIONS: Readonly<Record<InputFormat, readonly string[]>> = {
  text: ['.txt', '.text'],
  markdown: ['.md', '.markdown'],
  json: ['.json'],
  docx: ['.docx', '.doc', '.wps', '.odt', '.rtf'],
};

/** Every extension speechdoc reads, lower case with the dot. */
export const INPUT_EXTENSIONS: readonly string[] = Object.values(EXTENSIONS).flat();

/** The format for a file name, or undefined for an unknown extension. */
export function formatOf(file: string): InputFormat | undefined {
  const m = /\.[^./\\]+$/.exec(file);
  if (!m) return undefined;
  const ext = m[0].toLowerCase();
  return (Object.keys(EXTENSIONS) as InputFormat[]).find((f) => EXTENSIONS[f].includes(ext));
}
