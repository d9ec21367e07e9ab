/**
 * The CLI's window on the world, injected so tests can run commands in-process and read what they
 * printed (unified-engine's streamOut/streamError pattern).
 */

/** A writable text stream. */
export interface OutStream {
  /** Write text. */
  write(text: string): unknown;
  /** Whether the stream is a terminal (progress bars and colours only then). */
  isTTY?: boolean;
}

/** Streams, working directory and environment of one CLI run. */
export interface Io {
  /** Standard output: results (models, reports, JSON). */
  stdout: OutStream;
  /** Standard error: progress, diagnostics, summaries. */
  stderr: OutStream;
  /** Working directory. */
  cwd: string;
  /** Environment (NO_COLOR, SOURCE_DATE_EPOCH…). */
  env: NodeJS.ProcessEnv;
  /** Standard input, read when a command is given `-` for a file. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/** Everything on standard input (empty when there is none). */
export async function readStdin(io: Io): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  if (io.stdin) for await (const c of io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
  return new Uint8Array(Buffer.concat(chunks));
}

/** Whether colour may be used on a stream (a terminal, and NO_COLOR unset: no-color.org). */
export function useColor(stream: OutStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '');
}

/** Exit codes: 0 all good, 1 some file failed (or findings at error level), 2 usage or config error. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
