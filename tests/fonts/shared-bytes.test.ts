/**
 * Font bytes in shared memory (src/fonts/shared-bytes.ts): the SFNT a lane parses, shared with the
 * workers, and a WOFF unpacked once into the cache folder, which later processes read instead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adoptFontFiles, clearFontBytes, fontFileBytes, sharedFontFiles } from '../../src/fonts/shared-bytes.ts';
import { woffToSfnt } from '../../src/fonts/woff.ts';
import { BUNDLED } from '../render-docx/helpers.ts';

function withCache<T>(f: (cache: string) => T): T {
  const cache = mkdtempSync(join(tmpdir(), 'speechdoc-unpacked-'));
  const before = process.env.SPEECHDOC_CACHE_DIR;
  process.env.SPEECHDOC_CACHE_DIR = cache;
  try {
    clearFontBytes();
    return f(cache);
  } finally {
    if (before === undefined) delete process.env.SPEECHDOC_CACHE_DIR;
    else process.env.SPEECHDOC_CACHE_DIR = before;
    clearFontBytes();
  }
}

test('a WOFF is unpacked once: the SFNT is cached, read back by a later load, and rebuilt when the cache is bad', () =>
  withCache((cache) => {
    const dir = mkdtempSync(join(tmpdir(), 'speechdoc-woff-'));
    const woff = join(dir, 'face.woff');
    copyFileSync(BUNDLED.tinos, woff);
    const want = woffToSfnt(readFileSync(woff));
    const first = fontFileBytes(woff);
    assert.ok(first.equals(want));
    assert.ok(first.buffer instanceof SharedArrayBuffer, 'in shared memory');
    const kept = readdirSync(join(cache, 'unpacked-fonts'));
    assert.equal(kept.length, 1);
    assert.ok(readFileSync(join(cache, 'unpacked-fonts', kept[0]!)).equals(want));
    // A later process: the cached SFNT is what it gets (shown by marking the cached copy).
    const marked = Buffer.from(want);
    marked.writeUInt8(marked.readUInt8(marked.length - 1) ^ 0xff, marked.length - 1);
    writeFileSync(join(cache, 'unpacked-fonts', kept[0]!), marked);
    clearFontBytes();
    assert.ok(fontFileBytes(woff).equals(marked), 'read from the cache');
    // A cached file that is not an SFNT is ignored and replaced.
    writeFileSync(join(cache, 'unpacked-fonts', kept[0]!), 'not a font');
    clearFontBytes();
    assert.ok(fontFileBytes(woff).equals(want));
    assert.ok(readFileSync(join(cache, 'unpacked-fonts', kept[0]!)).equals(want));
    // The WOFF changed: a new cache entry.
    utimesSync(woff, new Date(), new Date(Date.now() + 5000));
    clearFontBytes();
    assert.ok(fontFileBytes(woff).equals(want));
    assert.equal(readdirSync(join(cache, 'unpacked-fonts')).filter((f) => f.endsWith('.sfnt')).length, 2);
  }));

test('a TrueType file is read as it is, into shared memory, and never cached', () =>
  withCache((cache) => {
    const bytes = fontFileBytes(BUNDLED.serif);
    assert.ok(bytes.equals(readFileSync(BUNDLED.serif)));
    assert.ok(bytes.buffer instanceof SharedArrayBuffer);
    assert.ok(!existsSync(join(cache, 'unpacked-fonts')));
  }));

test('a worker adopts the bytes the main thread read, except for files changed since', () =>
  withCache(() => {
    const dir = mkdtempSync(join(tmpdir(), 'speechdoc-adopt-'));
    const a = join(dir, 'a.ttf');
    const b = join(dir, 'b.ttf');
    writeFileSync(a, 'AAAA');
    writeFileSync(b, 'BBBB');
    fontFileBytes(a);
    fontFileBytes(b);
    // What the pool posts, as structured cloning delivers it: plain Uint8Arrays over the same memory.
    const sent = sharedFontFiles().map((f) => ({ ...f, bytes: new Uint8Array(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) as Buffer }));
    writeFileSync(b, 'CHANGED');
    clearFontBytes();
    adoptFontFiles(sent);
    assert.equal(fontFileBytes(a).toString(), 'AAAA');
    assert.ok(Buffer.isBuffer(fontFileBytes(a)));
    assert.equal(fontFileBytes(b).toString(), 'CHANGED', 'read anew');
  }));
