/** `speechdoc build`: the batch job, with progress, report, watch mode and clean interruption. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Args } from '../run.ts';
import { EXIT, type Io } from '../io.ts';
import { resolvedOrReport } from '../resolve-options.ts';
import { build, type BuildSummary } from '../../pipeline/build.ts';
import { removePendingTemps, writeFileAtomic } from '../../pipeline/atomic-write.ts';
import { undoAll } from '../../pipeline/cleanup.ts';
import { isInside } from '../../pipeline/collect-inputs.ts';
import { sourceDateProblem } from '../../pipeline/source-date.ts';
import { BuildReporter, type Verbosity } from '../build-reporter.ts';
import type { BuildOptions } from '../../config/options.ts';

/** Run `build`. */
export async function runBuild(args: Args, io: Io): Promise<number> {
  const resolved = resolvedOrReport(args, io);
  if (!resolved) return EXIT.usage;
  const { options, configFile } = resolved;
  const verbosity: Verbosity = { quiet: Boolean(args.quiet), verbose: Boolean(args.verbose), json: Boolean(args.json) };
  const problem = usageProblem(options, io);
  if (problem) {
    io.stderr.write(`speechdoc: ${problem}\n`);
    return EXIT.usage;
  }
  if (verbosity.verbose && !verbosity.json) io.stderr.write(`配置文件：${configFile ?? '无（只用命令行选项和默认值）'}\n`);

  // Ctrl-C: stop at once. Every undo registered by the build runs first: temporaries still being
  // written are removed (a half-replaced PDF/DOCX pair is put back), LibreOffice children are killed
  // with their process groups and their temp folders removed; workers die with the process.
  const onSignal = (signal: NodeJS.Signals) => {
    undoAll();
    removePendingTemps();
    io.stderr.write(`\nspeechdoc: 已中断（${signal}）；未留下不完整的文件\n`);
    process.exit(EXIT.interrupted);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const summary = await once(options, io, verbosity, undefined, configFile);
    if (summary.usageProblems.length && summary.files.length === 0) return EXIT.usage;
    if (args.watch) return await watchLoop(options, io, verbosity, configFile);
    return exitCode(summary);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** A problem with the options as a whole, found before anything is built (exit 2), or undefined. */
function usageProblem(options: BuildOptions, io: Io): string | undefined {
  const date = sourceDateProblem(io.env);
  if (date) return date;
  if (options.report) {
    try {
      if (statSync(options.report).isDirectory()) return `--report ${options.report}：这是一个文件夹，请给出报告文件的路径，例如 ${resolve(options.report, 'report.json')}`;
    } catch {
      // Does not exist yet: it will be created.
    }
  }
  return undefined;
}

async function once(options: BuildOptions, io: Io, verbosity: Verbosity, only?: Set<string>, configFile?: string): Promise<BuildSummary> {
  const reporter = new BuildReporter(io, verbosity);
  const summary = await build(options, {
    cwd: io.cwd,
    only,
    onStart: (total, fonts) => reporter.start(total, fonts),
    onFileStart: (f) => reporter.fileStart(f),
    onFileDone: (r) => reporter.fileDone(r),
  });
  for (const p of summary.usageProblems) io.stderr.write(`speechdoc: ${p.display}: ${p.message}\n`);
  if (!verbosity.quiet && !verbosity.json) for (const n of summary.notes) io.stderr.write(`speechdoc: ${n}\n`);
  reporter.finish(summary);
  if (options.report) {
    try {
      await writeReport(options.report, summary, options, configFile);
    } catch (e) {
      io.stderr.write(`speechdoc: 无法写入报告 ${options.report}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      summary.usageProblems.push({ display: options.report, message: '无法写入报告', usage: true });
    }
  }
  return summary;
}

function exitCode(s: BuildSummary): number {
  if (s.interrupted) return EXIT.interrupted;
  if (s.usageProblems.length) return EXIT.usage;
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
async function watchLoop(options: BuildOptions, io: Io, verbosity: Verbosity, configFile: string | undefined): Promise<number> {
  // Imported here: only watch mode needs chokidar.
  const { watch } = await import('chokidar');
  const watcher = watch(options.inputs.map((p) => resolve(io.cwd, p)), {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
    // Compared as paths: an output folder `out` must not hide an input folder `outline/`.
    ignored: (p) => isInside(resolve(p), resolve(io.cwd, options.out)),
  });
  io.stderr.write('watching for changes (Ctrl-C to stop)\n');
  let queue = Promise.resolve();
  const rebuild = (file: string) => {
    queue = queue.then(() => once(options, io, verbosity, new Set([resolve(file)]), configFile).then(() => undefined));
  };
  watcher.on('add', rebuild).on('change', rebuild);
  return new Promise(() => {
    /* runs until SIGINT */
  });
}
