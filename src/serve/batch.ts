/**
 * Batches: several manuscripts (or zips of them) built at once, as `build` builds them — the same
 * `convertFile` with the same options, in the render workers — and returned as one zip of the
 * PDFs, the DOCX files and the JSON report. The page polls a batch's progress by its id (random,
 * so one user cannot fetch another's results); a finished zip is kept for a while, then dropped.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { BuildOptions } from '../config/options.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FileTimings } from '../pipeline/convert-file.ts';
import { sourceDate } from '../pipeline/source-date.ts';
import type { RenderPool } from './render-pool.ts';
import type { TempFolders } from './temp-folders.ts';
import type { Upload } from './uploads.ts';
import { BATCH_KEEP_MS, MAX_BATCHES } from './limits.ts';

/** One file of a batch, as the report and the page show it. */
export interface BatchFile {
  /** Its (safe) name. */
  input: string;
  /** Waiting, being built, or its outcome (`build`'s statuses). */
  status: 'waiting' | 'building' | 'ok' | 'warnings' | 'failed';
  /** Files written into the zip. */
  outputs: string[];
  /** PDF pages. */
  pages: number;
  /** Findings. */
  diagnostics: Diagnostic[];
  /** Timings in ms. */
  timings?: FileTimings;
}

/** A batch's state, as `GET /api/batch/:id` returns it. */
export interface BatchState {
  /** Its id. */
  id: string;
  /** Files in it. */
  total: number;
  /** Files finished (built or failed). */
  done: number;
  /** Whether the zip is ready. */
  finished: boolean;
  /** The files. */
  files: BatchFile[];
}

interface Job {
  state: BatchState;
  zip?: Uint8Array;
  timer?: NodeJS.Timeout;
}

/** The batches of one server. */
export class Batches {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly pool: RenderPool,
    private readonly temp: TempFolders,
    private readonly options: () => Promise<{ options: BuildOptions; fonts: string[] }>,
  ) {}

  /** Whether another batch may start now. */
  get full(): boolean {
    return [...this.jobs.values()].filter((j) => !j.state.finished).length >= MAX_BATCHES;
  }

  /** Start a batch; returns its id at once. `problems` are findings about the upload itself (a damaged zip). */
  start(files: Upload[], problems: Diagnostic[], overrides: Partial<BuildOptions>): string {
    const id = randomUUID();
    const state: BatchState = {
      id,
      total: files.length + problems.length,
      done: problems.length,
      finished: false,
      files: [
        ...problems.map((d): BatchFile => ({ input: d.file ?? '', status: 'failed', outputs: [], pages: 0, diagnostics: [d] })),
        ...files.map((f): BatchFile => ({ input: f.name, status: 'waiting', outputs: [], pages: 0, diagnostics: [] })),
      ],
    };
    const job: Job = { state };
    this.jobs.set(id, job);
    void this.run(job, files, overrides).catch((e: Error) => {
      for (const f of state.files) {
        if (f.status === 'waiting' || f.status === 'building') {
          f.status = 'failed';
          f.diagnostics.push({ severity: 'error', ruleId: 'build/failed', message: `内部错误：${e.message.split('\n')[0]}`, file: f.input });
        }
      }
      state.done = state.total;
      state.finished = true;
    });
    return id;
  }

  /** A batch's state, or undefined for an unknown (or expired) id. */
  state(id: string): BatchState | undefined {
    return this.jobs.get(id)?.state;
  }

  /** A finished batch's zip. */
  zip(id: string): Uint8Array | undefined {
    return this.jobs.get(id)?.zip;
  }

  private async run(job: Job, files: Upload[], overrides: Partial<BuildOptions>): Promise<void> {
    const { options: base, fonts } = await this.options();
    const options: BuildOptions = { ...base, ...overrides };
    const date = sourceDate();
    const t0 = performance.now();
    const zip: Zippable = {};
    const entryTime = { mtime: date };
    const offset = job.state.files.length - files.length;
    await this.temp.with(async (dir) => {
      await Promise.all(
        files.map(async (f, i) => {
          const entry = job.state.files[offset + i]!;
          // Inputs get made-up names in the private folder; the user's name is only the display name.
          const input = join(dir, `${i}${extension(f.name)}`);
          await writeFile(input, f.bytes);
          entry.status = 'building';
          try {
            const c = await this.pool.run('convert', { input, display: f.name, options, dateMs: date.getTime() }, { background: true });
            const stem = f.name.replace(/\.[^.]*$/, '');
            for (const format of options.format) {
              const bytes = c.outputs[format];
              if (!bytes) continue;
              zip[`${stem}.${format}`] = [bytes, entryTime];
              entry.outputs.push(`${stem}.${format}`);
            }
            const warned = c.diagnostics.some((d) => d.severity === 'warning');
            entry.status = c.failed ? 'failed' : warned ? 'warnings' : 'ok';
            entry.pages = c.pages;
            entry.diagnostics = c.diagnostics;
            entry.timings = c.timings;
          } catch (e) {
            entry.status = 'failed';
            entry.diagnostics = [{ severity: 'error', ruleId: 'build/failed', message: `内部错误：${(e as Error).message.split('\n')[0]}`, file: f.name }];
          }
          job.state.done++;
        }),
      );
    });
    // The report has the shape `build --report` writes.
    const report = {
      tool: 'speechdoc',
      preset: options.preset,
      formats: options.format,
      fonts,
      ms: Math.round(performance.now() - t0),
      files: job.state.files.map((f) => ({
        input: f.input,
        status: f.status,
        outputs: f.outputs,
        pages: f.pages,
        diagnostics: f.diagnostics,
        timings: Object.fromEntries(Object.entries(f.timings ?? {}).map(([k, v]) => [k, Math.round(v * 10) / 10])),
      })),
    };
    zip['report.json'] = [new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`), entryTime];
    job.zip = zipSync(zip, { level: 6 });
    job.state.finished = true;
    job.timer = setTimeout(() => this.jobs.delete(job.state.id), BATCH_KEEP_MS);
    job.timer.unref();
  }

  /** Forget every batch (the server is stopping). */
  clear(): void {
    for (const j of this.jobs.values()) clearTimeout(j.timer);
    this.jobs.clear();
  }
}

function extension(name: string): string {
  const m = /\.[A-Za-z0-9]{1,10}$/.exec(name);
  return m ? m[0].toLowerCase() : '';
}
