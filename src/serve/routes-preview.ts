/**
 * Preview routes: open a file (its text for the editor plus its pages), re-typeset the editor's
 * text, and the font subsets the pages name. A request the page abandoned (it sent a newer one)
 * is dropped before a worker starts on it.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { BuildOptions } from '../config/options.ts';
import type { Preview } from './preview.ts';
import type { ServeContext } from './server.ts';
import type { Upload } from './uploads.ts';
import { readForm } from './read-form.ts';
import { requestOptions } from './request-options.ts';
import { textManuscript } from './manuscript.ts';
import { ServeError } from './serve-error.ts';
import { TaskAbandoned } from './render-pool.ts';

/** Register the preview routes. */
export async function previewRoutes(app: FastifyInstance, context: ServeContext): Promise<void> {
  const preview = async (reply: FastifyReply, file: Upload, options: BuildOptions, withText: boolean) => {
    const gone = abandoned(reply);
    try {
      const p = await context.pool.run('preview', { bytes: file.bytes, name: file.name, options, withText }, { signal: gone });
      context.fonts.register(p.faces);
      return answer(file.name, p);
    } catch (e) {
      if (e instanceof TaskAbandoned) return reply.code(499).send({ error: '已取消' });
      throw e;
    }
  };

  app.post('/api/open', async (request, reply) => {
    const form = await readForm(request, 1);
    const file = form.files[0];
    if (!file) throw new ServeError(400, '没有收到文件');
    return preview(reply, file, requestOptions(context.build, form.fields), true);
  });

  app.post('/api/preview', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const file = textManuscript(body.text, body.name);
    return preview(reply, file, requestOptions(context.build, body), false);
  });

  app.get('/api/fonts/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const m = /^(sd-[0-9a-f]{16})\.ttf$/.exec(file);
    const bytes = m ? await context.fonts.get(m[1]!) : undefined;
    if (!bytes) throw new ServeError(404, '没有这个字体子集');
    return reply.header('content-type', 'font/ttf').header('cache-control', 'public, max-age=31536000, immutable').send(Buffer.from(bytes));
  });
}

/** The JSON the page gets: the preview, its name, and the `@font-face` sources. */
function answer(name: string, p: Preview) {
  return { name, ...p, fontFaces: p.faces.map((f) => ({ family: f.family, url: `/api/fonts/${f.family}.ttf` })), faces: undefined };
}

/** A signal that aborts when the client goes away before the answer is sent. */
function abandoned(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}
