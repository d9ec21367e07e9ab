/**
 * DEFLATE off the main thread, for both outputs' streams (the PDF's page contents and font
 * subsets, the Word package's parts). zlib was ~11 % of a corpus batch's main-thread time; one
 * helper thread takes it to the other core while the main thread lays out and draws on.
 *
 * One worker thread running zlib's synchronous deflate, not zlib's own async API: that one goes
 * through libuv's pool with a stream per call and cost 50 % more CPU than the work itself over the
 * corpus's ~1,000 streams (measured: 506 against 337 ms), where a message each way cost the main
 * thread ~30 ms in all. The bytes are zlib's for the same input and level either way, so where the
 * deflate runs never changes a file.
 *
 * The helper runs only where it was started (`startDeflateHelper`): the batch build starts it on
 * the main thread when that thread has several files to build. One file alone has nothing to do
 * while its streams deflate, and starting the thread (~40 ms of CPU) cost a cold build more than the
 * deflate it took over. Code in a worker (a `--jobs` lane, the web page's renderers) runs beside
 * other lanes that fill the cores, and deflates in place; so does everything when the helper cannot
 * start or has died.
 */
import { Worker, isMainThread } from 'node:worker_threads';
import { deflateRawSync, deflateSync } from 'node:zlib';

/** Deflate (zlib format, as PDF's /FlateDecode wants) or raw DEFLATE (ZIP's method 8). */
export type DeflateFormat = 'zlib' | 'raw';

/** The helper's whole program: CommonJS, node built-ins only, so it needs no file beside the bundle. */
const HELPER = `
const { parentPort } = require('node:worker_threads');
const { deflateSync, deflateRawSync } = require('node:zlib');
parentPort.on('message', (batch) => {
  const outs = [];
  const errors = [];
  const moved = [];
  for (const { data, level, raw } of batch) {
    try {
      const packed = (raw ? deflateRawSync : deflateSync)(data, { level });
      // zlib's result is often a view into its larger output buffer: then an exact copy goes back.
      const out = packed.byteOffset === 0 && packed.byteLength === packed.buffer.byteLength ? packed : new Uint8Array(packed);
      outs.push(out);
      errors.push(undefined);
      moved.push(out.buffer);
    } catch (e) {
      outs.push(undefined);
      errors.push(String((e && e.message) || e));
    }
    // The input goes back too: this thread's heap is tiny and would collect it (and its external
    // memory) only after tens of MB, where the main thread's frequent young collections free it soon.
    moved.push(data.buffer);
  }
  parentPort.postMessage({ outs, errors, inputs: batch.map((r) => r.data) }, moved);
});`;

/** The helper's answer to one batch, in the batch's order. */
interface Reply {
  /** Each stream deflated, or undefined where it failed. */
  outs: (Uint8Array | undefined)[];
  /** Why each failed, or undefined. */
  errors: (string | undefined)[];
}

/** A caller waiting for its stream, with the bytes as it gave them (deflated here if the helper is lost). */
type Waiting = { resolve: (b: Uint8Array) => void; reject: (e: Error) => void; data: Uint8Array; level: number; format: DeflateFormat };

/**
 * Requests go in batches: a message costs the main thread ~50–90 µs, and a corpus batch has ~1,000
 * streams. A batch is sent once it holds BATCH_BYTES or when the current task ends, so a document's
 * pages still start deflating while later pages are being drawn.
 */
const BATCH_BYTES = 256 * 1024;

/**
 * The helper's heap. It holds nothing between batches; a small young generation makes it collect
 * the buffers it is done with soon (~15 MB less peak RSS over the corpus batch). A helper that
 * outgrows them is lost, and deflate goes on here.
 */
const HELPER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 64 };

let helper: Worker | undefined;
/** The helper cannot be used (not the main thread, or it failed to start or died): deflate runs in place. */
let unusable = !isMainThread;
/** Batches sent and not yet answered, in order (the helper answers in order). */
const sent: Waiting[][] = [];
/** The batch being gathered: its callers and their bytes in all. */
let gathering: { waiting: Waiting[]; bytes: number } | undefined;

/**
 * Start the helper thread (on the main thread only; elsewhere nothing happens), so later deflates
 * run there. It is ready ~25 ms later, on its own core; requests made before wait in its queue.
 */
export function startDeflateHelper(): void {
  if (unusable || helper) return;
  try {
    helper = new Worker(HELPER, { eval: true, resourceLimits: HELPER_LIMITS });
  } catch {
    unusable = true;
    return;
  }
  helper.on('message', ({ outs, errors }: Reply) => {
    const waiting = sent.shift() ?? [];
    // Idle, it must not keep the process alive; while a deflate is pending it must (see send).
    if (sent.length === 0) helper?.unref();
    waiting.forEach((w, i) => (outs[i] ? w.resolve(outs[i]) : w.reject(new Error(errors[i] ?? 'deflate failed'))));
  });
  // Lost (it crashed or ran out of memory): what it still owed is deflated here, and so is all that follows.
  const lost = () => {
    unusable = true;
    helper = undefined;
    for (const w of sent.flat()) settleInPlace(w);
    sent.length = 0;
  };
  helper.on('error', lost);
  helper.on('exit', lost);
  helper.unref();
}

/** Stop the helper (a library caller's tidy exit, the tests) once it has answered; later deflates run in place until it is started again. */
export async function stopDeflateHelper(): Promise<void> {
  send();
  const w = helper;
  if (!w) return;
  // Each answer (or the helper's end, which settles what it owed in place) lets the loop look again.
  while (sent.length > 0) {
    await new Promise<void>((next) => {
      w.once('message', () => setImmediate(next));
      w.once('exit', () => next());
    });
  }
  helper = undefined;
  w.removeAllListeners();
  await w.terminate();
}

/** Send the batch being gathered. */
function send(): void {
  const batch = gathering;
  gathering = undefined;
  if (!batch) return;
  const w = helper;
  if (!w) {
    // The helper was lost since the batch began.
    batch.waiting.forEach(settleInPlace);
    return;
  }
  sent.push(batch.waiting);
  w.ref();
  // Copies of their own to transfer: a caller's bytes may share a buffer (Buffer's pool) with others.
  const requests = batch.waiting.map((r) => ({ data: new Uint8Array(r.data), level: r.level, raw: r.format === 'raw' }));
  w.postMessage(requests, requests.map((r) => r.data.buffer));
}

/**
 * `data` deflated at zlib `level`: later, on the helper thread, when it runs; now, on this one, when
 * not. A copy is sent, so `data` is never taken; it must stay unchanged until the answer comes (the
 * copy is made when the batch goes, and if the helper is lost meanwhile, `data` is deflated here).
 */
export function deflateStream(data: Uint8Array, level: number, format: DeflateFormat = 'zlib'): Uint8Array | Promise<Uint8Array> {
  if (!helper) return deflateInPlace(data, level, format);
  return new Promise((resolve, reject) => {
    if (!gathering) {
      gathering = { waiting: [], bytes: 0 };
      queueMicrotask(send);
    }
    gathering.waiting.push({ resolve, reject, data, level, format });
    gathering.bytes += data.length;
    if (gathering.bytes >= BATCH_BYTES) send();
  });
}

/** Answer a waiting caller from this thread. */
function settleInPlace(w: Waiting): void {
  try {
    w.resolve(deflateInPlace(w.data, w.level, w.format));
  } catch (e) {
    w.reject(e as Error);
  }
}

/** The same bytes on this thread. */
export function deflateInPlace(data: Uint8Array, level: number, format: DeflateFormat = 'zlib'): Uint8Array {
  const packed = (format === 'raw' ? deflateRawSync : deflateSync)(data, { level });
  return new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength);
}
