/** The page itself: HTML, script and style, shipped in the package and served as they are (no CDN). */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ServeContext } from './server.ts';
import { MAX_BATCH_BYTES, MAX_BATCH_FILES, MAX_FILE_BYTES, MAX_TEXT_BYTES } from './limits.ts';

const ASSETS: Record<string, string> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/app.css': 'app.css',
  '/positions.js': 'positions.js',
};

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/**
 * Nothing from elsewhere: script, styles, fonts and requests only to this server (pages are SVG
 * strings the page inserts; downloads are blob: URLs).
 */
const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Register the page's routes; assets are read once, at start. */
export async function pageRoutes(app: FastifyInstance, context: ServeContext): Promise<void> {
  for (const [route, file] of Object.entries(ASSETS)) {
    // Beside this module in the sources; copied to dist/client/ beside the bundle (scripts/bundle.mjs).
    const body = readFileSync(new URL(`./client/${file}`, import.meta.url));
    const type = TYPES[file.split('.').pop()!]!;
    app.get(route, (_request, reply) =>
      reply.header('content-type', type).header('cache-control', 'no-cache').header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').send(body),
    );
  }
  // Browsers ask for it; the page has none (a 404 would only be noise in the console).
  app.get('/favicon.ico', (_request, reply) => reply.code(204).send());
  app.get('/api/info', async () => ({
    preset: context.build.preset,
    draft: context.build.draft,
    formats: context.build.format,
    limits: { fileBytes: MAX_FILE_BYTES, textBytes: MAX_TEXT_BYTES, batchFiles: MAX_BATCH_FILES, batchBytes: MAX_BATCH_BYTES },
  }));
}
