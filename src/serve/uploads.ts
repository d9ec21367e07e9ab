/**
 * Reading uploads: each file's bytes (bounded by the limits), its name made safe, zips unpacked
 * into their entries (bounded too, so a zip bomb is refused, not unpacked). Problems are findings
 * the page shows, not exceptions.
 */
import { unzip, type Unzipped } from 'fflate';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { MAX_BATCH_FILES, MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, mb } from './limits.ts';
import { safeName, uniqueNames } from './safe-name.ts';

/** One uploaded file, in memory. */
export interface Upload {
  /** Safe base name (see safe-name.ts). */
  name: string;
  /** Its bytes. */
  bytes: Uint8Array;
}

/** Whether bytes are a zip archive (local file header). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Word and OpenDocument files are zips too; only a `.zip` is a batch to unpack. */
const isBatchZip = (u: Upload) => /\.zip$/i.test(u.name) && isZip(u.bytes);

/** Unpack the `.zip` uploads of a batch into their entries; other files pass through. */
export async function expandZips(uploads: Upload[]): Promise<{ files: Upload[]; problems: Diagnostic[] }> {
  const files: Upload[] = [];
  const problems: Diagnostic[] = [];
  let unpacked = 0;
  for (const u of uploads) {
    if (!isBatchZip(u)) {
      files.push(u);
      continue;
    }
    let tooBig = false;
    const entries = await new Promise<Unzipped | Error>((resolve) => {
      unzip(
        u.bytes,
        {
          filter: (f) => {
            if (f.name.endsWith('/') || f.name.includes('__MACOSX/') || (f.name.split('/').pop() ?? '').startsWith('.')) return false;
            unpacked += f.originalSize;
            if (f.originalSize > MAX_FILE_BYTES || unpacked > MAX_UNZIPPED_BYTES) tooBig = true;
            return !tooBig;
          },
        },
        (err, data) => resolve(err ? err : data),
      );
    });
    if (tooBig) {
      problems.push(problem(u.name, 'serve/zip-too-large', `${u.name}：解压后超过上限（单个文件 ${mb(MAX_FILE_BYTES)}，全部 ${mb(MAX_UNZIPPED_BYTES)}），未处理`));
      continue;
    }
    if (entries instanceof Error) {
      problems.push(problem(u.name, 'serve/zip-damaged', `${u.name}：压缩包已损坏，无法解开（${entries.message}）`));
      continue;
    }
    for (const [path, bytes] of Object.entries(entries)) {
      if (bytes.byteLength > MAX_FILE_BYTES) {
        problems.push(problem(path, 'serve/zip-too-large', `${u.name} 中的 ${safeName(path)} 解压后超过 ${mb(MAX_FILE_BYTES)}，未处理`));
        continue;
      }
      files.push({ name: safeName(path), bytes });
    }
  }
  if (files.length > MAX_BATCH_FILES) {
    problems.push(problem('', 'serve/too-many-files', `一次最多处理 ${MAX_BATCH_FILES} 个文件，收到 ${files.length} 个；其余未处理`));
    files.length = MAX_BATCH_FILES;
  }
  const names = uniqueNames(files.map((f) => f.name));
  return { files: files.map((f, i) => ({ ...f, name: names[i]! })), problems };
}

function problem(file: string, ruleId: string, message: string): Diagnostic {
  return { severity: 'error', ruleId, message, ...(file ? { file } : {}) };
}
