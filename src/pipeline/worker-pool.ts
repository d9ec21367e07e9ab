/**
 * A small pool of worker threads for `--jobs N`: each worker converts one file at a time and keeps
 * its fonts loaded between files. A crashed worker fails only the file it held and is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { SharedFontFile } from '../fonts/shared-bytes.ts';
import type { WorkerFonts, WorkerTask, WorkerReply } from './worker.ts';
import type { Converted } from './convert-file.ts';

type Pending = { resolve: (c: Converted) => void; reject: (e: Error) => void };

/** A fixed-size pool running `convertFile` in worker threads. */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<(w: Worker) => void> = [];
  private readonly pending = new Map<number, Pending>();
  private readonly all = new Set<Worker>();
  /** The task id each busy worker holds. */
  private readonly busy = new Map<Worker, number>();
  private nextId = 1;
  private closed = false;
  /** Font bytes to hand every worker, replacements included. */
  private fonts: SharedFontFile[] = [];

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./worker-boot.mjs', import.meta.url));
    this.all.add(w);
    if (this.fonts.length > 0) w.postMessage({ kind: 'fonts', files: this.fonts } satisfies WorkerFonts);
    w.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('crash' in reply) p?.reject(new Error(reply.crash));
      else p?.resolve(reply.converted);
      this.release(w);
    });
    w.on('error', (e) => this.fail(w, e));
    w.on('exit', (code) => {
      if (!this.closed && code !== 0) this.fail(w, new Error(`worker exited with code ${code}`));
    });
    return w;
  }

  /** A worker died: fail its task and put a fresh worker in its place. */
  private fail(w: Worker, e: Error): void {
    this.all.delete(w);
    const task = this.busy.get(w);
    this.busy.delete(w);
    if (task !== undefined) {
      this.pending.get(task)?.reject(e);
      this.pending.delete(task);
    }
    if (!this.closed) this.release(this.spawn());
  }

  private release(w: Worker): void {
    this.busy.delete(w);
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  private acquire(): Promise<Worker> {
    const w = this.idle.pop();
    return w ? Promise.resolve(w) : new Promise((r) => this.waiting.push(r));
  }

  /**
   * Hand the workers the font bytes the main thread has read (shared memory, not copied), so they
   * skip reading and unpacking them. Messages arrive in order: before any task sent after this.
   */
  shareFonts(files: SharedFontFile[]): void {
    this.fonts = files;
    for (const w of this.all) w.postMessage({ kind: 'fonts', files } satisfies WorkerFonts);
  }

  /** Convert one file in some worker. */
  async run(task: Omit<WorkerTask, 'id'>): Promise<Converted> {
    const w = await this.acquire();
    const id = this.nextId++;
    this.busy.set(w, id);
    return new Promise<Converted>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ ...task, id } satisfies WorkerTask);
    });
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.all].map((w) => w.terminate()));
  }
}
