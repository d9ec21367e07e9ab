/**
 * Whether an existing file at an output path is one speechdoc wrote. A build writes `a.docx`,
 * `a.pdf` and `index.html` next to nothing but its own earlier outputs — unless the output folder is
 * a folder of drafts or of the user's own files, where `a.docx` may be the original Word draft
 * (`build drafts/a.txt -o drafts`), `a.pdf` a PDF the user made, `index.html` a page of their own.
 * A Word file whose last author is not speechdoc, a PDF speechdoc did not produce and a page it did
 * not write are never overwritten.
 */
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';

/** Largest existing output read to look for speechdoc's mark (a DOCX's author, a PDF's producer); a bigger one is treated as foreign. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * The marks each kind of output carries when speechdoc wrote it (DOCX: its core properties, read
 * below), as bytes: found with Buffer.indexOf (memmem), not a regular expression over the file
 * decoded to a string, which cost ~25 ms for a rebuilt corpus folder of 21 MB, on the main thread
 * before the first file starts.
 */
const OURS: Record<string, Buffer[]> = {
  // pdfkit's Info strings and our XMP packet; an older speechdoc PDF has both too.
  pdf: [Buffer.from('(speechdoc)', 'latin1'), Buffer.from('<xmp:CreatorTool>speechdoc</xmp:CreatorTool>', 'latin1')],
  // The index page's generator tag; pages of earlier versions had only the title.
  html: [Buffer.from('<meta name="generator" content="speechdoc">'), Buffer.from('<title>排版结果一览 · speechdoc</title>')],
};

/** False only for an existing Word file, PDF or index page that speechdoc did not write; true otherwise. */
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
    const ext = /\.(docx|pdf|html)$/i.exec(path)?.[1]?.toLowerCase();
    if (!ext) return true;
    if (size > MAX_BYTES) return false;
    const bytes = new Uint8Array(size);
    readSync(fd, bytes, 0, size, 0);
    if (ext !== 'docx') {
      const file = Buffer.from(bytes.buffer, 0, size);
      return OURS[ext]!.some((mark) => file.indexOf(mark) >= 0);
    }
    const files = unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' });
    const core = files['docProps/core.xml'];
    return core !== undefined && /<cp:lastModifiedBy>speechdoc<\/cp:lastModifiedBy>/.test(strFromU8(core));
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
