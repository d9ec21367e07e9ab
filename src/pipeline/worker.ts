/**
 * Worker thread body: converts the files the main thread sends, one at a time, with fonts loaded
 * once for the worker's lifetime. The font files' bytes come from the main thread in shared memory
 * (the first message), so the worker neither reads nor unpacks them. Output bytes are transferred
 * back, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BuildOptions } from '../config/options.ts';
import { adoptFontFiles, type SharedFontFile } from '../fonts/shared-bytes.ts';
import { convertFile, type Converted } from './convert-file.ts';
import { fontsForBuild } from './fonts-for-build.ts';
import { setConversionFolder, setConversionListener } from '../parse/docx/soffice.ts';

/** A task sent to a worker. */
export interface WorkerTask {
  /** Task id, echoed in the reply. */
  id: number;
  /** Absolute input path. */
  input: string;
  /** Input path as shown to the user. */
  display: string;
  /** Build options. */
  options: BuildOptions;
  /** Document date, ms since the epoch. */
  dateMs: number;
}

/** The font bytes the main thread read, sent before any task (fonts/shared-bytes.ts). */
export interface WorkerFonts {
  /** Marks this message. */
  kind: 'fonts';
  /** Files and their SFNT bytes in SharedArrayBuffers. */
  files: SharedFontFile[];
}

/** A worker's reply. */
export type WorkerReply = { id: number; converted: Converted } | { id: number; crash: string };

/**
 * A LibreOffice child started (`dir` set) or ended (`dir` absent) in this worker: the parent keeps
 * the list, because a terminated worker cannot kill its own children or remove their folders.
 */
export interface WorkerChildNotice {
  /** Process group id of the child. */
  child: number;
  /** Its temp folder, while it runs. */
  dir?: string;
}

/** What the main thread hands a worker at start. */
export interface WorkerStart {
  /** The worker's own temp folder (LibreOffice conversions happen inside it), removed by the main thread. */
  conversionFolder: string;
}

if (!parentPort) throw new Error('[pipeline] worker.ts must run in a worker thread');
const port = parentPort;
setConversionFolder((workerData as WorkerStart | undefined)?.conversionFolder);
setConversionListener({
  started: (pid, dir) => port.postMessage({ child: pid, dir } satisfies WorkerChildNotice),
  ended: (pid) => port.postMessage({ child: pid } satisfies WorkerChildNotice),
});
/** Tasks run one after another in arrival order: the pool queues the next while this one runs, and the time and memory bounds name the running one. */
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: WorkerTask | WorkerFonts) => {
  if ('kind' in message) {
    adoptFontFiles(message.files);
    return;
  }
  queue = queue.then(() => run(message));
});

async function run(task: WorkerTask): Promise<void> {
  try {
    const { fontSet } = await fontsForBuild(task.options);
    const converted = await convertFile(task.input, task.display, task.options, fontSet, new Date(task.dateMs));
    // Only a buffer that owns its whole ArrayBuffer may be transferred (pooled Buffers share one).
    for (const [k, b] of Object.entries(converted.outputs)) {
      if (b.byteOffset !== 0 || b.byteLength !== b.buffer.byteLength) converted.outputs[k as keyof Converted['outputs']] = b.slice();
    }
    const transfer = Object.values(converted.outputs).map((b) => b.buffer as ArrayBuffer);
    port.postMessage({ id: task.id, converted } satisfies WorkerReply, transfer);
  } catch (e) {
    port.postMessage({ id: task.id, crash: (e as Error).stack ?? String(e) } satisfies WorkerReply);
  }
}
