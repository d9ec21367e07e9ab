/**
 * The parse-ahead thread's body (parse-ahead.ts): reads and parses, in order, the files the main
 * thread will convert, and posts each result back as it is made. Before each file it lets the
 * messages in, so a file the main thread has begun itself (`skip`) is passed over.
 */
import { parentPort } from 'node:worker_threads';
import type { BuildOptions } from '../config/options.ts';
import { readSource, type SourceRead } from './read-source.ts';

/** The files to parse ahead, sent once. */
export interface ParseAheadTasks {
  /** Input paths (absolute) and as shown, in the order the main thread will take them. */
  files: { input: string; display: string }[];
  /** The build's options. */
  options: BuildOptions;
}

/** A file the main thread has begun itself. */
export interface ParseAheadSkip {
  /** Its input path. */
  skip: string;
}

/** One file read and parsed, or the error that stopped it (the main thread then parses it itself). */
export type ParseAheadReply = { input: string; read: SourceRead } | { input: string; crash: string };

if (!parentPort) throw new Error('[pipeline] parse-worker.ts must run in a worker thread');
const port = parentPort;
const skipped = new Set<string>();
port.on('message', (message: ParseAheadTasks | ParseAheadSkip) => {
  if ('skip' in message) skipped.add(message.skip);
  else void parseAll(message);
});

async function parseAll({ files, options }: ParseAheadTasks): Promise<void> {
  for (const { input, display } of files) {
    await new Promise<void>((next) => setImmediate(next));
    if (skipped.has(input)) continue;
    try {
      port.postMessage({ input, read: await readSource(input, display, options) } satisfies ParseAheadReply);
    } catch (e) {
      port.postMessage({ input, crash: String((e as Error).message) } satisfies ParseAheadReply);
    }
  }
  port.close();
}
