/**
 * What a build prints: a progress bar on a terminal, one plain line per file otherwise, JSON lines
 * with --json; findings by verbosity; and the closing summary.
 */
import cliProgress from 'cli-progress';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatDiagnostic } from '../diagnostics/format.ts';
import type { BuildSummary, FileResult } from '../pipeline/build.ts';
import { useColor, type Io } from './io.ts';

/** How much to print. */
export interface Verbosity {
  /** Only errors and the summary. */
  quiet: boolean;
  /** Every finding, stacks included. */
  verbose: boolean;
  /** JSON lines on stdout instead of text. */
  json: boolean;
}

/** Progress and result printing for one build. */
export class BuildReporter {
  private bar: cliProgress.MultiBar | undefined;
  private task: cliProgress.SingleBar | undefined;
  private done = 0;
  private readonly color: boolean;

  constructor(private readonly io: Io, private readonly v: Verbosity) {
    this.color = useColor(io.stderr, io.env);
  }

  /** The batch is about to start. */
  start(total: number, fonts: string[]): void {
    if (this.v.json) return this.emit({ event: 'start', total, fonts });
    if (this.v.verbose) for (const f of fonts) this.io.stderr.write(`font  ${f}\n`);
    if (this.io.stderr.isTTY && !this.v.quiet && total > 0) {
      this.bar = new cliProgress.MultiBar(
        {
          stream: this.io.stderr as NodeJS.WriteStream,
          format: ' {bar} {value}/{total} | {file} | {duration_formatted} elapsed, ETA {eta_formatted}',
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
    for (const d of r.diagnostics) if (this.shown(d)) lines.push(`  ${this.diagnosticLine(d)}`);
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
    const failed = count('failed');
    const text = `${s.files.length} file${s.files.length === 1 ? '' : 's'}: ${count('ok')} ok, ${count('warnings')} with warnings, ${failed} failed · ${pages} pages · ${(s.ms / 1000).toFixed(1)} s`;
    this.io.stderr.write(`${this.paint(failed ? 31 : 32, text)}\n`);
  }

  private shown(d: Diagnostic): boolean {
    if (d.severity === 'error') return true;
    if (d.severity === 'warning') return !this.v.quiet;
    return this.v.verbose;
  }

  private fileLine(r: FileResult): string {
    const mark = { ok: this.paint(32, 'ok  '), warnings: this.paint(33, 'warn'), failed: this.paint(31, 'FAIL') }[r.status];
    const outs = r.outputs.length ? ` → ${r.outputs.join(', ')}` : '';
    const pages = r.pages ? ` (${r.pages} page${r.pages === 1 ? '' : 's'})` : '';
    const reason = r.status === 'failed' ? `: ${r.diagnostics.find((d) => d.severity === 'error' || d.severity === 'warning')?.message ?? 'failed'}` : '';
    // The structure found, so a wrong reading of the title block never passes as a bare "ok".
    const structure = r.structure ? `\n     ${r.structure}` : '';
    return `${mark} ${r.input}${outs}${pages}${reason}${structure}`;
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
