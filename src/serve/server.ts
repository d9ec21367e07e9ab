/**
 * `speechdoc serve`: a local web page for the clerk (Fastify). The server only wires stages: page
 * assets, uploads within limits, render workers for layout and files, batches. Every refusal is a
 * Chinese message with a 4xx status; an internal error is a short Chinese message, never a stack.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { BuildOptions } from '../config/options.ts';
import { RenderPool } from './render-pool.ts';
import { TempFolders } from './temp-folders.ts';
import { FontSubsets } from './font-subsets.ts';
import { Batches } from './batch.ts';
import { MAX_BATCH_FILES, MAX_FILE_BYTES, MAX_TEXT_BYTES } from './limits.ts';
import { ServeError } from './serve-error.ts';
import { isLoopback } from './loopback.ts';
import { pageRoutes } from './routes-page.ts';
import { previewRoutes } from './routes-preview.ts';
import { fileRoutes } from './routes-files.ts';
import { batchRoutes } from './routes-batch.ts';

/** How to start a server. */
export interface ServeOptions {
  /** Build options the page's files are made with (config file and flags, as `build` resolves them). */
  build: BuildOptions;
  /** Render workers (default 2, at most the CPUs). */
  workers: number;
  /** Log each request to stderr. */
  log?: boolean;
  /**
   * Listening on this computer only: then a request must also name this computer in its Host
   * header, so a web page elsewhere cannot reach the server through a DNS name pointed at 127.0.0.1.
   */
  loopbackOnly?: boolean;
}

/** What the routes share. */
export interface ServeContext {
  /** The render workers. */
  pool: RenderPool;
  /** Private temp folders. */
  temp: TempFolders;
  /** Font subsets for the page. */
  fonts: FontSubsets;
  /** Batches. */
  batches: Batches;
  /** The base build options. */
  build: BuildOptions;
  /** The font report lines of the build options (for batch reports), once the workers have loaded them. */
  fontLines: Promise<string[]>;
}

/** A running server's handle. */
export interface Server {
  /** The Fastify app (tests inject requests). */
  app: FastifyInstance;
  /** The shared context. */
  context: ServeContext;
  /** Stop: close connections, stop workers, remove temp folders. */
  close(): Promise<void>;
}

/** Create the server (not yet listening). */
export async function createServer(options: ServeOptions): Promise<Server> {
  const pool = new RenderPool(options.workers);
  const temp = new TempFolders();
  const build = options.build;
  // Every worker loads its fonts now, so the first preview does not wait ~1 s for them.
  const warm = Array.from({ length: options.workers }, () => pool.run('warm', { options: build }));
  const fontLines = warm[0]!.then((w) => w.fonts).catch(() => [] as string[]);
  const context: ServeContext = {
    pool,
    temp,
    fonts: new FontSubsets(pool, () => build),
    batches: new Batches(pool, temp, async () => ({ options: build, fonts: await fontLines })),
    build,
    fontLines,
  };
  const app = Fastify({ logger: options.log ? { level: 'info' } : false, bodyLimit: MAX_TEXT_BYTES + 64 * 1024 });
  await app.register(multipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: MAX_BATCH_FILES, fields: 20, fieldSize: MAX_TEXT_BYTES, parts: MAX_BATCH_FILES + 20 },
  });
  app.setErrorHandler((thrown, _request, reply) => {
    const error = thrown as Error & { code?: string; statusCode?: number };
    if (error instanceof ServeError) return reply.code(error.statusCode).send({ error: error.message, findings: error.findings });
    const code = error.code;
    const status = error.statusCode ?? 500;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ error: '文字太长，超过了上限' });
    if (status >= 400 && status < 500) return reply.code(status).send({ error: `请求有误：${error.message}` });
    process.stderr.write(`speechdoc serve: internal error: ${error.stack ?? error.message}\n`);
    return reply.code(500).send({ error: '服务器内部错误，请重试；若一再出现，请把文件发给维护者' });
  });
  if (options.loopbackOnly) {
    app.addHook('onRequest', async (request, reply) => {
      const host = (request.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
      if (!isLoopback(host)) return reply.code(403).send({ error: '此服务只接受本机访问（用 --host 开放给局域网）' });
    });
  }
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: '没有这个页面' }));
  await pageRoutes(app, context);
  await previewRoutes(app, context);
  await fileRoutes(app, context);
  await batchRoutes(app, context);
  return {
    app,
    context,
    async close() {
      await app.close();
      context.batches.clear();
      await pool.close();
      temp.removeAll();
    },
  };
}
