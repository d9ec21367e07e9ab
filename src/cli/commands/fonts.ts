/** `speechdoc fonts [file]`: which face serves each role, stand-ins named, and what a document lacks. */
import type { Args } from '../run.ts';
import { EXIT, type Io } from '../io.ts';
import { optionsOrReport } from '../resolve-options.ts';
import { fontsForBuild } from '../../pipeline/fonts-for-build.ts';
import { fontsReport, fontsReportJson, substitutions } from '../../fonts/report.ts';
import { formatDiagnostic } from '../../diagnostics/format.ts';
import { PRESETS } from '../../style/preset.ts';
import { readSpeech } from '../read-speech.ts';
import { fontProblemLine } from '../build-reporter.ts';
import { t } from '../../i18n/index.ts';
import { documentCoverage } from '../../style/coverage.ts';

/** Run `fonts`. */
export async function runFonts(args: Args, io: Io): Promise<number> {
  const options = optionsOrReport(args, io);
  if (!options) return EXIT.usage;
  const { fontSet, diagnostics } = await fontsForBuild(options);
  const strict = options.strict;
  for (const d of diagnostics) io.stderr.write(`${fontProblemLine(strict && d.severity === 'warning' ? { ...d, severity: 'error' } : d)}\n`);
  const preset = PRESETS[options.preset];
  let speech;
  if (typeof args.file === 'string') {
    const read = await readSpeech(args.file, io);
    for (const d of read.diagnostics) if (d.severity === 'error') io.stderr.write(`${formatDiagnostic(d)}\n`);
    if (read.missing) return EXIT.usage;
    if (!read.speech) return EXIT.failed;
    speech = read.speech;
  }
  const coverage = speech ? documentCoverage(speech, preset, fontSet) : undefined;
  if (args.json) {
    const report = { ...fontsReportJson(fontSet, coverage, io.cwd), substitutions: substitutions(fontSet, options.fonts), problems: diagnostics };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.stdout.write(fontsReport(fontSet, coverage, io.cwd, options.fonts));
  }
  if (strict && diagnostics.some((d) => d.ruleId === 'fonts/not-found')) {
    io.stderr.write(`${t().prefix}${t().fonts.notFoundStrictFonts}\n`);
    return EXIT.usage;
  }
  return EXIT.ok;
}
