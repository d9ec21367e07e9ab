/**
 * A small pool of worker threads for `--jobs N`: each worker converts one file at a time and keeps
 * its fonts loaded between files. Each file runs inside a bound: a worker whose heap outgrows
 * `memoryMb` dies of it, and one that holds a file longer than `timeoutMs` is terminated; either
 * way only that file fails (with a FileBoundError naming the limit) and a fresh worker takes the
 * dead one's place. LibreOffice children a worker started are killed with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SharedFontFile } from '../fonts/shared-bytes.ts';
import type { WorkerFonts, WorkerTask, WorkerReply, WorkerChildNotice, WorkerStart } from './worker.ts';
import type { Converted } from './convert-file.ts';
import { killProcessGroup } from './cleanup.ts';

type Pending = { resolve: (c: Converted) => void; reject: (e: Error) => void; timer?: NodeJS.Timeout };

/** The bound each file runs inside. */
export interface FileBounds {
  /** Largest V8 heap (old generation) of a worker, in MB. */
  memoryMb: number;
  /** Longest time one file may take, in ms. */
  timeoutMs: number;
}

/** Default bounds: far beyond the largest accepted input (a 5 MB speech peaks near 730 MB and 6 s). */
export const DEFAULT_FILE_BOUNDS: FileBounds = { memoryMb: 2048, timeoutMs: 300_000 }; // the same as DEFAULT_FILE_MEMORY_MB, DEFAULT_FILE_TIMEOUT_S

/** Which bound a file broke. */
export type BoundKind = 'memory' | 'time';

/** A file stopped because it broke its bound; the build turns it into that file's finding. */
export class FileBoundError extends Error {
  /** Which limit. */
  readonly kind: BoundKind;
  /** The limit's value (MB or ms). */
  readonly limit: number;
  constructor(kind: BoundKind, limit: number) {
    super(kind === 'memory' ? `memory bound of ${limit} MB exceeded` : `time bound of ${limit} ms exceeded`);
    this.name = 'FileBoundError';
    this.kind = kind;
    this.limit = limit;
  }
}

/** A fixed-size pool running `convertFile` in worker threads. */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<(w: Worker) => void> = [];
  private readonly pending = new Map<number, Pending>();
  private readonly all = new Set<Worker>();
  /** The task id each busy worker holds. */
  private readonly busy = new Map<Worker, number>();
  /** LibreOffice process groups and temp folders each worker has running right now. */
  private readonly children = new Map<Worker, Map<number, string>>();
  /** Each worker's own temp folder, where its conversions make theirs (removed whatever the worker managed to say). */
  private readonly folders = new Map<Worker, string>();
  /** Workers terminated on purpose, with the error their task gets. */
  private readonly stopped = new Map<Worker, Error>();
  private readonly bounds: FileBounds;
  private nextId = 1;
  private closed = false;
  /** Font bytes to hand every worker, replacements included. */
  private fonts: SharedFontFile[] = [];

  constructor(size: number, bounds: Partial<FileBounds> = {}) {
    this.bounds = { ...DEFAULT_FILE_BOUNDS, ...bounds };
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const conversionFolder = mkdtempSync(join(tmpdir(), 'speechdoc-worker-'));
    const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: { conversionFolder } satisfies WorkerStart,
      resourceLimits: { maxOldGenerationSizeMb: this.bounds.memoryMb },
      // The parent's flags minus those only a main script takes (a library caller under
      // `node --input-type=module -e …` would otherwise get workers that fail to start).
      execArgv: process.execArgv.filter((a) => !/^--(input-type|eval|print)\b|^-[ep]$/.test(a)),
    });
    this.all.add(w);
    this.folders.set(w, conversionFolder);
    if (this.fonts.length > 0) w.postMessage({ kind: 'fonts', files: this.fonts } satisfies WorkerFonts);
    this.children.set(w, new Map());
    w.on('message', (reply: WorkerReply | WorkerChildNotice) => {
      if ('child' in reply) {
        const live = this.children.get(w);
        if (reply.dir === undefined) live?.delete(reply.child);
        else live?.set(reply.child, reply.dir);
        return;
      }
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (p?.timer) clearTimeout(p.timer);
      if ('crash' in reply) p?.reject(new Error(reply.crash));
      else p?.resolve(reply.converted);
      this.release(w);
    });
    w.on('error', (e) => {
      // V8 reports a heap over `maxOldGenerationSizeMb` as this error code on the worker.
      const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(w, oom ? new FileBoundError('memory', this.bounds.memoryMb) : e);
    });
    w.on('exit', (code) => {
      const why = this.stopped.get(w);
      if (why) this.fail(w, why);
      else if (!this.closed && code !== 0) this.fail(w, new Error(`worker exited with code ${code}`));
    });
    return w;
  }

  /** A worker died or was stopped: kill what it started, fail its task, put a fresh worker in its place. */
  private fail(w: Worker, e: Error): void {
    if (!this.all.delete(w)) return;
    this.stopped.delete(w);
    this.killChildren(w);
    this.children.delete(w);
    this.removeFolder(w);
    const task = this.busy.get(w);
    this.busy.delete(w);
    if (task !== undefined) {
      const p = this.pending.get(task);
      if (p?.timer) clearTimeout(p.timer);
      p?.reject(e);
      this.pending.delete(task);
    }
    if (!this.closed) this.release(this.spawn());
  }

  private killChildren(w: Worker): void {
    for (const [pid, dir] of this.children.get(w) ?? []) {
      killProcessGroup(pid);
      rmSync(dir, { recursive: true, force: true });
    }
    this.children.get(w)?.clear();
  }

  private removeFolder(w: Worker): void {
    const dir = this.folders.get(w);
    if (dir) rmSync(dir, { recursive: true, force: true });
    this.folders.delete(w);
  }

  /** Kill every LibreOffice child of every worker and remove the workers' temp folders; synchronous, for signal handlers. */
  killAllChildren(): void {
    for (const w of this.all) this.killChildren(w);
    for (const w of [...this.folders.keys()]) this.removeFolder(w);
  }

  private release(w: Worker): void {
    this.busy.delete(w);
    if (!this.all.has(w)) return;
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

  /** Convert one file in some worker, inside the pool's bounds. */
  async run(task: Omit<WorkerTask, 'id'>): Promise<Converted> {
    const w = await this.acquire();
    const id = this.nextId++;
    this.busy.set(w, id);
    return new Promise<Converted>((resolve, reject) => {
      const timer = setTimeout(() => {
        // Terminating stops even synchronous work; the exit handler fails the task with this error.
        this.stopped.set(w, new FileBoundError('time', this.bounds.timeoutMs));
        void w.terminate();
      }, this.bounds.timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
      w.postMessage({ ...task, id } satisfies WorkerTask);
    });
  }

  /** Stop every worker (and what they started). */
  async close(): Promise<void> {
    this.closed = true;
    this.killAllChildren();
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
    await Promise.all([...this.all].map((w) => w.terminate()));
  }
}
