/**
 * The parse-ahead thread's body (parse-ahead.ts): reads and parses, in order, the files the main
 * thread will convert, and posts each result back as it is made. It keeps at most `ahead` files
 * ahead of the main lane, since each result waits in the main thread's memory until taken (an
 * archive of a thousand small files would otherwise all be held parsed). Before each file it lets
 * the messages in, so a file the main thread has begun itself is passed over.
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
  /** How many files the thread may be ahead of the main lane's takes. */
  ahead: number;
}

/** The main lane has begun a file: with the result made here (`own: false`) or by itself, which is then passed over here. */
export interface ParseAheadTook {
  /** Its input path. */
  took: string;
  /** Whether the main thread reads and parses it itself. */
  own: boolean;
}

/** One file read and parsed. */
export interface ParseAheadReply {
  /** Its input path. */
  input: string;
  /** What readSource made of it. */
  read: SourceRead;
}

if (!parentPort) throw new Error('[pipeline] parse-worker.ts must run in a worker thread');
const port = parentPort;
/** Files the main thread does itself. */
const skipped = new Set<string>();
/** Files the main lane has begun. */
let took = 0;
/** Wakes the loop when the main lane begins a file. */
let wake: (() => void) | undefined;
port.on('message', (message: ParseAheadTasks | ParseAheadTook) => {
  if ('took' in message) {
    took++;
    if (message.own) skipped.add(message.took);
    wake?.();
  } else void parseAll(message);
});

async function parseAll({ files, options, ahead }: ParseAheadTasks): Promise<void> {
  for (let k = 0; k < files.length; k++) {
    const { input, display } = files[k]!;
    await new Promise<void>((next) => setImmediate(next));
    while (k >= took + ahead && !skipped.has(input)) await new Promise<void>((next) => (wake = next));
    if (skipped.has(input)) continue;
    try {
      port.postMessage({ input, read: await readSource(input, display, options) } satisfies ParseAheadReply);
    } catch {
      // A bug of ours in reading or parsing: nothing is sent, so the main thread does the file itself
      // and reports the error where it reports every file's.
    }
  }
  port.close();
}
