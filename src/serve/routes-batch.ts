/** Batch routes: upload several files or zips, follow the progress, fetch the zip of the results. */
import type { FastifyInstance } from 'fastify';
import type { ServeContext } from './server.ts';
import { readForm } from './read-form.ts';
import { requestOptions } from './request-options.ts';
import { expandZips } from './uploads.ts';
import { ServeError } from './serve-error.ts';
import { MAX_BATCH_FILES, MAX_BATCHES } from './limits.ts';

/** Register the batch routes. */
export async function batchRoutes(app: FastifyInstance, context: ServeContext): Promise<void> {
  app.post('/api/batch', async (request, reply) => {
    if (context.batches.full) throw new ServeError(503, `已有 ${MAX_BATCHES} 批文件在处理，请稍后再试`);
    const form = await readForm(request, MAX_BATCH_FILES);
    if (form.files.length === 0) throw new ServeError(400, '没有收到文件');
    const options = requestOptions(context.build, form.fields);
    const { files, problems } = await expandZips(form.files);
    const id = context.batches.start(files, problems, { preset: options.preset, draft: options.draft });
    return reply.code(202).send({ id, total: files.length + problems.length });
  });

  app.get('/api/batch/:id', async (request) => {
    const state = context.batches.state((request.params as { id: string }).id);
    if (!state) throw new ServeError(404, '找不到这批文件（可能已过期），请重新上传');
    return state;
  });

  app.get('/api/batch/:id/zip', async (request, reply) => {
    const zip = context.batches.zip((request.params as { id: string }).id);
    if (!zip) throw new ServeError(404, '这批文件还没处理完，或已过期');
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="speechdoc.zip"; filename*=UTF-8''${encodeURIComponent('讲话稿排版结果.zip')}`)
      .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });
}
