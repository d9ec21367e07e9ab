/**
 * fontkit reads a WOFF table by inflating it again on every access, and its TrueType subsetter
 * asks for the whole `glyf` table once per glyph: a WOFF face with ~1,000 glyphs used (LXGW WenKai
 * from npm is WOFF) took ~30 s to embed. Keeping each inflated table makes it as fast as a TTF.
 * The memo is on the shared font object, so it is paid once per process; it changes no result.
 * Tables are inflated with node's zlib (fontkit's pure-JS inflate takes ~0.5 s for WenKai's glyf).
 */
import { inflateSync } from 'node:zlib';
import type { Font } from 'fontkit';

/** The fontkit internals touched here (not in its typings). */
interface WoffInternals {
  type?: string;
  directory?: { tables: Record<string, { offset: number; compLength: number; length: number } | undefined> };
  stream?: { buffer: Uint8Array; constructor: new (buffer: Uint8Array) => unknown };
  _getTableStream(tag: string): { buffer: Uint8Array; constructor: new (buffer: Uint8Array) => unknown } | null;
}

const patched = new WeakSet<object>();

/** Make a WOFF font keep its inflated tables (no-op for other formats and on repeat calls). */
export function cacheWoffTables(font: Font): void {
  const f = font as unknown as WoffInternals;
  if (patched.has(f) || f.type !== 'WOFF' || typeof f._getTableStream !== 'function' || !f.directory || !f.stream) return;
  patched.add(f);
  const original = f._getTableStream.bind(f);
  const source = f.stream.buffer;
  const Stream = f.stream.constructor;
  const inflated = new Map<string, Uint8Array>();
  const inflate = (table: { offset: number; compLength: number; length: number }): Uint8Array | undefined => {
    try {
      const out = inflateSync(source.subarray(table.offset, table.offset + table.compLength));
      return out.length === table.length ? new Uint8Array(out.buffer, out.byteOffset, out.length) : undefined;
    } catch {
      return undefined;
    }
  };
  f._getTableStream = (tag: string) => {
    const table = f.directory!.tables[tag];
    if (!table || table.compLength >= table.length) return original(tag);
    let buffer = inflated.get(tag);
    if (!buffer) {
      buffer = inflate(table) ?? original(tag)?.buffer;
      if (!buffer) return null;
      inflated.set(tag, buffer);
    }
    // A fresh stream each time: callers move its position freely.
    return new Stream(buffer) as ReturnType<WoffInternals['_getTableStream']>;
  };
}
