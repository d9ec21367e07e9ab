/** Process entry: run the CLI with the real streams and set the exit code (bundled as dist/cli.cjs, which the bin runs through launch.ts). */
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

/**
 * How the Word writer's serializer fares with the docx this bundle inlines: esbuild prints docx
 * again in dist/cli.cjs, and tests/render-docx/serializer.test.ts checks the CLI's own copy. Loaded
 * on demand, as a build loads the Word writer.
 */
export async function docxSerializerStatus(): Promise<ReturnType<typeof import('../render/docx/render-docx.ts').docxSerializerStatus>> {
  return (await import('../render/docx/render-docx.ts')).docxSerializerStatus();
}
