/**
 * docx's package as files, without the zip: `Packer.toBuffer` deflates every part only for the
 * post-pass to inflate them again (~4 ms of a 5k-character DOCX). docx's compiler gives the parts
 * directly; if a docx release drops that internal, the zip round trip still works.
 */
import { Packer, type Document } from 'docx';
import { unzipSync } from 'fflate';

/** The internal docx uses in `Packer.pack` (not in its typings). */
interface Compiler {
  compile(doc: Document, prettify: undefined, overrides: []): Map<string, string | Uint8Array | ArrayBuffer>;
}

/** The package's parts by path; strings are UTF-8 encoded. */
export async function packageFiles(doc: Document): Promise<Record<string, Uint8Array>> {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  if (typeof compiler?.compile === 'function') {
    const files: Record<string, Uint8Array> = {};
    const encoder = new TextEncoder();
    for (const [path, data] of (compiler as Compiler).compile(doc, undefined, [])) {
      files[path] =
        typeof data === 'string'
          ? encoder.encode(data)
          : ArrayBuffer.isView(data)
            ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
            : new Uint8Array(data);
    }
    return files;
  }
  return unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
}
