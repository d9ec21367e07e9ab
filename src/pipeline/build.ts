/**
 * The batch build: inputs → jobs → convert (in-process or in worker threads) → atomic writes →
 * a summary. One bad file never stops the others; nothing half-written is ever left behind.
 */
import { availableParallelism, loadavg, freemem } from 'node:os';
import { accessSync, constants, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { BuildOptions, OutputFormat } from '../config/options.ts';
import { collectInputs, displayPath, type InputJob, type InputProblem } from './collect-inputs.ts';
import { safeToReplace } from './foreign-output.ts';
import { convertFile, type Converted, type FileTimings } from './convert-file.ts';
import { ParseAhead } from './parse-ahead.ts';
import { fontsForBuild } from './fonts-for-build.ts';
import { sharedFontFiles } from '../fonts/shared-bytes.ts';
import { FileBoundError, WorkerPool } from './worker-pool.ts';
import { startDeflateHelper } from '../render/deflate.ts';
import { writeFileAtomic, writeFilesAtomic, sweepStaleTemps, removePendingTemps } from './atomic-write.ts';
import { sourceDate } from './source-date.ts';
import { indexHtml, OutlinesAhead, type Thumbnail } from './index-html.ts';
import { onInterrupt } from './cleanup.ts';
import { killConversions } from '../parse/docx/soffice.ts';
import { boundMessage, indexKept, internalError, jobsCapped, writeFailed } from './messages.ts';
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
  /** Things the build decided for the user that they should know (e.g. `--jobs` reduced), one line each. */
  notes: string[];
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
    const unusable = outputFolderProblem(out, cwd);
    if (unusable) {
      return { files: [], usageProblems: [...usageProblems, unusable], fonts: [], ms: performance.now() - t0, interrupted: false, notes: [] };
    }
  }
  const sizes = jobs.map((j) => sizeOf(j.input));
  const notes: string[] = hooks.only ? [] : [...collected.skipped];
  const lanes = Math.max(1, Math.min(capLanes(options.jobs || autoLanes(sizes), options.jobs, notes), jobs.length));
  // Light files (small text, small Word packages) run on the main thread, which is one of the lanes.
  // Every other file runs in a worker, inside the per-file time and memory bound, so it can fail alone.
  const light: number[] = [];
  const heavy: number[] = [];
  // The Word package reader (with fast-xml-parser, ~40 ms to load) only when there is a Word file.
  const xmlBytes = jobs.some((j) => extname(j.input).toLowerCase() === '.docx') ? (await import('../parse/docx/package.ts')).declaredXmlBytes : () => Infinity;
  jobs.forEach((j, i) => (isLight(j.input, xmlBytes) ? light : heavy).push(i));
  const lightSet = new Set(light);
  // With several lanes, the longest files go first, so no lane is left with a long one at the end.
  if (lanes > 1) for (const list of [light, heavy]) list.sort((x, y) => sizes[y]! - sizes[x]! || x - y);
  const workers = lanes > 1 ? lanes - 1 : heavy.length ? 1 : 0;
  // The workers start first: they load their modules while the main thread reads the fonts (handed
  // to them in shared memory) and takes the first files, so a worker only ever adds a lane.
  // With several files of its own, the main thread deflates their streams on a helper thread while
  // it builds on (one file alone has nothing to do meanwhile, see render/deflate.ts).
  if (light.length > 1) startDeflateHelper();
  const pool = workers ? new WorkerPool(workers, { memoryMb: options.fileMemory, timeoutMs: options.fileTimeout * 1000 }) : undefined;
  const unregister = [
    onInterrupt(removePendingTemps),
    onInterrupt(killConversions),
    ...(pool ? [onInterrupt(() => pool.killAllChildren())] : []),
  ];
  // One lane on a machine with another core: the files after the main lane's first are read and
  // parsed ahead on a thread of their own (parse-ahead.ts).
  const ahead = lanes === 1 && availableParallelism() > 1 && light.length >= PARSE_AHEAD_FILES ? new ParseAhead(light.slice(1).map((i) => jobs[i]!), options) : undefined;
  let fonts: string[] = [];
  let interrupted = false;
  try {
    await sweepStaleTemps(out);
    const { fontSet, diagnostics: fontDiagnostics } = await fontsForBuild(options);
    pool?.shareFonts(sharedFontFiles());
    fonts = [...fontSet.describe(), ...fontDiagnostics.map((d) => `${d.severity}: ${d.message}`)];
    hooks.onStart?.(jobs.length + files.length, fonts);
    for (const f of files) hooks.onFileDone?.(f);

    const date = sourceDate();
    const inProcess = (job: InputJob) => convertFile(job.input, job.display, options, fontSet, date, ahead?.take(job.input));
    const inWorker = (job: InputJob) => pool!.run({ input: job.input, display: job.display, options, dateMs: date.getTime() });
    const thumbnails = new Map<string, Thumbnail>();
    const outlines = new OutlinesAhead(fontSet);
    const results: Array<FileResult | undefined> = new Array(jobs.length);
    const lane = async (main: boolean) => {
      // Files this lane has going: the main lane starts its next file while the last one's streams
      // are deflated on another thread, and while earlier outputs are still being written; each file
      // is reported in its turn.
      const converting: Promise<void>[] = [];
      const going: Promise<void>[] = [];
      for (;;) {
        if (hooks.signal?.aborted) {
          interrupted = true;
          break;
        }
        // The main lane takes light files; with no worker lanes beside it, it hands heavy ones to the pool.
        const i = main ? (light.shift() ?? (lanes === 1 ? heavy.shift() : undefined)) : (heavy.shift() ?? light.shift());
        if (i === undefined) break;
        const job = jobs[i]!;
        hooks.onFileStart?.(job.display);
        const convert = main && lightSet.has(i) ? inProcess : inWorker;
        let converted!: () => void;
        converting.push(new Promise<void>((done) => (converted = done)));
        const result = runJob(job, convert, options.format, cwd, thumbnails, converted, (t) => outlines.add(t));
        const reported = Promise.all([going.at(-1), result]).then(([, r]) => {
          if (hooks.signal?.aborted) interrupted = true;
          results[i] = r;
          hooks.onFileDone?.(r);
        });
        going.push(reported);
        // Waiting, the main lane draws the index's glyph outlines instead.
        if (converting.length >= (main ? MAIN_LANE_FILES : 1)) await meanwhile(converting.shift()!, outlines.step);
        if (going.length > MAIN_LANE_WRITES) await meanwhile(going.shift()!, outlines.step);
      }
      await meanwhile(Promise.all(going), outlines.step);
    };
    // The main lane, and for the workers as many loops as they hold tasks (each worker has its next
    // file before it finishes the current one, see worker-pool.ts).
    const workerLoops = lanes > 1 ? pool!.capacity : 0;
    await Promise.all([lane(true), ...Array.from({ length: workerLoops }, () => lane(false))]);
    files.push(...results.filter((r): r is FileResult => r !== undefined));
    // The batch at a glance; a watch-mode rebuild of some files leaves the full index as it was.
    if (!hooks.only && !interrupted && files.length) {
      const entries = files.map((f) => ({ ...f, thumbnail: thumbnails.get(f.input) }));
      const index = resolve(out, 'index.html');
      if (safeToReplace(index)) await writeFileAtomic(index, new TextEncoder().encode(indexHtml(entries, fontSet, out, cwd)));
      else notes.push(indexKept(displayPath(index, cwd)));
    }
  } finally {
    for (const u of unregister) u();
    ahead?.close();
    await pool?.close();
  }
  return { files, usageProblems, fonts, ms: performance.now() - t0, interrupted, notes };
}

/**
 * Wait for `until`, doing `step` (a short piece of work, false when there is none) as long as it
 * has not settled: the main thread's waits for other threads become time for work it would do later.
 */
async function meanwhile(until: Promise<unknown>, step: () => boolean): Promise<void> {
  let done = false;
  void until.then(
    () => (done = true),
    () => (done = true),
  );
  // Once, so that an `until` settled already is seen before any step.
  await new Promise<void>((next) => setImmediate(next));
  while (!done && step()) await new Promise<void>((next) => setImmediate(next));
  await until;
}

/**
 * Files the main lane has going at once. Its file's deflates (render/deflate.ts) and writes run on
 * other threads; with a second file going, the main thread lays that one out meanwhile instead of
 * waiting. More would only hold more documents in memory: the main thread is the bottleneck.
 */
const MAIN_LANE_FILES = 2;

/** Light files from which the main lane has the rest parsed ahead: fewer would not repay the thread's start (~0.1 s of the other core). */
const PARSE_AHEAD_FILES = 4;

/** Files converted and not yet written and reported that a lane may hold (their outputs wait in memory). */
const MAIN_LANE_WRITES = 3;

/** Inputs the main thread may build itself: cheap enough to stay under a second and far under any memory bound. */
const LIGHT_INPUT_BYTES = 256 * 1024;
/** Declared XML of a .docx the main thread may parse (~0.7 s). */
const LIGHT_XML_BYTES = 1024 * 1024;
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.json']);

/** Whether a file is light (see LIGHT_INPUT_BYTES); LibreOffice drafts and anything unreadable count as heavy. */
function isLight(input: string, declaredXmlBytes: (bytes: Uint8Array) => number): boolean {
  try {
    const st = statSync(input);
    if (!st.isFile() || st.size > LIGHT_INPUT_BYTES) return false;
    const ext = extname(input).toLowerCase();
    if (TEXT_EXTENSIONS.has(ext)) return true;
    if (ext !== '.docx') return false;
    const bytes = readFileSync(input);
    return bytes[0] === 0x50 && bytes[1] === 0x4b && declaredXmlBytes(bytes) <= LIGHT_XML_BYTES;
  } catch {
    return false;
  }
}

/** Memory one lane may need: a worker's modules and fonts (~230 MB) plus an ordinary document's work. */
const LANE_MEMORY_BYTES = 512 * 1024 * 1024;

/** Lanes the machine can run: at most one per CPU and one per LANE_MEMORY_BYTES of free memory; a reduced `--jobs` is noted. */
function capLanes(wanted: number, asked: number, notes: string[]): number {
  const cores = availableParallelism();
  const constrained = process.constrainedMemory?.() || Infinity;
  const memory = Math.min(freemem(), constrained);
  const cap = Math.max(1, Math.min(cores, Math.floor(memory / LANE_MEMORY_BYTES)));
  if (wanted <= cap) return wanted;
  if (asked) notes.push(jobsCapped(asked, cap, cores, memory / 1024 ** 3));
  return cap;
}

async function runJob(
  job: InputJob,
  convert: (job: InputJob) => Promise<Converted>,
  formats: OutputFormat[],
  cwd: string,
  thumbnails: Map<string, Thumbnail>,
  onConverted: () => void = () => {},
  onThumbnail: (thumbnail: Thumbnail) => void = () => {},
): Promise<FileResult> {
  let converted: Converted;
  try {
    converted = await convert(job);
    onConverted();
    if (converted.thumbnail) onThumbnail(converted.thumbnail);
  } catch (e) {
    onConverted();
    if (e instanceof FileBoundError) {
      return failedResult(job.display, boundMessage(e.kind, e.limit), undefined, e.kind === 'time' ? 'limits/file-time' : 'limits/file-memory');
    }
    // A crash inside a stage is our bug, not the user's; still, only this file fails.
    return failedResult(job.display, internalError((e as Error).message.split('\n')[0]!), (e as Error).stack);
  }
  const outputs: string[] = [];
  if (!converted.failed) {
    // Both outputs are replaced together or not at all: a disk full at the DOCX keeps the old PDF too.
    const group = formats.flatMap((f) => {
      const data = converted.outputs[f];
      return data ? [{ target: `${job.outStem}.${f}`, data }] : [];
    });
    try {
      await writeFilesAtomic(group);
    } catch (e) {
      // Named by the outputs the user asked for, never by the temporary file the error is about.
      return failedResult(job.display, writeFailed(osErrorMessage(e, group.map((g) => displayPath(g.target, cwd)).join(t().listSep), 'write')));
    }
    outputs.push(...group.map((g) => displayPath(g.target, cwd)));
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
 * Lanes for `jobs: 0`: one per idle CPU but one, and a worker only for every BYTES_PER_WORKER of
 * input. One lane keeps more than a core busy (V8's concurrent compiler and collector beside the
 * main thread: a corpus batch takes 2.8 s of wall and 4.0 s of CPU), and a worker isolate compiles
 * and warms everything up again (~1.2 s of CPU): on 2 cores a second lane measured no faster, the
 * 39-text corpus 2.8 against 3.1 s and four times it 5.0–6.0 against 4.9–6.2 s, for 100 MB more
 * memory. A worker is started on another core while the main thread works; the main thread gets
 * through ~400 KB of text a second, so below ~200 KB a worker would be ready only when the work is done.
 */
function autoLanes(sizes: number[]): number {
  const bytes = sizes.reduce((n, s) => n + s, 0);
  const cores = availableParallelism();
  // Only idle cores count: on a machine already busy (load average near the number of cores) more
  // lanes make the batch slower.
  const idle = Math.max(1, Math.round(cores - (loadavg()[0] ?? 0)));
  return Math.max(1, Math.min(cores - 1, idle, 1 + Math.floor(bytes / BYTES_PER_WORKER)));
}

/** A file's size, 0 when it cannot be read (its job reports why). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Input bytes that pay for starting one worker thread. */
const BYTES_PER_WORKER = 256 * 1024;

/**
 * Why the output folder cannot be used (created, or written in), or undefined when it can.
 * Synchronous: two quick calls, where on the thread pool they queued behind the font files a cold
 * start reads ahead (~57 MB), and the build waited for those before its first file.
 */
function outputFolderProblem(out: string, cwd: string): InputProblem | undefined {
  const shown = displayPath(out, cwd);
  try {
    mkdirSync(out, { recursive: true });
    accessSync(out, constants.W_OK);
    return undefined;
  } catch (e) {
    return { display: shown, message: t().io.outDirUnusable(osErrorMessage(e, shown, 'write')), usage: true };
  }
}

function failedResult(input: string, message: string, stack?: string, ruleId = 'build/failed'): FileResult {
  const d: Diagnostic = { severity: 'error', ruleId, message, file: input };
  if (stack) d.hint = stack;
  return { input, status: 'failed', outputs: [], pages: 0, diagnostics: [d], timings: { parse: 0, pdf: 0, docx: 0, total: 0 } };
}
