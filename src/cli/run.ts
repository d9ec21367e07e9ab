/**
 * The command line: yargs parses, this module dispatches. Commands run after parsing (not inside
 * yargs handlers) so every path returns an exit code and nothing calls process.exit. Each command's
 * module is imported only when chosen: `build` pulls in pdfkit, fontkit and docx, which `--help`,
 * `parse` and `check` never need (~0.3 s of start-up).
 */
import yargs, { type Argv } from 'yargs';
import type { Io } from './io.ts';
import { EXIT } from './io.ts';

/** Parsed arguments of the chosen command. */
export type Args = Record<string, unknown> & { _: Array<string | number> };

type Command = (args: Args, io: Io) => Promise<number>;

/** The commands, loaded on demand. */
const runBuild: Command = async (args, io) => (await import('./commands/build.ts')).runBuild(args, io);
const runParse: Command = async (args, io) => (await import('./commands/parse.ts')).runParse(args, io);
const runCheck: Command = async (args, io) => (await import('./commands/check.ts')).runCheck(args, io);
const runFonts: Command = async (args, io) => (await import('./commands/fonts.ts')).runFonts(args, io);
const runInit: Command = async (args, io) => (await import('./commands/init.ts')).runInit(args, io);
const runServe: Command = async (args, io) => (await import('./commands/serve.ts')).runServe(args, io);

const EPILOG = 'Exit codes: 0 success, 1 a file failed or has errors, 2 usage or config error.\nDocs: README.md';

/** Options of `build`, also the keys a config file may set (see src/config/options.ts). */
function buildOptions(y: Argv): Argv {
  return y
    .positional('inputs', { describe: 'files, folders or globs to build (default: input/)', type: 'string', array: true })
    .option('out', { alias: 'o', type: 'string', describe: 'output folder (default: output/)' })
    .option('format', { alias: 'f', type: 'string', describe: 'outputs to write: pdf, docx or pdf,docx' })
    .option('preset', { alias: 'p', choices: ['official', 'reading'], describe: 'GB/T 9704 handout or large-print reading copy' })
    .option('draft', { type: 'boolean', describe: 'highlight unfilled placeholders (XX, ○○…) in the PDF' })
    .option('strict', { type: 'boolean', describe: 'warnings fail the file' })
    .option('jobs', { alias: 'j', type: 'number', describe: 'parallel lanes (main thread + workers); default: one per CPU when the batch is big enough' })
    .option('report', { type: 'string', describe: 'write a JSON report of the build to this file' })
    .option('watch', { alias: 'w', type: 'boolean', describe: 'rebuild inputs when they change' })
    .option('font', { type: 'string', array: true, describe: 'role=NameOrPath, e.g. body=仿宋_GB2312 (repeatable)' })
    .option('fonts-dir', { type: 'string', describe: 'folder of your own font files (default: fonts/)' })
    .option('system-fonts', { type: 'boolean', describe: 'look for installed fonts (default: true)' })
    .option('docx-fonts', { choices: ['embed', 'system'], describe: 'embed font subsets, or name the standard Office faces' })
    .option('pdfa', { type: 'boolean', describe: 'write PDF/A-2b' })
    .option('normalize', { type: 'boolean', describe: 'full-width punctuation etc. (default: true; --no-normalize)' })
    .option('config', { alias: 'c', type: 'string', describe: 'config file (default: speechdoc.config.json/.yaml found upward)' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print only errors and the summary' })
    .option('verbose', { alias: 'v', type: 'boolean', describe: 'print every finding, and stack traces for crashes' })
    .option('json', { type: 'boolean', describe: 'machine-readable progress and summary (JSON lines on stdout)' })
    .example('$0 build', 'build every speech in input/ into output/')
    .example('$0 build drafts/ -o handouts --format pdf', 'PDFs only, from another folder')
    .example("$0 build 'archive/**/*.txt' --jobs 2 --report report.json", 'a whole archive, with a report')
    .example('$0 build speech.txt --font body=仿宋_GB2312 --font title=fonts/FZXBSJW.TTF', 'use the standard faces');
}

/** Run the CLI with `argv` (without node and script). Returns the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let chosen: { run: Command; args: Args } | undefined;
  const pick = (run: Command) => (args: Args) => {
    chosen = { run, args };
  };
  const parser = yargs(argv)
    .scriptName('speechdoc')
    .usage('$0 <command> [options]\n\nTypeset Chinese speeches (讲话稿) as a GB/T 9704 PDF handout and an editable Word copy.')
    .command('build [inputs..]', 'render speeches to PDF and DOCX', buildOptions, pick(runBuild))
    .command(
      'parse <file>',
      'print the structured model of a speech as JSON',
      (y) =>
        y
          .positional('file', { type: 'string', describe: 'a .txt, .md, .json or .docx speech' })
          .option('normalize', { type: 'boolean', describe: 'normalize punctuation (default: true)' })
          .example('$0 parse input/seed-speech.txt', 'show title, headings, leads, placeholders'),
      pick(runParse),
    )
    .command(
      'check <files..>',
      'lint speeches: placeholders, numbering, brackets, dates, 文号…',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, describe: 'speeches to check' })
          .option('strict', { type: 'boolean', describe: 'warnings count as failures (exit 1)' })
          .option('format', { choices: ['text', 'json'], default: 'text', describe: 'output format' })
          .option('normalize', { type: 'boolean', describe: 'report normalizations (default: true)' })
          .option('verbose', { alias: 'v', type: 'boolean', describe: 'list every normalization, and hints' })
          .example('$0 check input/*.txt', 'file:line:col severity rule-id message')
          .example('$0 check speech.txt --strict --format json', 'fail on warnings; JSON output'),
      pick(runCheck),
    )
    .command(
      'fonts [file]',
      'show which face serves each role, and what a document lacks',
      (y) =>
        y
          .positional('file', { type: 'string', describe: 'a speech whose characters to check' })
          .option('font', { type: 'string', array: true, describe: 'role=NameOrPath (repeatable)' })
          .option('fonts-dir', { type: 'string', describe: 'folder of your own fonts (default: fonts/)' })
          .option('system-fonts', { type: 'boolean', describe: 'look for installed fonts (default: true)' })
          .option('preset', { choices: ['official', 'reading'], describe: 'preset whose roles to show' })
          .option('config', { alias: 'c', type: 'string', describe: 'config file' })
          .option('json', { type: 'boolean', describe: 'JSON output' })
          .example('$0 fonts', 'the role table')
          .example('$0 fonts input/seed-speech.txt', 'plus the characters each face lacks'),
      pick(runFonts),
    )
    .command(
      'init [dir]',
      'create a working folder: config, input/ with a sample, fonts/',
      (y) => y.positional('dir', { type: 'string', default: '.', describe: 'folder to set up' }).example('$0 init my-speeches', ''),
      pick(runInit),
    )
    .command(
      'serve',
      'start the local web page: paste or drop a speech, see the pages, download PDF/DOCX',
      (y) =>
        y
          .option('port', { type: 'number', describe: 'port (default 8020; 0 picks a free one)' })
          .option('host', { type: 'string', describe: 'interface to listen on (default 127.0.0.1, this computer only)' })
          .option('open', { type: 'boolean', describe: 'open the page in the browser' })
          .option('jobs', { alias: 'j', type: 'number', describe: 'render workers (default 2)' })
          .option('preset', { alias: 'p', choices: ['official', 'reading'], describe: 'preset the page starts with' })
          .option('draft', { type: 'boolean', describe: 'highlight unfilled placeholders' })
          .option('strict', { type: 'boolean', describe: 'warnings fail the downloads' })
          .option('font', { type: 'string', array: true, describe: 'role=NameOrPath (repeatable)' })
          .option('fonts-dir', { type: 'string', describe: 'folder of your own fonts (default: fonts/)' })
          .option('system-fonts', { type: 'boolean', describe: 'look for installed fonts (default: true)' })
          .option('docx-fonts', { choices: ['embed', 'system'], describe: 'embed font subsets, or name the standard Office faces' })
          .option('pdfa', { type: 'boolean', describe: 'write PDF/A-2b' })
          .option('normalize', { type: 'boolean', describe: 'full-width punctuation etc. (default: true)' })
          .option('config', { alias: 'c', type: 'string', describe: 'config file' })
          .example('$0 serve --open', 'start the page and open it in the browser'),
      pick(runServe),
    )
    .demandCommand(1, 'Name a command: build, parse, check, fonts, init or serve.')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .epilog(EPILOG)
    .wrap(Math.min(110, (io.stdout as { columns?: number }).columns ?? 100))
    .exitProcess(false);

  const outcome = await new Promise<{ error?: Error; output: string }>((resolveParse) => {
    parser.parse(argv, {}, (error, _args, output) => resolveParse({ error: error ?? undefined, output }));
  });
  if (outcome.error) {
    io.stderr.write(`speechdoc: ${outcome.error.message}\nRun 'speechdoc --help' for usage.\n`);
    return EXIT.usage;
  }
  if (outcome.output) {
    io.stdout.write(outcome.output.endsWith('\n') ? outcome.output : `${outcome.output}\n`);
    return EXIT.ok;
  }
  if (!chosen) return EXIT.usage;
  return chosen.run(chosen.args, io);
}
