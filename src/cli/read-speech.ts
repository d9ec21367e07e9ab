/** Read and parse one file for the inspecting commands (`parse`, `check`, `fonts`). */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Speech } from '../model/types.ts';
import { parseSpeechFile } from '../parse/parse-file.ts';
import { t } from '../i18n/index.ts';
import { osErrorMessage } from '../i18n/os-error.ts';
import { readStdin, type Io } from './io.ts';

/** A parsed file, or the reason it could not be read. */
export interface ReadSpeech {
  /** The model, when the file could be parsed. */
  speech: Speech | undefined;
  /** Findings, each with `file` set. */
  diagnostics: Diagnostic[];
  /** The file's bytes, when it could be read (for `check --fix`). */
  bytes?: Uint8Array;
  /** The source lines the findings' positions count, for quoting them. */
  lines?: string[];
  /** The name findings use: the path as given, or “（标准输入）” for `-`. */
  name: string;
  /** True when the file does not exist: a usage problem (exit 2) in every command, as in `build`. */
  missing?: boolean;
}

/**
 * Read `file` (relative to `cwd`; `-` is standard input, read as plain text) and parse it. A
 * missing or unreadable file is an error finding naming it.
 */
export async function readSpeech(file: string, io: Pick<Io, 'cwd' | 'stdin'>, normalize = true): Promise<ReadSpeech> {
  const stdin = file === '-';
  const name = stdin ? t().read.stdinName : file;
  let bytes: Uint8Array;
  try {
    bytes = stdin ? await readStdin(io as Io) : new Uint8Array(await readFile(resolve(io.cwd, file)));
  } catch (e) {
    const message = t().io.readFailed(osErrorMessage(e, file, 'read'));
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return { speech: undefined, diagnostics: [{ severity: 'error', ruleId: 'input/unreadable', message, file }], name, missing };
  }
  if (stdin && bytes.length === 0) {
    return { speech: undefined, diagnostics: [{ severity: 'error', ruleId: 'input/empty', message: t().read.stdinEmpty, file: name }], name };
  }
  const r = await parseSpeechFile(bytes, stdin ? { file: name, normalize, format: 'text' } : { file, normalize });
  for (const d of r.diagnostics) d.file ??= name;
  return { speech: r.value, diagnostics: r.diagnostics, bytes, name, ...(r.lines && { lines: r.lines }) };
}
