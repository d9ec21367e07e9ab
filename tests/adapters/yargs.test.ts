/**
 * src/adapters/yargs.ts against the installed yargs: yargs still formats a command's help text
 * after its handler through `usage.cacheHelpMessage`, and with the adapter it does not, while
 * `--help` still prints it. A yargs release that moves the internal fails here by name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import yargs, { type Argv } from 'yargs';
import { canSkipHelpCache, skipHelpCache } from '../../src/adapters/yargs.ts';

/** A parser with one command, and a count of the times yargs formats help text. */
function parser(skip: boolean): { p: Argv; helps: () => number } {
  let helps = 0;
  const p = yargs([]).command('run [x]', 'runs', (y) => y.option('flag', { type: 'boolean', describe: 'a flag' }), () => {}).exitProcess(false);
  const usage = (p as unknown as { getInternalMethods(): { getUsageInstance(): { help(): string } } }).getInternalMethods().getUsageInstance();
  const help = usage.help.bind(usage);
  usage.help = () => {
    helps++;
    return help();
  };
  return { p: skip ? skipHelpCache(p) : p, helps: () => helps };
}

async function parse(p: Argv, argv: string[]): Promise<string> {
  return new Promise((resolve) => p.parse(argv, {}, (_e, _a, output) => resolve(output)));
}

test('yargs formats the help of a command after its handler, unless the adapter skips it', async () => {
  assert.ok(canSkipHelpCache(yargs([])), 'yargs has no getInternalMethods().getUsageInstance().cacheHelpMessage: update src/adapters/yargs.ts');
  const plain = parser(false);
  await parse(plain.p, ['run', 'a']);
  assert.ok(plain.helps() > 0, 'yargs no longer formats help after a handler: src/adapters/yargs.ts may go');
  const skipped = parser(true);
  await parse(skipped.p, ['run', 'a', '--flag']);
  assert.equal(skipped.helps(), 0);
  // Help asked for is still printed.
  assert.match(await parse(parser(true).p, ['run', '--help']), /--flag\s+a flag/);
});
