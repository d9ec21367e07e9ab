/**
 * The manuscript a request is about: an uploaded file as it is, or the editor's text (UTF-8) under
 * a safe name whose extension says how to read it (a Word draft's text is read as plain text).
 */
import { formatOf } from '../parse/formats.ts';
import { MAX_TEXT_BYTES, mb } from './limits.ts';
import { safeName } from './safe-name.ts';
import { ServeError } from './serve-error.ts';
import type { Upload } from './uploads.ts';

/** The editor's text as a manuscript named `name`. */
export function textManuscript(text: unknown, name: unknown): Upload {
  if (typeof text !== 'string') throw new ServeError(400, '请求里没有文稿文字');
  const bytes = new TextEncoder().encode(text);
  if (bytes.byteLength > MAX_TEXT_BYTES) throw new ServeError(413, `文字超过 ${mb(MAX_TEXT_BYTES)} 的上限`);
  return { name: textName(typeof name === 'string' ? name : undefined), bytes };
}

/** A name for editor text: the file's own for text, Markdown and JSON; `stem.txt` otherwise. */
export function textName(name: string | undefined): string {
  const safe = safeName(name);
  const format = formatOf(safe);
  if (format === 'text' || format === 'markdown' || format === 'json') return safe;
  return `${safe.replace(/\.[^.]*$/, '')}.txt`;
}
