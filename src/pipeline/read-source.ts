/**
 * The first step of converting a file, the one that needs no fonts: read it and parse it. Its own
 * file, so that the parse-ahead thread (parse-worker.ts) loads only the readers and parsers.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { BuildOptions } from '../config/options.ts';
import type { Speech } from '../model/types.ts';
import { parseSpeechFile } from '../parse/parse-file.ts';
import { inputTooLarge, notRegularFile } from './messages.ts';

/** What converting a file finds before it needs the fonts: the file read and parsed, or why it could not be. */
export interface SourceRead {
  /** Findings so far: the reader's and parser's, or why the file could not be read. */
  diagnostics: Diagnostic[];
  /** The speech, when the file parsed. */
  speech?: Speech;
  /** The parser's source lines, for quoting findings. */
  lines?: string[];
  /** Milliseconds spent reading and parsing. */
  ms: number;
}

/** Read and parse one file (what convertFile does first, and the parse-ahead thread for it). Never throws for bad input. */
export async function readSource(input: string, display: string, options: BuildOptions): Promise<SourceRead> {
  const t0 = performance.now();
  const st = await stat(input);
  if (!st.isFile()) {
    // A FIFO would block the read for ever, a device would never end.
    return { diagnostics: [{ severity: 'error', ruleId: 'input/not-a-file', message: notRegularFile() }], ms: performance.now() - t0 };
  }
  if (st.size > options.maxInputBytes) {
    return { diagnostics: [{ severity: 'error', ruleId: 'input/too-large', message: inputTooLarge(mb(st.size), mb(options.maxInputBytes)) }], ms: performance.now() - t0 };
  }
  const bytes = new Uint8Array(await readFile(input));
  const parsed = await parseSpeechFile(bytes, {
    file: display,
    normalize: options.normalize,
    packageLimits: { maxInflatedBytes: options.maxInflatedBytes, maxParts: options.maxParts },
  });
  return { diagnostics: parsed.diagnostics, ...(parsed.value && { speech: parsed.value }), ...(parsed.lines && { lines: parsed.lines }), ms: performance.now() - t0 };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
