/**
 * The command line: yargs parses, this module dispatches. Commands run after parsing (not inside
 * yargs handlers) so every path returns an exit code and nothing calls process.exit. Each command's
 * module is imported only when chosen: `build` pulls in pdfkit, fontkit and docx, which `--help`,
 * `parse` and `check` never need (~0.3 s of start-up).
 */
import yargs, { type Argv, type Options } from 'yargs';
import type { Io } from './io.ts';
import { EXIT } from './io.ts';
import { detectLocale, LOCALES, parseLocale, setLocale, t } from '../i18n/index.ts';
import { skipHelpCache } from '../adapters/yargs.ts';

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

/** Stands for `-` while yargs parses. */
const STDIN_TOKEN = '\u0000stdin';

/** Fonts, output kinds and config: what `build` and `serve` render with, described once. */
function renderOptions(): Record<string, Options> {
  const m = t().help.build;
  return {
    font: { type: 'string', array: true, describe: m.font },
    'fonts-dir': { type: 'string', describe: m.fontsDir },
    'system-fonts': { type: 'boolean', describe: m.systemFonts },
    'docx-fonts': { choices: ['embed', 'system'], describe: m.docxFonts },
    pdfa: { type: 'boolean', describe: m.pdfa },
    normalize: { type: 'boolean', describe: m.normalize },
    config: { alias: 'c', type: 'string', describe: m.config },
  };
}

/** Options of `build`, also the keys a config file may set (see src/config/options.ts). */
function buildOptions(y: Argv): Argv {
  const m = t().help.build;
  return y
    .positional('inputs', { describe: m.inputs, type: 'string', array: true, defaultDescription: 'input/' })
    .option('out', { alias: 'o', type: 'string', describe: m.out })
    .option('format', { alias: 'f', type: 'string', describe: m.format })
    .option('preset', { alias: 'p', choices: ['official', 'reading'], describe: m.preset })
    .option('draft', { type: 'boolean', describe: m.draft })
    .option('strict', { type: 'boolean', describe: m.strict })
    // A string, checked by us: yargs turns `-j abc` into NaN and the user's value is lost.
    .option('jobs', { alias: 'j', type: 'string', describe: m.jobs })
    .option('report', { type: 'string', describe: m.report })
    .option('watch', { alias: 'w', type: 'boolean', describe: m.watch })
    .options(renderOptions())
    .option('quiet', { alias: 'q', type: 'boolean', describe: m.quiet })
    .option('verbose', { alias: 'v', type: 'boolean', describe: m.verbose })
    .option('json', { type: 'boolean', describe: m.json })
    .example('$0 build', m.exBuild)
    .example('$0 build drafts/ -o handouts --format pdf', m.exFormat)
    .example("$0 build 'archive/**/*.txt' --jobs 2 --report report.json", m.exArchive)
    .example('$0 build speech.txt --font body=仿宋_GB2312 --font title=fonts/FZXBSJW.TTF', m.exFont)
    .example('$0 build - < speech.txt', m.exStdin);
}

/** Run the CLI with `argv` (without node and script). Returns the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let chosen: { run: Command; args: Args } | undefined;
  const pick = (run: Command) => (args: Args) => {
    chosen = { run, args };
  };
  const lang = argv.find((a, i) => a.startsWith('--lang=') || argv[i - 1] === '--lang');
  const given = lang?.replace(/^--lang=/, '');
  if (given !== undefined && !parseLocale(given)) {
    setLocale(detectLocale([], io.env));
    io.stderr.write(`${t().prefix}${t().usage.lang(given)}\n${t().seeHelp}\n`);
    return EXIT.usage;
  }
  const locale = detectLocale(argv, io.env);
  setLocale(locale);
  const h = t().help;
  // yargs drops a lone `-` (standard input); carry it through as a token no file name contains.
  // Our handlers show nothing, so yargs need not format the command's help after one (~40 ms).
  const parser = skipHelpCache(yargs(argv.map((a) => (a === '-' ? STDIN_TOKEN : a))))
    .scriptName('speechdoc')
    // Our catalog, not the environment: yargs would otherwise pick its locale from LANG by itself.
    .locale(locale === 'zh' ? 'zh_CN' : 'en')
    .updateLocale(t().yargs as Record<string, string>)
    .usage(h.usage)
    .option('lang', { type: 'string', choices: [...LOCALES], describe: h.lang, global: true })
    .command('build [inputs..]', h.build.describe, buildOptions, pick(runBuild))
    .command(
      'parse <file>',
      h.parse.describe,
      (y) =>
        y
          .positional('file', { type: 'string', describe: h.parse.file })
          .option('normalize', { type: 'boolean', describe: h.parse.normalize })
          .example('$0 parse input/seed-speech.txt', h.parse.ex),
      pick(runParse),
    )
    .command(
      'check <files..>',
      h.check.describe,
      (y) =>
        y
          .positional('files', { type: 'string', array: true, describe: h.check.files })
          .option('strict', { type: 'boolean', describe: h.check.strict })
          .option('format', { choices: ['text', 'json'], default: 'text', describe: h.check.format })
          .option('normalize', { type: 'boolean', describe: h.check.normalize })
          .option('verbose', { alias: 'v', type: 'boolean', describe: h.check.verbose })
          .option('fix', { type: 'boolean', describe: h.check.fix })
          .option('write', { type: 'boolean', describe: h.check.write })
          .option('config', { alias: 'c', type: 'string', describe: h.build.config })
          .example('$0 check input/*.txt', h.check.ex)
          .example('$0 check speech.txt --strict --format json', h.check.exStrict)
          .example('$0 check speech.txt --fix', h.check.exFix),
      pick(runCheck),
    )
    .command(
      'fonts [file]',
      h.fonts.describe,
      (y) =>
        y
          .positional('file', { type: 'string', describe: h.fonts.file })
          .option('font', { type: 'string', array: true, describe: h.fonts.font })
          .option('fonts-dir', { type: 'string', describe: h.fonts.fontsDir })
          .option('system-fonts', { type: 'boolean', describe: h.fonts.systemFonts })
          .option('preset', { choices: ['official', 'reading'], describe: h.fonts.preset })
          .option('config', { alias: 'c', type: 'string', describe: h.fonts.config })
          .option('strict', { type: 'boolean', describe: h.fonts.strict })
          .option('json', { type: 'boolean', describe: h.fonts.json })
          .example('$0 fonts', h.fonts.ex)
          .example('$0 fonts input/seed-speech.txt', h.fonts.exFile),
      pick(runFonts),
    )
    .command(
      'init [dir]',
      h.init.describe,
      (y) => y.positional('dir', { type: 'string', default: '.', describe: h.init.dir }).example('$0 init my-speeches', h.init.ex),
      pick(runInit),
    )
    .command(
      'serve',
      h.serve.describe,
      (y) =>
        y
          .option('port', { type: 'number', describe: h.serve.port })
          .option('host', { type: 'string', describe: h.serve.host })
          .option('open', { type: 'boolean', describe: h.serve.open })
          .option('jobs', { alias: 'j', type: 'number', describe: h.serve.jobs })
          .option('preset', { alias: 'p', choices: ['official', 'reading'], describe: h.serve.preset })
          .option('draft', { type: 'boolean', describe: h.serve.draft })
          .option('strict', { type: 'boolean', describe: h.serve.strict })
          .options(renderOptions())
          .example('$0 serve --open', h.serve.ex),
      pick(runServe),
    )
    .demandCommand(1, h.demandCommand)
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .describe('help', h.help)
    .version()
    .describe('version', h.version)
    .epilog(h.epilog)
    .wrap(Math.min(110, (io.stdout as { columns?: number }).columns ?? 100))
    .exitProcess(false);

  const outcome = await new Promise<{ error?: Error; output: string }>((resolveParse) => {
    parser.parse(argv.map((a) => (a === '-' ? STDIN_TOKEN : a)), {}, (error, _args, output) => resolveParse({ error: error ?? undefined, output }));
  });
  if (outcome.error) {
    io.stderr.write(`${t().prefix}${outcome.error.message}\n${t().seeHelp}\n`);
    return EXIT.usage;
  }
  if (outcome.output) {
    io.stdout.write(outcome.output.endsWith('\n') ? outcome.output : `${outcome.output}\n`);
    return EXIT.ok;
  }
  if (!chosen) return EXIT.usage;
  const back = (v: unknown): unknown => (v === STDIN_TOKEN ? '-' : Array.isArray(v) ? v.map(back) : v);
  const args = Object.fromEntries(Object.entries(chosen.args).map(([k, v]) => [k, back(v)])) as Args;
  return chosen.run(args, io);
}
