/**
 * Whether an existing file at an output path is one speechdoc wrote. A build writes `a.docx` next to
 * nothing but its own earlier outputs — unless the output folder is a folder of drafts, where
 * `a.docx` may be the user's original Word draft (`build drafts/a.txt -o drafts`). A Word file whose
 * last author is not speechdoc is never overwritten.
 */
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';

/** Largest existing .docx read to look at its author; a bigger one is simply treated as foreign. */
const MAX_BYTES = 64 * 1024 * 1024;

/** False only for an existing Word file that speechdoc did not write last; true otherwise. */
export function safeToReplace(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    // Nothing readable there (absent, or its folder cannot be made): the write decides, and reports it.
    return true;
  }
  try {
    const size = fstatSync(fd).size;
    if (!/\.docx$/i.test(path)) return true; // PDFs are never inputs
    if (size > MAX_BYTES) return false;
    const bytes = new Uint8Array(size);
    readSync(fd, bytes, 0, size, 0);
    const files = unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' });
    const core = files['docProps/core.xml'];
    return core !== undefined && /<cp:lastModifiedBy>speechdoc<\/cp:lastModifiedBy>/.test(strFromU8(core));
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
