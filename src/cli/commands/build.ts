/** `speechdoc build`: the batch job, with progress, report, watch mode and clean interruption. */
import { statSync } from 'node:fs';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Args } from '../run.ts';
import { EXIT, readStdin, type Io } from '../io.ts';
import { resolvedOrReport } from '../resolve-options.ts';
import { build, type BuildSummary, type FileResult } from '../../pipeline/build.ts';
import { displayPath, isInside } from '../../pipeline/collect-inputs.ts';
import { undoAll } from '../../pipeline/cleanup.ts';
import { sourceDateProblem } from '../../pipeline/source-date.ts';
import { fontsForBuild } from '../../pipeline/fonts-for-build.ts';
import { preloadRenderers } from '../../pipeline/render.ts';
import { fontRoleTable, substitutionLines, substitutions } from '../../fonts/report.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { t } from '../../i18n/index.ts';
import { osErrorMessage } from '../../i18n/os-error.ts';
import { removePendingTemps, writeFileAtomic } from '../../pipeline/atomic-write.ts';
import { BuildReporter, fontProblemLine, type Verbosity } from '../build-reporter.ts';
import type { BuildOptions } from '../../config/options.ts';

/** Run `build`. */
export async function runBuild(args: Args, io: Io): Promise<number> {
  const loaded = resolvedOrReport(args, io);
  if (!loaded) return EXIT.usage;
  const { options: resolved, configFile } = loaded;
  const verbosity: Verbosity = { quiet: Boolean(args.quiet), verbose: Boolean(args.verbose), json: Boolean(args.json) };
  const problem = usageProblem(resolved, io);
  if (problem) {
    io.stderr.write(`${t().prefix}${problem}\n`);
    return EXIT.usage;
  }
  if (verbosity.verbose && !verbosity.json) io.stderr.write(`${t().build.configUsed(configFile)}\n`);

  // Fonts first: under --strict a named face that is not found stops the build before anything is
  // written. The set is cached, so the build below reuses it.
  preloadRenderers(resolved.format);
  const fonts = await fontsForBuild(resolved);
  const fontProblems = fonts.diagnostics.map((d) => ({ ...d, severity: resolved.strict && d.severity === 'warning' ? ('error' as const) : d.severity }));
  if (resolved.strict && fontProblems.some((d) => d.ruleId === 'fonts/not-found')) {
    for (const d of fontProblems) io.stderr.write(`${fontProblemLine(d)}\n`);
    io.stderr.write(`${t().prefix}${t().fonts.notFoundStrict}\n`);
    return EXIT.usage;
  }
  const notice = substitutionLines(substitutions(fonts.fontSet, resolved.fonts));

  const stdin = await stdinInput(args, resolved, io);
  if (stdin === 'error') return EXIT.usage;
  const options = stdin?.options ?? resolved;

  // Ctrl-C: stop at once. Every undo registered by the build runs first: temporaries still being
  // written are removed (a half-replaced PDF/DOCX pair is put back), LibreOffice children are killed
  // with their process groups and their temp folders removed; workers die with the process.
  const onSignal = (signal: NodeJS.Signals) => {
    undoAll();
    removePendingTemps();
    io.stderr.write(`\n${t().prefix}${t().build.interrupted(signal)}\n`);
    process.exit(EXIT.interrupted);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const fontTable = verbosity.verbose ? fontRoleTable(fonts.fontSet, io.cwd, resolved.fonts) : [];
    const ctx: RunContext = { io, verbosity, notice, fontProblems, stdin, configFile, fontTable };
    const summary = await once(options, ctx);
    if (summary.usageProblems.length && summary.files.length === 0) return usageExit(summary);
    if (summary.files.length === 0 && !summary.interrupted) {
      const where = options.inputs.map((p) => displayPath(resolve(io.cwd, p), io.cwd)).join(t().listSep);
      io.stderr.write(`${t().prefix}${t().io.noSpeeches(where)}\n`);
      return EXIT.failed;
    }
    if (args.watch) return await watchLoop(options, ctx);
    return exitCode(summary);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (stdin) await rm(stdin.dir, { recursive: true, force: true });
  }
}

/** What one build run prints with. */
interface RunContext {
  /** Streams. */
  io: Io;
  /** How much to print. */
  verbosity: Verbosity;
  /** The font substitution notice. */
  notice: string[];
  /** Named faces not found. */
  fontProblems: Diagnostic[];
  /** Standard input saved for the build, when `-` was given. */
  stdin: StdinInput | undefined;
  /** The config file used, if any (named in the report). */
  configFile: string | undefined;
  /** The font role table printed under --verbose (empty otherwise). */
  fontTable: string[];
}

/** A problem with the options as a whole, found before anything is built (exit 2), or undefined. */
function usageProblem(options: BuildOptions, io: Io): string | undefined {
  const date = sourceDateProblem(io.env);
  if (date) return date;
  if (options.report) {
    try {
      if (statSync(options.report).isDirectory()) return t().usage.reportIsFolder(options.report, resolve(options.report, 'report.json'));
    } catch {
      // Does not exist yet: it will be created.
    }
  }
  return undefined;
}

/** Standard input as a file the batch can read, and how to name it to the user. */
interface StdinInput {
  /** Private folder holding it; removed after the build. */
  dir: string;
  /** The file's path, as the build would display it. */
  shown: string;
  /** The options with `-` replaced by the file. */
  options: BuildOptions;
}

/**
 * `build -`: standard input becomes `stdin.txt` in a private folder, so it is built like any file
 * (output `stdin.pdf`/`.docx` in the output folder); every message names it “（标准输入）”, never
 * the private path.
 */
async function stdinInput(args: Args, options: BuildOptions, io: Io): Promise<StdinInput | undefined | 'error'> {
  const given = Array.isArray(args.inputs) ? (args.inputs as string[]) : [];
  const dashes = given.filter((a) => a === '-').length;
  if (dashes === 0) return undefined;
  if (dashes > 1) {
    io.stderr.write(`${t().prefix}${t().usage.stdinTwice}\n`);
    return 'error';
  }
  const bytes = await readStdin(io);
  if (bytes.length === 0) {
    io.stderr.write(`${t().prefix}${t().read.stdinEmpty}\n`);
    return 'error';
  }
  const dir = await mkdtemp(join(tmpdir(), 'speechdoc-stdin-'));
  const file = join(dir, 'stdin.txt');
  await writeFile(file, bytes);
  const inputs = options.inputs.map((p) => (p === '-' || p === resolve(io.cwd, '-') ? file : p));
  return { dir, shown: displayPath(file, io.cwd), options: { ...options, inputs } };
}

/** Replace the private path of standard input with its name, everywhere a user reads it. */
function renameStdin(r: FileResult, stdin: StdinInput | undefined): void {
  if (!stdin) return;
  const name = t().read.stdinName;
  const fix = (s: string) => s.split(stdin.shown).join(name);
  r.input = fix(r.input);
  for (const d of r.diagnostics) {
    if (d.file) d.file = fix(d.file);
    d.message = fix(d.message);
  }
}

async function once(options: BuildOptions, ctx: RunContext, only?: Set<string>): Promise<BuildSummary> {
  const { io, verbosity } = ctx;
  const reporter = new BuildReporter(io, verbosity, options.format.includes('pdf'));
  const summary = await build(options, {
    cwd: io.cwd,
    only,
    onStart: (total, fonts) => reporter.start(total, fonts, ctx.notice, ctx.fontProblems, ctx.fontTable),
    onFileStart: (f) => reporter.fileStart(ctx.stdin && f === ctx.stdin.shown ? t().read.stdinName : f),
    onFileDone: (r) => {
      renameStdin(r, ctx.stdin);
      reporter.fileDone(r);
    },
  });
  for (const p of summary.usageProblems) io.stderr.write(`${t().prefix}${p.message}\n`);
  if (!verbosity.quiet && !verbosity.json) for (const n of summary.notes) io.stderr.write(`${t().prefix}${n}\n`);
  reporter.finish(summary);
  if (options.report) {
    try {
      await writeReport(options.report, summary, options, ctx.configFile);
    } catch (e) {
      io.stderr.write(`${t().prefix}${t().io.reportFailed(osErrorMessage(e, displayPath(options.report, io.cwd), 'write'))}\n`);
      summary.usageProblems.push({ display: options.report, message: 'report', usage: true });
    }
  }
  return summary;
}

/** A folder without speeches is exit 1 (“没有找到讲话稿”); a mistyped argument or bad option is 2. */
function usageExit(s: BuildSummary): number {
  return s.usageProblems.every((p) => p.noSpeeches) ? EXIT.failed : EXIT.usage;
}

function exitCode(s: BuildSummary): number {
  if (s.interrupted) return EXIT.interrupted;
  if (s.usageProblems.length) return usageExit(s);
  return s.files.some((f) => f.status === 'failed') ? EXIT.failed : EXIT.ok;
}

/** The JSON report: per file outputs, pages, diagnostics and timings. */
async function writeReport(path: string, s: BuildSummary, options: BuildOptions, configFile: string | undefined): Promise<void> {
  const report = {
    tool: 'speechdoc',
    config: configFile ?? null,
    notes: s.notes,
    preset: options.preset,
    formats: options.format,
    fonts: s.fonts,
    ms: Math.round(s.ms),
    files: s.files.map((f) => ({ ...f, timings: Object.fromEntries(Object.entries(f.timings).map(([k, v]) => [k, Math.round(v * 10) / 10])) })),
  };
  // Atomic like the outputs: a report over an existing symlink replaces the link, never its target.
  await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`));
}

/** Watch the inputs and rebuild each file that changes, until interrupted. */
async function watchLoop(options: BuildOptions, ctx: RunContext): Promise<number> {
  const { io } = ctx;
  // Imported here: only watch mode needs chokidar.
  const { watch } = await import('chokidar');
  const watcher = watch(options.inputs.map((p) => resolve(io.cwd, p)), {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
    // Compared as paths: an output folder `out` must not hide an input folder `outline/`.
    ignored: (p) => isInside(resolve(p), resolve(io.cwd, options.out)),
  });
  io.stderr.write(`${t().build.watching}\n`);
  let queue = Promise.resolve();
  const rebuild = (file: string) => {
    queue = queue.then(() => once(options, ctx, new Set([resolve(file)])).then(() => undefined));
  };
  watcher.on('add', rebuild).on('change', rebuild);
  return new Promise(() => {
    /* runs until SIGINT */
  });
}
