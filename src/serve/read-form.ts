/**
 * A multipart form read into memory within the limits: its text fields and its files (names made
 * safe). Over a limit, the request is refused with a message that names the limit.
 */
import type { FastifyRequest } from 'fastify';
import { MAX_BATCH_BYTES, MAX_BATCH_FILES, MAX_FILE_BYTES, MAX_TEXT_BYTES, mb } from './limits.ts';
import { safeName } from './safe-name.ts';
import { ServeError } from './serve-error.ts';
import type { Upload } from './uploads.ts';

/** A form's fields and files. */
export interface Form {
  /** Text fields by name (the last one wins). */
  fields: Record<string, string>;
  /** Files in the order sent. */
  files: Upload[];
}

/** Read a multipart request. `maxFiles` bounds the files (1 for the editor, the batch limit otherwise). */
export async function readForm(request: FastifyRequest, maxFiles = 1): Promise<Form> {
  if (!request.isMultipart()) throw new ServeError(400, '请求格式不对：应以表单（multipart/form-data）上传文件');
  const form: Form = { fields: {}, files: [] };
  let total = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.valueTruncated) throw new ServeError(413, `文字超过 ${mb(MAX_TEXT_BYTES)} 的上限`);
        form.fields[part.fieldname] = String(part.value);
        continue;
      }
      if (form.files.length >= maxFiles) {
        throw new ServeError(413, maxFiles === 1 ? '这里一次只能打开一个文件；多个文件请用“批量生成”' : `一次最多上传 ${MAX_BATCH_FILES} 个文件`);
      }
      const bytes = new Uint8Array(await part.toBuffer());
      total += bytes.byteLength;
      if (total > MAX_BATCH_BYTES) throw new ServeError(413, `上传的文件合计超过 ${mb(MAX_BATCH_BYTES)} 的上限`);
      form.files.push({ name: safeName(part.filename), bytes });
    }
  } catch (e) {
    throw limitError(e);
  }
  return form;
}

/** The multipart plugin's limit errors, in the clerk's words. */
function limitError(e: unknown): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new ServeError(413, `文件超过 ${mb(MAX_FILE_BYTES)} 的上限，未处理`);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new ServeError(413, `一次最多上传 ${MAX_BATCH_FILES} 个文件`);
  }
  if (code === 'FST_MP_PREMATURE_CLOSE') return new ServeError(400, '上传中断，请重试');
  return e;
}
