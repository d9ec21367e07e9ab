/**
 * The batch build: inputs → jobs → convert (in-process or in worker threads) → atomic writes →
 * a summary. One bad file never stops the others; nothing half-written is ever left behind.
 */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { BuildOptions, OutputFormat } from '../config/options.ts';
import { collectInputs, displayPath, type InputJob, type InputProblem } from './collect-inputs.ts';
import { convertFile, type Converted, type FileTimings } from './convert-file.ts';
import { fontsForBuild } from './fonts-for-build.ts';
import { WorkerPool } from './worker-pool.ts';
import { writeFileAtomic, sweepStaleTemps } from './atomic-write.ts';
import { sourceDate } from './source-date.ts';
import { indexHtml, type Thumbnail } from './index-html.ts';

/** Outcome of one file. */
export interface FileResult {
  /** Input path as shown to the user. */
  input: string;
  /** 'ok', 'warnings' (built, with warnings) or 'failed' (nothing written). */
  status: 'ok' | 'warnings' | 'failed';
  /** Output files written, as shown to the user. */
  outputs: string[];
  /** PDF pages. */
  pages: number;
  /** Findings for this file. */
  diagnostics: Diagnostic[];
  /** Timings in ms. */
  timings: FileTimings;
  /** The structure found (`标题 2 行 · 副题 · 讲话人 · …`), echoed so the writer can check it. */
  structure?: string;
}

/** Outcome of a build. */
export interface BuildSummary {
  /** Per-file results, in input order. */
  files: FileResult[];
  /** Problems with the arguments themselves (no such file, pattern matched nothing). */
  usageProblems: InputProblem[];
  /** Which faces the build used, one line per role. */
  fonts: string[];
  /** Total wall time in ms. */
  ms: number;
  /** Whether the build was interrupted. */
  interrupted: boolean;
}

/** Progress callbacks for a build (the CLI draws a bar from these). */
export interface BuildHooks {
  /** Called once the jobs are known. */
  onStart?(total: number, fonts: string[]): void;
  /** Called when a file starts. */
  onFileStart?(input: string): void;
  /** Called when a file is done. */
  onFileDone?(result: FileResult): void;
  /** Working directory for relative paths (default: process.cwd()). */
  cwd?: string;
  /** Build only these inputs (absolute paths) of the ones the options name: watch mode's rebuilds. */
  only?: Set<string>;
  /** Aborts the build between files (Ctrl-C). */
  signal?: AbortSignal;
}

/** Run a batch build. Never throws for bad input files. */
export async function build(options: BuildOptions, hooks: BuildHooks = {}): Promise<BuildSummary> {
  const t0 = performance.now();
  const cwd = hooks.cwd ?? process.cwd();
  const out = resolve(cwd, options.out);
  const collected = collectInputs(options.inputs, cwd, out);
  const jobs = hooks.only ? collected.jobs.filter((j) => hooks.only!.has(j.input)) : collected.jobs;
  const problems = hooks.only ? [] : collected.problems;
  const usageProblems = problems.filter((p) => p.usage);
  const files: FileResult[] = problems.filter((p) => !p.usage).map((p) => failedResult(p.display, p.message));
  await sweepStaleTemps(out);

  const { fontSet, diagnostics: fontDiagnostics } = await fontsForBuild(options);
  const fonts = [...fontSet.describe(), ...fontDiagnostics.map((d) => `${d.severity}: ${d.message}`)];
  hooks.onStart?.(jobs.length + files.length, fonts);
  for (const f of files) hooks.onFileDone?.(f);

  const date = sourceDate();
  const lanes = Math.max(1, Math.min(options.jobs || autoLanes(jobs), jobs.length));
  // The main thread is one of the lanes: its fonts are loaded already, so it starts at once while
  // the workers load theirs (a batch of a few files is otherwise slower with more jobs).
  const pool = lanes > 1 ? new WorkerPool(lanes - 1) : undefined;
  let interrupted = false;
  try {
    const inProcess = (job: InputJob) => convertFile(job.input, job.display, options, fontSet, date);
    const inWorker = (job: InputJob) => pool!.run({ input: job.input, display: job.display, options, dateMs: date.getTime() });
    const thumbnails = new Map<string, Thumbnail>();
    let next = 0;
    const results: Array<FileResult | undefined> = new Array(jobs.length);
    const lane = async (convert: (job: InputJob) => Promise<Converted>) => {
      while (next < jobs.length) {
        if (hooks.signal?.aborted) {
          interrupted = true;
          return;
        }
        const i = next++;
        const job = jobs[i]!;
        hooks.onFileStart?.(job.display);
        const result = await runJob(job, convert, options.format, cwd, thumbnails);
        if (hooks.signal?.aborted) interrupted = true;
        results[i] = result;
        hooks.onFileDone?.(result);
      }
    };
    await Promise.all(Array.from({ length: lanes }, (_, i) => lane(i === 0 ? inProcess : inWorker)));
    files.push(...results.filter((r): r is FileResult => r !== undefined));
    // The batch at a glance; a watch-mode rebuild of some files leaves the full index as it was.
    if (!hooks.only && !interrupted && files.length) {
      const entries = files.map((f) => ({ ...f, thumbnail: thumbnails.get(f.input) }));
      await writeFileAtomic(resolve(out, 'index.html'), new TextEncoder().encode(indexHtml(entries, fontSet, out, cwd)));
    }
  } finally {
    await pool?.close();
  }
  return { files, usageProblems, fonts, ms: performance.now() - t0, interrupted };
}

async function runJob(
  job: InputJob,
  convert: (job: InputJob) => Promise<Converted>,
  formats: OutputFormat[],
  cwd: string,
  thumbnails: Map<string, Thumbnail>,
): Promise<FileResult> {
  let converted: Converted;
  try {
    converted = await convert(job);
  } catch (e) {
    // A crash inside a stage is our bug, not the user's; still, only this file fails.
    return failedResult(job.display, `internal error: ${(e as Error).message.split('\n')[0]}`, (e as Error).stack);
  }
  const outputs: string[] = [];
  if (!converted.failed) {
    try {
      for (const f of formats) {
        const bytes = converted.outputs[f];
        if (!bytes) continue;
        const target = `${job.outStem}.${f}`;
        await writeFileAtomic(target, bytes);
        outputs.push(displayPath(target, cwd));
      }
    } catch (e) {
      return failedResult(job.display, `cannot write output: ${(e as Error).message}`);
    }
  }
  const warned = converted.diagnostics.some((d) => d.severity === 'warning');
  if (converted.thumbnail && outputs.length) thumbnails.set(job.display, converted.thumbnail);
  return {
    input: job.display,
    status: converted.failed ? 'failed' : warned ? 'warnings' : 'ok',
    outputs,
    pages: converted.pages,
    diagnostics: converted.diagnostics,
    timings: converted.timings,
    ...(converted.structure !== undefined && { structure: converted.structure }),
  };
}

/**
 * Lanes for `jobs: 0`. A worker thread loads its own modules and fonts (about 1 s and 230 MB,
 * measured), while the main thread renders a 5k-character speech in about 40 ms; so a worker is
 * started only for every ~1 MB of input (some 30 speeches), up to one lane per CPU.
 */
function autoLanes(jobs: InputJob[]): number {
  const bytes = jobs.reduce((n, j) => n + statSync(j.input).size, 0);
  return Math.min(availableParallelism(), 1 + Math.floor(bytes / BYTES_PER_WORKER));
}

/** Input bytes that pay for starting one worker thread. */
const BYTES_PER_WORKER = 1024 * 1024;

function failedResult(input: string, message: string, stack?: string): FileResult {
  const d: Diagnostic = { severity: 'error', ruleId: 'build/failed', message, file: input };
  if (stack) d.hint = stack;
  return { input, status: 'failed', outputs: [], pages: 0, diagnostics: [d], timings: { parse: 0, pdf: 0, docx: 0, total: 0 } };
}
