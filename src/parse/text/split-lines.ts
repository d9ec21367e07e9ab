/** Plain text → source lines (the decoder has already made every line end a LF). */
import type { SourceLine } from '../types.ts';

/** One SourceLine per line, numbered from 1; stray CRs are tolerated for callers that skip decoding. */
export function splitLines(text: string): SourceLine[] {
  return text.split(/\r\n?|\n/).map((t, i) => ({ text: t, line: i + 1 }));
}
