#!/usr/bin/env node
/** Process entry: run the CLI with the real streams and set the exit code. */
import { hideBin } from 'yargs/helpers';
import { runCli } from './run.ts';

/** Run speechdoc as a program. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(hideBin(process.argv), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
  });
}
