/**
 * The server's render workers: a fixed number of threads, each doing one task at a time, tasks
 * queued in arrival order. A task whose request was abandoned (the clerk typed on, the tab closed)
 * is dropped before it starts, never killed while running (that would cost a worker its fonts).
 * A crashed worker fails only its task and is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { RenderTasks, TaskKind, TaskMessage, TaskReply } from './render-tasks.ts';

/** A task abandoned before it started. */
export class TaskAbandoned extends Error {
  constructor() {
    super('task abandoned before it started');
    this.name = 'TaskAbandoned';
  }
}

interface Queued {
  message: Omit<TaskMessage, 'id'>;
  signal?: AbortSignal;
  background: boolean;
  resolve(answer: unknown): void;
  reject(e: Error): void;
}

/** A pool of render workers. */
export class RenderPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Queued[] = [];
  private readonly running = new Map<Worker, { id: number; task: Queued }>();
  private nextId = 1;
  private closed = false;

  /** Start `size` workers. */
  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    // From the sources: serve-worker.mjs beside this file (registers tsx); from the bundle in dist/:
    // the bundled serve-worker.mjs beside the chunk holding this code (scripts/bundle.mjs).
    const w = new Worker(new URL('./serve-worker.mjs', import.meta.url));
    w.on('message', (reply: TaskReply) => {
      const held = this.running.get(w);
      this.running.delete(w);
      if (held && held.id === reply.id) {
        if ('crash' in reply) held.task.reject(new Error(reply.crash));
        else held.task.resolve(reply.answer);
      }
      this.idle.push(w);
      this.pump();
    });
    w.on('error', (e) => this.lost(w, e));
    w.on('exit', (code) => {
      if (!this.closed) this.lost(w, new Error(`render worker exited with code ${code}`));
    });
    return w;
  }

  /** A worker died: fail its task, start another in its place. */
  private lost(w: Worker, e: Error): void {
    const held = this.running.get(w);
    this.running.delete(w);
    const at = this.idle.indexOf(w);
    if (at >= 0) this.idle.splice(at, 1);
    held?.task.reject(e);
    if (!this.closed) {
      this.idle.push(this.spawn());
      this.pump();
    }
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const task = this.queue.shift()!;
      if (task.signal?.aborted) {
        task.reject(new TaskAbandoned());
        continue;
      }
      const w = this.idle.pop()!;
      const id = this.nextId++;
      this.running.set(w, { id, task });
      w.postMessage({ ...task.message, id });
    }
  }

  /**
   * Run a task in the next free worker. Rejects with TaskAbandoned if `signal` aborts before it
   * starts. Background tasks (a batch's files) wait behind every other task, so a big batch never
   * holds up someone typing: a preview takes the next worker that frees up.
   */
  run<K extends TaskKind>(
    kind: K,
    payload: RenderTasks[K]['payload'],
    options: { signal?: AbortSignal; background?: boolean } = {},
  ): Promise<RenderTasks[K]['answer']> {
    if (this.closed) return Promise.reject(new Error('[serve] the render pool is closed'));
    return new Promise((resolve, reject) => {
      const task: Queued = { message: { kind, payload }, signal: options.signal, background: options.background ?? false, resolve: resolve as (a: unknown) => void, reject };
      const firstBackground = task.background ? -1 : this.queue.findIndex((t) => t.background);
      if (firstBackground < 0) this.queue.push(task);
      else this.queue.splice(firstBackground, 0, task);
      this.pump();
    });
  }

  /** Tasks waiting for a worker. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Stop every worker; queued tasks fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error('[serve] the server is stopping'));
    const all = [...this.idle, ...this.running.keys()];
    for (const { task } of this.running.values()) task.reject(new Error('[serve] the server is stopping'));
    this.running.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}
