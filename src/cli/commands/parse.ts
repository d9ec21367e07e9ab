/** `speechdoc parse <file>`: print the model as JSON; findings go to stderr. */
import type { Args } from '../run.ts';
import { EXIT, type Io } from '../io.ts';
import { formatDiagnostic } from '../../diagnostics/format.ts';
import { readSpeech } from '../read-speech.ts';

/** Run `parse`. */
export async function runParse(args: Args, io: Io): Promise<number> {
  const file = String(args.file);
  const { speech, diagnostics } = await readSpeech(file, io.cwd, args.normalize !== false);
  for (const d of diagnostics) if (d.severity !== 'info') io.stderr.write(`${formatDiagnostic(d)}\n`);
  if (!speech || diagnostics.some((d) => d.severity === 'error')) return EXIT.failed;
  io.stdout.write(`${JSON.stringify(speech, null, 2)}\n`);
  return EXIT.ok;
}
