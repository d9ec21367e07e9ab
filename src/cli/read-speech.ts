/** Read and parse one file for the inspecting commands (`parse`, `check`, `fonts`). */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Speech } from '../model/types.ts';
import { parseSpeechFile } from '../parse/index.ts';

/** A parsed file, or the reason it could not be read. */
export interface ReadSpeech {
  /** The model, when the file could be parsed. */
  speech: Speech | undefined;
  /** Findings, each with `file` set. */
  diagnostics: Diagnostic[];
}

/** Read `file` (relative to `cwd`) and parse it; a missing or unreadable file is an error finding. */
export async function readSpeech(file: string, cwd: string, normalize = true): Promise<ReadSpeech> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(resolve(cwd, file)));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (e as Error).message;
    return { speech: undefined, diagnostics: [{ severity: 'error', ruleId: 'input/unreadable', message: why, file }] };
  }
  const r = await parseSpeechFile(bytes, { file, normalize });
  for (const d of r.diagnostics) d.file ??= file;
  return { speech: r.speech, diagnostics: r.diagnostics };
}
