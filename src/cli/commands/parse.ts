/** `speechdoc parse <file>`: print the model as JSON; findings go to stderr. `-` reads standard input. */
import type { Args } from '../run.ts';
import { EXIT, type Io } from '../io.ts';
import { formatDiagnostic } from '../../diagnostics/format.ts';
import { readSpeech } from '../read-speech.ts';
import { attachExcerpts } from '../../diagnostics/excerpt.ts';

/** Run `parse`. */
export async function runParse(args: Args, io: Io): Promise<number> {
  const file = String(args.file);
  const read = await readSpeech(file, io, args.normalize !== false);
  const shown = read.diagnostics.filter((d) => d.severity !== 'info');
  attachExcerpts(shown, read.lines);
  for (const d of shown) io.stderr.write(`${formatDiagnostic(d)}\n`);
  if (read.missing) return EXIT.usage;
  if (!read.speech || read.diagnostics.some((d) => d.severity === 'error')) return EXIT.failed;
  io.stdout.write(`${JSON.stringify(read.speech, null, 2)}\n`);
  return EXIT.ok;
}
