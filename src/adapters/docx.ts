/**
 * Every use of docx beyond its typed public API, in one place (tests/adapters/docx.test.ts fails
 * when a docx release changes it): the package as files, without the zip. `Packer.toBuffer`
 * deflates every part only for our post-pass (render/docx/package-pass.ts) to inflate them again
 * (~4 ms of a 5k-character DOCX); docx's compiler, which `Packer` uses, gives the parts directly.
 * Public alternatives were weighed: `Packer`'s `overrides` can add or replace whole parts but not
 * edit the ones docx writes, so the post-pass still needs them unzipped. Should a release drop the
 * compiler, the public zip round trip gives the same parts (slower); the adapter test says so.
 */
import { Packer, type Document } from 'docx';
import { unzipSync } from 'fflate';

/** The internal docx uses in `Packer.pack` (not in its typings). */
interface Compiler {
  compile(doc: Document, prettify: undefined, overrides: []): Map<string, string | Uint8Array | ArrayBuffer>;
}

/** docx's compiler, when this release has it where this adapter expects it. */
export function docxCompiler(): Compiler | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  return typeof compiler?.compile === 'function' ? (compiler as Compiler) : undefined;
}

/** The package's parts by path; strings are UTF-8 encoded. */
export async function packageFiles(doc: Document): Promise<Record<string, Uint8Array>> {
  const compiler = docxCompiler();
  if (!compiler) return unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  const files: Record<string, Uint8Array> = {};
  const encoder = new TextEncoder();
  for (const [path, data] of compiler.compile(doc, undefined, [])) {
    files[path] =
      typeof data === 'string'
        ? encoder.encode(data)
        : ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data);
  }
  return files;
}
