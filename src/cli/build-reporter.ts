/**
 * What a build prints: a progress bar on a terminal, one plain line per file otherwise, JSON lines
 * with --json; findings by verbosity; and the closing summary.
 */
import cliProgress from 'cli-progress';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatDiagnostic } from '../diagnostics/format.ts';
import type { BuildSummary, FileResult } from '../pipeline/build.ts';
import { useColor, type Io } from './io.ts';
import { t } from '../i18n/index.ts';

/** How much to print. */
export interface Verbosity {
  /** Only errors and the summary. */
  quiet: boolean;
  /** Every finding, stacks included. */
  verbose: boolean;
  /** JSON lines on stdout instead of text. */
  json: boolean;
}

/** A font finding (about the run, not one file): `speechdoc：警告：未找到字体…（提示）`. */
export function fontProblemLine(d: Diagnostic): string {
  const m = t();
  return `${m.prefix}${m.finding.severity[d.severity]}${m.colon}${d.message}${d.hint ? `${m.colon}${d.hint}` : ''}`;
}

/** Progress and result printing for one build. */
export class BuildReporter {
  private bar: cliProgress.MultiBar | undefined;
  private task: cliProgress.SingleBar | undefined;
  private done = 0;
  private readonly color: boolean;

  constructor(private readonly io: Io, private readonly v: Verbosity, private readonly pdf = true) {
    this.color = useColor(io.stderr, io.env);
  }

  /**
   * The batch is about to start. `notice` says which standard faces are stood in for and how to get
   * them, and `fontProblems` which named faces were not found: both are printed on every build,
   * unless nothing is going to be built.
   */
  start(total: number, fonts: string[], notice: string[] = [], fontProblems: Diagnostic[] = [], fontTable: string[] = []): void {
    if (this.v.json) return this.emit({ event: 'start', total, fonts, substitutions: notice, fontProblems });
    // The role table in the user's words (the machine-readable lines go to --json and --report).
    if (this.v.verbose) for (const f of fontTable) this.io.stderr.write(`${t().build.font(f)}\n`);
    if (total > 0) {
      for (const d of fontProblems) this.io.stderr.write(`${fontProblemLine(d)}\n`);
      if (!this.v.quiet) for (const line of notice) this.io.stderr.write(`${this.paint(33, line)}\n`);
    }
    if (this.io.stderr.isTTY && !this.v.quiet && total > 0) {
      this.bar = new cliProgress.MultiBar(
        {
          stream: this.io.stderr as NodeJS.WriteStream,
          format: t().build.progress,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 8,
        },
        cliProgress.Presets.shades_classic,
      );
      this.task = this.bar.create(total, 0, { file: '' });
    }
  }

  /** A file has started. */
  fileStart(input: string): void {
    this.task?.update(this.done, { file: input });
  }

  /** A file is done. */
  fileDone(r: FileResult): void {
    this.done++;
    if (this.v.json) return this.emit({ event: 'file', ...r, diagnostics: r.diagnostics.filter((d) => this.shown(d)) });
    const lines: string[] = [];
    if (!this.v.quiet || r.status === 'failed') lines.push(this.fileLine(r));
    // A failed file's reason is already on its line; a finding about the whole file would repeat it.
    const reason = r.status === 'failed' ? this.reasonOf(r) : undefined;
    for (const d of r.diagnostics) if (this.shown(d) && !(d === reason && !d.position && !this.v.verbose)) lines.push(`  ${this.diagnosticLine(d)}`);
    this.print(lines);
    this.task?.update(this.done, { file: r.input });
  }

  /** The batch is over. */
  finish(s: BuildSummary): void {
    this.bar?.stop();
    const count = (st: FileResult['status']) => s.files.filter((f) => f.status === st).length;
    const pages = s.files.reduce((n, f) => n + f.pages, 0);
    if (this.v.json) {
      this.emit({ event: 'summary', ok: count('ok'), warnings: count('warnings'), failed: count('failed'), pages, ms: Math.round(s.ms), interrupted: s.interrupted });
      return;
    }
    // Nothing was built: the caller says why (no speeches found, a usage problem) instead.
    if (s.files.length === 0) return;
    const failed = count('failed');
    // Pages are PDF pages: a DOCX-only build has none to count, and "0 pages" would be false.
    const text = t().build.summary(s.files.length, count('ok'), count('warnings'), failed, this.pdf ? pages : undefined, (s.ms / 1000).toFixed(1));
    this.io.stderr.write(`${this.paint(failed ? 31 : 32, text)}\n`);
  }

  private shown(d: Diagnostic): boolean {
    if (d.severity === 'error') return true;
    if (d.severity === 'warning') return !this.v.quiet;
    return this.v.verbose;
  }

  private fileLine(r: FileResult): string {
    const m = t().build;
    const mark = { ok: this.paint(32, m.ok), warnings: this.paint(33, m.warn), failed: this.paint(31, m.fail) }[r.status];
    const outs = r.outputs.length ? ` → ${r.outputs.join(', ')}` : '';
    const pages = r.pages ? m.pages(r.pages) : '';
    const reason = r.status === 'failed' ? `${t().colon}${this.reasonOf(r)?.message ?? m.failedReason}` : '';
    // The structure found, so a wrong reading of the title block never passes as a bare "ok".
    const structure = r.structure ? `\n     ${r.structure}` : '';
    return `${mark} ${r.input}${outs}${pages}${reason}${structure}`;
  }

  /** The finding that failed a file: its first error, else (under --strict) its first warning. */
  private reasonOf(r: FileResult): Diagnostic | undefined {
    return r.diagnostics.find((d) => d.severity === 'error') ?? r.diagnostics.find((d) => d.severity === 'warning');
  }

  private diagnosticLine(d: Diagnostic): string {
    // Hints (and crash stacks) only with --verbose: a batch of drafts would otherwise repeat them.
    const text = formatDiagnostic(this.v.verbose ? d : { ...d, hint: undefined });
    return text.replace(/\n/g, '\n  ');
  }

  private print(lines: string[]): void {
    if (lines.length === 0) return;
    const text = `${lines.join('\n')}\n`;
    if (this.bar) this.bar.log(text);
    else this.io.stderr.write(text);
  }

  private emit(o: object): void {
    this.io.stdout.write(`${JSON.stringify(o)}\n`);
  }

  private paint(code: number, s: string): string {
    return this.color ? `\u001b[${code}m${s}\u001b[0m` : s;
  }
}
