/**
 * Downloads: the PDF or DOCX of the manuscript on the page, made by `convertFile` — the function
 * `build` runs — with the server's build options and the page's preset and draft, from a copy in
 * a private temp folder (removed afterwards). Same input and options, same bytes as the CLI.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ServeContext } from './server.ts';
import { readForm } from './read-form.ts';
import { formatOf, requestOptions } from './request-options.ts';
import { textManuscript } from './manuscript.ts';
import { ServeError } from './serve-error.ts';
import { sourceDate } from '../pipeline/source-date.ts';

const TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** Register the download route. */
export async function fileRoutes(app: FastifyInstance, context: ServeContext): Promise<void> {
  app.post('/api/download', async (request, reply) => {
    const form = await readForm(request, 1);
    const format = formatOf(form.fields.format);
    const options = { ...requestOptions(context.build, form.fields), format: [format] };
    const file = form.files[0] ?? textManuscript(form.fields.text, form.fields.name);
    const converted = await context.temp.with(async (dir) => {
      const input = join(dir, `input${/\.[A-Za-z0-9]{1,10}$/.exec(file.name)?.[0]?.toLowerCase() ?? ''}`);
      await writeFile(input, file.bytes);
      return context.pool.run('convert', { input, display: file.name, options, dateMs: sourceDate().getTime() });
    });
    const bytes = converted.outputs[format];
    if (converted.failed || !bytes) {
      const worst = converted.diagnostics.find((d) => d.severity === 'error') ?? converted.diagnostics.find((d) => d.severity === 'warning');
      throw new ServeError(422, `${file.name} 无法生成 ${format.toUpperCase()}：${worst?.message ?? '原因不明'}`, converted.diagnostics);
    }
    const outName = `${file.name.replace(/\.[^.]*$/, '')}.${format}`;
    return reply
      .header('content-type', TYPES[format])
      .header('content-disposition', `attachment; filename="${asciiName(outName, format)}"; filename*=UTF-8''${encodeURIComponent(outName)}`)
      .header('x-speechdoc-pages', String(converted.pages))
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}

/** A plain-ASCII fallback name for old clients (the UTF-8 name is in `filename*`). */
function asciiName(name: string, format: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '').replace(/^[\s.]+/, '');
  return ascii.length > format.length + 1 ? ascii : `speech.${format}`;
}
