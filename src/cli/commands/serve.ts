/**
 * `speechdoc serve`: start the local web page and keep it running until Ctrl-C. Build options come
 * from the config file and flags exactly as for `build`, so the page's files match the CLI's.
 */
import { spawn } from 'node:child_process';
import type { Args } from '../run.ts';
import { EXIT, type Io } from '../io.ts';
import { optionsOrReport } from '../resolve-options.ts';
import { t } from '../../i18n/index.ts';

/** Default port of the page. */
export const DEFAULT_PORT = 8020;

/** Run `serve`. Resolves when the server has stopped (a signal) or could not start. */
export async function runServe(args: Args, io: Io): Promise<number> {
  const options = optionsOrReport(args, io);
  if (!options) return EXIT.usage;
  const port = args.port === undefined ? DEFAULT_PORT : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr.write(`${t().prefix}${t().serve.badPort(String(args.port))}\n`);
    return EXIT.usage;
  }
  const workers = args.jobs === undefined ? undefined : Number(args.jobs);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 16)) {
    io.stderr.write(`${t().prefix}${t().serve.badJobs(String(args.jobs))}\n`);
    return EXIT.usage;
  }
  const host = typeof args.host === 'string' && args.host ? args.host : '127.0.0.1';
  const { startServe, isLoopback } = await import('../../serve/start.ts');
  let started;
  try {
    started = await startServe({ build: options, host, port, ...(workers ? { workers } : {}) });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const m = t().serve;
    const why = code === 'EADDRINUSE' ? m.portInUse(port) : code === 'EADDRNOTAVAIL' ? m.noSuchHost(host) : (e as Error).message;
    io.stderr.write(`${t().prefix}${m.cannotStart(why)}\n`);
    return EXIT.failed;
  }
  if (!isLoopback(host)) {
    io.stderr.write(`${t().prefix}${t().serve.openToNetwork(host)}\n`);
  }
  io.stdout.write(`${t().serve.started(started.url)}\n`);
  if (args.open) openBrowser(started.url, io);
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await started.close();
  io.stderr.write(`${t().serve.stopped}\n`);
  return EXIT.ok;
}

/** Open the page in the user's browser; a failure only prints the URL again. */
function openBrowser(url: string, io: Io): void {
  const [cmd, ...args] =
    process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '', url] : ['xdg-open', url];
  try {
    const child = spawn(cmd!, args, { stdio: 'ignore', detached: true });
    child.on('error', () => io.stderr.write(`${t().prefix}${t().serve.cannotOpen(url)}\n`));
    child.unref();
  } catch {
    io.stderr.write(`${t().prefix}${t().serve.cannotOpen(url)}\n`);
  }
}
