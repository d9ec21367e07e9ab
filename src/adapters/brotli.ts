/**
 * fontkit's Brotli decoder (the `brotli` package, for WOFF2 only) loaded when a WOFF2 font is first
 * decoded instead of when fontkit loads. fontkit imports `brotli/decompress.js` at its top, and
 * that file builds Brotli's 120 KB static dictionary from a 750 KB array literal: ~40 ms of every
 * cold start, though speechdoc's faces are TrueType/OpenType or WOFF 1.0 (unpacked with zlib).
 *
 * The module is CommonJS, and node's ES module loader takes a CommonJS module an `import` names
 * from `require.cache` when an entry is there: this file puts one there first, whose export loads
 * the real decoder on its first call. Import it (for its effect) before `fontkit` or `pdfkit`
 * anywhere they are imported. tests/adapters/brotli.test.ts fails when fontkit or node stop
 * resolving it this way (the shim would no longer apply: slower, never wrong).
 */
import Module, { createRequire } from 'node:module';

/** Brotli's entry as fontkit's own `import` resolves it (from fontkit's folder); undefined when not installed. */
function brotliEntry(): { path: string; load: NodeJS.Require } | undefined {
  try {
    const fromFontkit = createRequire(createRequire(import.meta.url).resolve('fontkit'));
    return { path: fromFontkit.resolve('brotli/decompress.js'), load: fromFontkit };
  } catch {
    return undefined;
  }
}

/** The decompressor's signature (`BrotliDecompressBuffer`). */
type Decompress = (buffer: Uint8Array, outputSize?: number) => Uint8Array;

/** Whether the lazy entry is what `require.cache` holds for brotli (false: the real one is loaded, or none). */
export function brotliIsLazy(): boolean {
  const entry = brotliEntry();
  return !!entry && (entry.load.cache[entry.path]?.exports as { lazy?: boolean } | undefined)?.lazy === true;
}

function installLazyBrotli(): void {
  const entry = brotliEntry();
  if (!entry) return;
  const { path, load } = entry;
  const held = load.cache[path];
  if (held?.loaded) return;
  let real: Decompress | undefined;
  const decompress: Decompress & { lazy?: boolean } = (buffer, outputSize) => {
    if (!real) {
      delete load.cache[path];
      real = load(path) as Decompress;
    }
    return real(buffer, outputSize);
  };
  decompress.lazy = true;
  const module = held ?? new Module(path);
  module.filename = path;
  module.loaded = true;
  module.exports = decompress;
  load.cache[path] = module;
}

installLazyBrotli();
