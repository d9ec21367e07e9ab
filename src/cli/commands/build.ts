/** `speechdoc build`: the batch job, with progress, report, watch mode and clean interruption. */
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Args } from '../run.ts';
import { EXIT, type Io } from '../io.ts';
import { optionsOrReport } from '../resolve-options.ts';
import { build, type BuildSummary } from '../../pipeline/build.ts';
import { removePendingTemps } from '../../pipeline/atomic-write.ts';
import { BuildReporter, type Verbosity } from '../build-reporter.ts';
import type { BuildOptions } from '../../config/options.ts';

/** Run `build`. */
export async function runBuild(args: Args, io: Io): Promise<number> {
  const options = optionsOrReport(args, io);
  if (!options) return EXIT.usage;
  const verbosity: Verbosity = { quiet: Boolean(args.quiet), verbose: Boolean(args.verbose), json: Boolean(args.json) };

  // Ctrl-C: stop at once, removing any temporary file still being written; finished outputs are
  // complete (they were renamed into place whole), so nothing partial is left.
  const onSignal = (signal: NodeJS.Signals) => {
    removePendingTemps();
    io.stderr.write(`\nspeechdoc: interrupted (${signal}); no partial files were left\n`);
    process.exit(EXIT.interrupted);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const summary = await once(options, io, verbosity);
    if (summary.usageProblems.length && summary.files.length === 0) return EXIT.usage;
    if (args.watch) return await watchLoop(options, io, verbosity);
    return exitCode(summary);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function once(options: BuildOptions, io: Io, verbosity: Verbosity, only?: Set<string>): Promise<BuildSummary> {
  const reporter = new BuildReporter(io, verbosity);
  const summary = await build(options, {
    cwd: io.cwd,
    only,
    onStart: (total, fonts) => reporter.start(total, fonts),
    onFileStart: (f) => reporter.fileStart(f),
    onFileDone: (r) => reporter.fileDone(r),
  });
  for (const p of summary.usageProblems) io.stderr.write(`speechdoc: ${p.display}: ${p.message}\n`);
  reporter.finish(summary);
  if (options.report) await writeReport(options.report, summary, options);
  return summary;
}

function exitCode(s: BuildSummary): number {
  if (s.interrupted) return EXIT.interrupted;
  if (s.usageProblems.length) return EXIT.usage;
  return s.files.some((f) => f.status === 'failed') ? EXIT.failed : EXIT.ok;
}

/** The JSON report: per file outputs, pages, diagnostics and timings. */
async function writeReport(path: string, s: BuildSummary, options: BuildOptions): Promise<void> {
  const report = {
    tool: 'speechdoc',
    preset: options.preset,
    formats: options.format,
    fonts: s.fonts,
    ms: Math.round(s.ms),
    files: s.files.map((f) => ({ ...f, timings: Object.fromEntries(Object.entries(f.timings).map(([k, v]) => [k, Math.round(v * 10) / 10])) })),
  };
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}

/** Watch the inputs and rebuild each file that changes, until interrupted. */
async function watchLoop(options: BuildOptions, io: Io, verbosity: Verbosity): Promise<number> {
  // Imported here: only watch mode needs chokidar.
  const { watch } = await import('chokidar');
  const watcher = watch(options.inputs.map((p) => resolve(io.cwd, p)), {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
    ignored: (p) => p.startsWith(resolve(io.cwd, options.out)),
  });
  io.stderr.write('watching for changes (Ctrl-C to stop)\n');
  let queue = Promise.resolve();
  const rebuild = (file: string) => {
    queue = queue.then(() => once(options, io, verbosity, new Set([resolve(file)])).then(() => undefined));
  };
  watcher.on('add', rebuild).on('change', rebuild);
  return new Promise(() => {
    /* runs until SIGINT */
  });
}
