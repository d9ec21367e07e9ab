#!/usr/bin/env node
/** Process entry: run the CLI with the real streams and set the exit code. */
import { hideBin } from 'yargs/helpers';
import { runCli } from './run.ts';

/** Run speechdoc as a program. */
export async function main(): Promise<void> {
  const argv = hideBin(process.argv);
  try {
    process.exitCode = await runCli(argv, {
      stdout: process.stdout,
      stderr: process.stderr,
      cwd: process.cwd(),
      env: process.env,
      stdin: process.stdin,
    });
  } catch (e) {
    // The last net: whatever the input or option, the user reads one line, not a stack trace
    // (--verbose shows it, for a bug report).
    const err = e as Error;
    process.stderr.write(`speechdoc: 出错了：${err.message.split('\n')[0]}\n`);
    if (argv.includes('--verbose') || argv.includes('-v')) process.stderr.write(`${err.stack ?? ''}\n`);
    process.exitCode = 1;
  }
}
