/**
 * `speechdoc serve`: start the local web page and keep it running until Ctrl-C. Build options come
 * from the config file and flags exactly as for `build`, so the page's files match the CLI's.
 */
import { spawn } from 'node:child_process';
import type { Args } from '../run.ts';
import { EXIT, type Io } from '../io.ts';
import { optionsOrReport } from '../resolve-options.ts';

/** Default port of the page. */
export const DEFAULT_PORT = 8020;

/** Run `serve`. Resolves when the server has stopped (a signal) or could not start. */
export async function runServe(args: Args, io: Io): Promise<number> {
  const options = optionsOrReport(args, io);
  if (!options) return EXIT.usage;
  const port = args.port === undefined ? DEFAULT_PORT : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr.write(`speechdoc: --port 应为 0 到 65535 的整数（0 表示自动选一个空闲端口），收到 ${String(args.port)}\n`);
    return EXIT.usage;
  }
  const workers = args.jobs === undefined ? undefined : Number(args.jobs);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 16)) {
    io.stderr.write(`speechdoc: --jobs 应为 1 到 16 的整数，收到 ${String(args.jobs)}\n`);
    return EXIT.usage;
  }
  const host = typeof args.host === 'string' && args.host ? args.host : '127.0.0.1';
  const { startServe, isLoopback } = await import('../../serve/start.ts');
  let started;
  try {
    started = await startServe({ build: options, host, port, ...(workers ? { workers } : {}) });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'EADDRINUSE' ? `端口 ${port} 已被占用；用 --port 换一个，或 --port 0 自动选择` : code === 'EADDRNOTAVAIL' ? `本机没有地址 ${host}` : (e as Error).message;
    io.stderr.write(`speechdoc: 无法启动网页服务：${why}\n`);
    return EXIT.failed;
  }
  if (!isLoopback(host)) {
    io.stderr.write(`speechdoc: 注意：网页服务对 ${host} 开放，同一网络里的其他电脑也能打开并上传文稿；只在可信的内部网络里这样用\n`);
  }
  io.stdout.write(`speechdoc serve：已启动，请在浏览器打开 ${started.url}（按 Ctrl-C 停止）\n`);
  if (args.open) openBrowser(started.url, io);
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await started.close();
  io.stderr.write('speechdoc serve：已停止，临时文件已删除\n');
  return EXIT.ok;
}

/** Open the page in the user's browser; a failure only prints the URL again. */
function openBrowser(url: string, io: Io): void {
  const [cmd, ...args] =
    process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '', url] : ['xdg-open', url];
  try {
    const child = spawn(cmd!, args, { stdio: 'ignore', detached: true });
    child.on('error', () => io.stderr.write(`speechdoc: 无法自动打开浏览器，请手动打开 ${url}\n`));
    child.unref();
  } catch {
    io.stderr.write(`speechdoc: 无法自动打开浏览器，请手动打开 ${url}\n`);
  }
}
