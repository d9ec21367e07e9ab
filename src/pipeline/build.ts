/**
 * The batch build: inputs → jobs → convert (in-process or in worker threads) → atomic writes →
 * a summary. One bad file never stops the others; nothing half-written is ever left behind.
 */
import { availableParallelism } from 'node:os';
import { constants, statSync } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { BuildOptions, OutputFormat } from '../config/options.ts';
import { collectInputs, displayPath, type InputJob, type InputProblem } from './collect-inputs.ts';
import { convertFile, type Converted, type FileTimings } from './convert-file.ts';
import { fontsForBuild } from './fonts-for-build.ts';
import { WorkerPool } from './worker-pool.ts';
import { writeFileAtomic, sweepStaleTemps } from './atomic-write.ts';
import { sourceDate } from './source-date.ts';
import { t } from '../i18n/index.ts';
import { osErrorMessage } from '../i18n/os-error.ts';

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
  const collected = collectInputs(options.inputs, cwd, out, options.format);
  const jobs = hooks.only ? collected.jobs.filter((j) => hooks.only!.has(j.input)) : collected.jobs;
  const problems = hooks.only ? [] : collected.problems;
  const usageProblems = problems.filter((p) => p.usage);
  const files: FileResult[] = problems.filter((p) => !p.usage).map((p) => failedResult(p.display, p.message));
  // An output folder that cannot be made or written stops the build before any file is converted,
  // named as the user gave it (not by the temporary file the first write would have failed on).
  if (jobs.length > 0) {
    const unusable = await outputFolderProblem(out, cwd);
    if (unusable) {
      return { files: [], usageProblems: [...usageProblems, unusable], fonts: [], ms: performance.now() - t0, interrupted: false };
    }
  }
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
        const result = await runJob(job, convert, options.format, cwd);
        if (hooks.signal?.aborted) interrupted = true;
        results[i] = result;
        hooks.onFileDone?.(result);
      }
    };
    await Promise.all(Array.from({ length: lanes }, (_, i) => lane(i === 0 ? inProcess : inWorker)));
    files.push(...results.filter((r): r is FileResult => r !== undefined));
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
): Promise<FileResult> {
  let converted: Converted;
  try {
    converted = await convert(job);
  } catch (e) {
    // A crash inside a stage is our bug, not the user's; still, only this file fails.
    return failedResult(job.display, t().io.internalError((e as Error).message.split('\n')[0]!), (e as Error).stack);
  }
  const outputs: string[] = [];
  if (!converted.failed) {
    for (const f of formats) {
      const bytes = converted.outputs[f];
      if (!bytes) continue;
      const target = `${job.outStem}.${f}`;
      try {
        await writeFileAtomic(target, bytes);
      } catch (e) {
        return failedResult(job.display, t().io.writeFailed(osErrorMessage(e, displayPath(target, cwd), 'write')));
      }
      outputs.push(displayPath(target, cwd));
    }
  }
  const warned = converted.diagnostics.some((d) => d.severity === 'warning');
  return {
    input: job.display,
    status: converted.failed ? 'failed' : warned ? 'warnings' : 'ok',
    outputs,
    pages: converted.pages,
    diagnostics: converted.diagnostics,
    timings: converted.timings,
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

/** Why the output folder cannot be used (created, or written in), or undefined when it can. */
async function outputFolderProblem(out: string, cwd: string): Promise<InputProblem | undefined> {
  const shown = displayPath(out, cwd);
  try {
    await mkdir(out, { recursive: true });
    await access(out, constants.W_OK);
    return undefined;
  } catch (e) {
    return { display: shown, message: t().io.outDirUnusable(osErrorMessage(e, shown, 'write')), usage: true };
  }
}

function failedResult(input: string, message: string, stack?: string): FileResult {
  const d: Diagnostic = { severity: 'error', ruleId: 'build/failed', message, file: input };
  if (stack) d.hint = stack;
  return { input, status: 'failed', outputs: [], pages: 0, diagnostics: [d], timings: { parse: 0, pdf: 0, docx: 0, total: 0 } };
}
