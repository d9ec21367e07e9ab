/**
 * Parsing ahead on the core the main lane leaves idle. On a machine where the batch runs as one
 * lane (2 cores: the main thread, with the deflate helper and V8's compiler and collector on the
 * other core), the main thread read and parsed every file itself, ~14 % of its time in a corpus
 * batch. A worker thread, which loads only the readers and parsers, does that for the files after
 * the first few, while the main thread styles, lays out and draws; the main thread takes a result
 * when it is there and otherwise parses the file itself (telling the thread to pass it over), so it
 * never waits for the thread. The result is the same object either way (readSource, structured
 * clone), so nothing the user gets depends on which thread parsed a file.
 */
import { Worker } from 'node:worker_threads';
import type { BuildOptions } from '../config/options.ts';
import type { SourceRead } from './read-source.ts';
import type { ParseAheadReply, ParseAheadTasks, ParseAheadTook } from './parse-worker.ts';

/** The parse-ahead thread's heap: light files only (≤ 256 KB each), one at a time. */
const LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

/**
 * Files the thread may be ahead of the main lane: its results wait in the main thread's memory.
 * The thread is faster than the lane (it only parses), so a few are always ready.
 */
const AHEAD = 4;

/** Files read and parsed ahead of the main lane, on a worker thread. */
export class ParseAhead {
  /** Results that came back and were not taken yet. */
  private readonly ready = new Map<string, SourceRead>();
  /** Files the main lane began itself: a result the thread was already making for one is dropped. */
  private readonly own = new Set<string>();
  private worker: Worker | undefined;

  /** Start parsing `files` (in the order the main lane takes them); without a thread (it could not start) every take is undefined. */
  constructor(files: { input: string; display: string }[], options: BuildOptions) {
    try {
      // From the sources: parse-ahead-boot.mjs beside this file (registers tsx); from the bundle in
      // dist/: the bundled parse-worker.ts under that name (scripts/bundle.mjs).
      this.worker = new Worker(new URL('./parse-ahead-boot.mjs', import.meta.url), { resourceLimits: LIMITS });
    } catch {
      return;
    }
    const w = this.worker;
    w.on('message', (reply: ParseAheadReply) => {
      if (!this.own.has(reply.input)) this.ready.set(reply.input, reply.read);
    });
    // A thread that failed leaves the files to the main thread, which parses whatever is not ready.
    w.on('error', () => this.close());
    w.unref();
    w.postMessage({ files, options, ahead: AHEAD } satisfies ParseAheadTasks);
  }

  /**
   * The main lane begins `input`: the file read and parsed, if the thread has done it; otherwise
   * undefined, and the thread passes it over. Either way the thread may go one file further.
   */
  take(input: string): SourceRead | undefined {
    const read = this.ready.get(input);
    if (read) this.ready.delete(input);
    else this.own.add(input);
    this.worker?.postMessage({ took: input, own: !read } satisfies ParseAheadTook);
    return read;
  }

  /** Stop the thread (whatever it still has is not needed). */
  close(): void {
    const w = this.worker;
    this.worker = undefined;
    this.ready.clear();
    this.own.clear();
    void w?.terminate();
  }
}
