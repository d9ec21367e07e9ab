/** `speechdoc fonts [file]`: which face serves each role, and what a document lacks. */
import type { Args } from '../run.ts';
import { EXIT, type Io } from '../io.ts';
import { optionsOrReport } from '../resolve-options.ts';
import { fontsForBuild } from '../../pipeline/fonts-for-build.ts';
import { fontsReport, fontsReportJson } from '../../fonts/report.ts';
import { formatDiagnostic } from '../../diagnostics/format.ts';
import { PRESETS } from '../../style/preset.ts';
import { readSpeech } from '../read-speech.ts';
import { documentCoverage } from '../../style/coverage.ts';

/** Run `fonts`. */
export async function runFonts(args: Args, io: Io): Promise<number> {
  const options = optionsOrReport(args, io);
  if (!options) return EXIT.usage;
  const { fontSet, diagnostics } = await fontsForBuild(options);
  for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
  const preset = PRESETS[options.preset];
  let speech;
  if (typeof args.file === 'string') {
    const read = await readSpeech(args.file, io.cwd);
    for (const d of read.diagnostics) if (d.severity === 'error') io.stderr.write(`${formatDiagnostic(d)}\n`);
    if (!read.speech) return EXIT.failed;
    speech = read.speech;
  }
  const coverage = speech ? documentCoverage(speech, preset, fontSet) : undefined;
  io.stdout.write(args.json ? `${JSON.stringify(fontsReportJson(fontSet, coverage), null, 2)}\n` : fontsReport(fontSet, coverage));
  return EXIT.ok;
}
