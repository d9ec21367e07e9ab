/** `speechdoc check <files..>`: lint speeches; `file:line:col severity rule-id message` per finding. */
import type { Args } from '../run.ts';
import { EXIT, type Io } from '../io.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { formatDiagnostic, formatDiagnosticsJson } from '../../diagnostics/format.ts';
import { summarizeInfos } from '../../diagnostics/summarize.ts';
import { checkSpeech } from '../../check/index.ts';
import { readSpeech } from '../read-speech.ts';
import { describeStructure } from '../../model/describe-structure.ts';

/** Run `check`. */
export async function runCheck(args: Args, io: Io): Promise<number> {
  const files = (args.files as string[] | undefined) ?? [];
  const all: Diagnostic[] = [];
  const structures: string[] = [];
  for (const file of files) {
    const { speech, diagnostics } = await readSpeech(file, io.cwd, args.normalize !== false);
    all.push(...diagnostics);
    if (speech) all.push(...checkSpeech(speech).map((d) => ({ ...d, file: d.file ?? file })));
    if (speech) structures.push(`${file}: ${describeStructure(speech)}`);
  }
  if (args.format === 'json') io.stdout.write(`${formatDiagnosticsJson(all)}\n`);
  else {
    // Hints and every single normalization only with --verbose, as in `build`.
    const shown = args.verbose ? all : summarizeInfos(all).map((d) => ({ ...d, hint: undefined }));
    for (const d of shown) io.stdout.write(`${formatDiagnostic(d)}\n`);
  }
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (args.format !== 'json') {
    // One line per file: the structure found (标题 2 行 · 副题 · …), for the writer to check.
    for (const line of structures) io.stderr.write(`${line}\n`);
    io.stderr.write(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  }
  return errors > 0 || (args.strict && warnings > 0) ? EXIT.failed : EXIT.ok;
}
