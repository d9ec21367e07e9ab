/**
 * A small pool of worker threads for `--jobs N`: each worker converts one file at a time and keeps
 * its fonts loaded between files. Each file runs inside a bound: a worker whose heap outgrows
 * `memoryMb` dies of it, and one that holds a file longer than `timeoutMs` is terminated; either
 * way only that file fails (with a FileBoundError naming the limit) and a fresh worker takes the
 * dead one's place. LibreOffice children a worker started are killed with it.
 *
 * Each worker holds up to QUEUE_DEPTH tasks: the one it runs and the next. The main thread is a lane
 * of its own and converts files synchronously, so a worker that had to wait for the main thread to
 * hear its reply before it got the next file sat idle for as long as the main thread's file took
 * (1.3 of 4.2 s in a two-lane corpus batch). A queued task that never started when its worker died
 * goes to the fresh worker instead of failing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SharedFontFile } from '../fonts/shared-bytes.ts';
import type { WorkerFonts, WorkerTask, WorkerReply, WorkerChildNotice, WorkerStart } from './worker.ts';
import type { Converted } from './convert-file.ts';
import { killProcessGroup } from './cleanup.ts';

type Pending = {
  /** The task as sent (sent again to a fresh worker if its worker dies before starting it). */
  task: WorkerTask;
  resolve: (c: Converted) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
};

/** Tasks a worker holds at once: the running one and the next, so it never waits on the main thread. */
const QUEUE_DEPTH = 2;

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
  /** Tasks no worker has room for yet, in order. */
  private readonly waiting: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly all = new Set<Worker>();
  /** The task ids each worker holds, in the order it runs them: the first is running. */
  private readonly held = new Map<Worker, number[]>();
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
    for (let i = 0; i < size; i++) this.spawn();
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
    this.held.set(w, []);
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
      const held = this.held.get(w);
      if (held?.[0] === reply.id) held.shift();
      // The worker went on with its next task when it sent this reply; its time bound starts as this
      // thread hears of it (late by at most the file the main thread is converting, seconds against 300 s).
      if (held?.length) this.startTimer(w, held[0]!);
      if ('crash' in reply) p?.reject(new Error(reply.crash));
      else p?.resolve(reply.converted);
      this.dispatch();
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
    const [running, ...queued] = this.held.get(w) ?? [];
    this.held.delete(w);
    if (running !== undefined) {
      const p = this.pending.get(running);
      if (p?.timer) clearTimeout(p.timer);
      p?.reject(e);
      this.pending.delete(running);
    }
    if (this.closed) return;
    // Tasks the dead worker had not started go first to its replacement.
    this.waiting.unshift(...queued);
    this.spawn();
    this.dispatch();
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

  /** Hand waiting tasks to the workers with room, the least loaded first. */
  private dispatch(): void {
    while (this.waiting.length > 0) {
      let best: Worker | undefined;
      for (const w of this.all) {
        const n = this.held.get(w)!.length;
        if (n < QUEUE_DEPTH && (best === undefined || n < this.held.get(best)!.length)) best = w;
      }
      if (!best) return;
      const id = this.waiting.shift()!;
      const p = this.pending.get(id);
      if (!p) continue;
      const held = this.held.get(best)!;
      held.push(id);
      if (held.length === 1) this.startTimer(best, id);
      best.postMessage(p.task satisfies WorkerTask);
    }
  }

  /** The time bound of the task a worker is now running. */
  private startTimer(w: Worker, id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    p.timer = setTimeout(() => {
      // Terminating stops even synchronous work; the exit handler fails the task with this error.
      this.stopped.set(w, new FileBoundError('time', this.bounds.timeoutMs));
      void w.terminate();
    }, this.bounds.timeoutMs);
    p.timer.unref();
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
  run(task: Omit<WorkerTask, 'id'>): Promise<Converted> {
    const id = this.nextId++;
    return new Promise<Converted>((resolve, reject) => {
      this.pending.set(id, { task: { ...task, id }, resolve, reject });
      this.waiting.push(id);
      this.dispatch();
    });
  }

  /** Tasks the workers can hold at once (callers keep this many in flight to keep every worker busy). */
  get capacity(): number {
    return this.all.size * QUEUE_DEPTH;
  }

  /** Stop every worker (and what they started). */
  async close(): Promise<void> {
    this.closed = true;
    this.killAllChildren();
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
    await Promise.all([...this.all].map((w) => w.terminate()));
  }
}
