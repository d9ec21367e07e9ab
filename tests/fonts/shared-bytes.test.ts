/**
 * Font bytes in shared memory (src/fonts/shared-bytes.ts): the SFNT a lane parses, shared with the
 * workers, and a WOFF unpacked once into the cache folder, which later processes read instead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adoptFontFiles, clearFontBytes, dropUnusedAhead, fontFileBytes, prefetchFontFiles, sharedFontFiles } from '../../src/fonts/shared-bytes.ts';
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
    // The same font elsewhere (another clone, install or npx run), touched since: the same entry.
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'speechdoc-woff-')), 'face.woff');
    copyFileSync(woff, elsewhere);
    utimesSync(elsewhere, new Date(), new Date(Date.now() + 5000));
    clearFontBytes();
    assert.ok(fontFileBytes(elsewhere).equals(want));
    assert.equal(readdirSync(join(cache, 'unpacked-fonts')).filter((f) => f.endsWith('.sfnt')).length, 1);
    // Another font under the first one's path: a new entry (it is named after the content).
    copyFileSync(BUNDLED.tinos.replace('-latin-400-normal', '-latin-700-normal'), woff);
    clearFontBytes();
    assert.ok(fontFileBytes(woff).equals(woffToSfnt(readFileSync(woff))));
    assert.equal(readdirSync(join(cache, 'unpacked-fonts')).filter((f) => f.endsWith('.sfnt')).length, 2);
  }));

test('a cache folder that cannot be made (its path runs through a file): the WOFF is unpacked all the same', () =>
  withCache((cache) => {
    const blocked = join(cache, 'a-file');
    writeFileSync(blocked, '');
    process.env.SPEECHDOC_CACHE_DIR = blocked;
    assert.ok(fontFileBytes(BUNDLED.tinos).equals(woffToSfnt(readFileSync(BUNDLED.tinos))));
    assert.deepEqual(readdirSync(cache), ['a-file'], 'nothing left behind');
  }));

test('the cache keeps the 16 faces unpacked last: older ones go when a new one is kept', () =>
  withCache((cache) => {
    const folder = join(cache, 'unpacked-fonts');
    mkdirSync(folder, { recursive: true });
    const old = Date.now() / 1000 - 3600;
    for (let i = 0; i < 20; i++) {
      writeFileSync(join(folder, `old${i}.sfnt`), 'x');
      utimesSync(join(folder, `old${i}.sfnt`), old + i, old + i);
    }
    fontFileBytes(BUNDLED.tinos);
    const left = readdirSync(folder).sort();
    assert.equal(left.length, 16);
    // The new one and the 15 written last before it.
    assert.deepEqual(left.filter((n) => n.startsWith('old')), Array.from({ length: 15 }, (_, i) => `old${i + 5}.sfnt`).sort());
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

test('files read ahead are handed out without reading them again; a file changed since is read again', async () =>
  withCache(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'speechdoc-ahead-'));
    const a = join(dir, 'a.ttf');
    const b = join(dir, 'b.ttf');
    copyFileSync(BUNDLED.serif, a);
    copyFileSync(BUNDLED.serif, b);
    utimesSync(a, 1_700_000_000, 1_700_000_000); // whole seconds: restored exactly below
    await prefetchFontFiles([a, b, a]);
    // a: same size and mtime, other bytes. What was read ahead is what a load gets.
    const marked = readFileSync(a);
    marked.writeUInt8(marked.readUInt8(100) ^ 0xff, 100);
    writeFileSync(a, marked);
    utimesSync(a, 1_700_000_000, 1_700_000_000);
    const gotA = fontFileBytes(a);
    assert.ok(gotA.buffer instanceof SharedArrayBuffer, 'in shared memory');
    assert.ok(gotA.equals(readFileSync(BUNDLED.serif)), 'the bytes read ahead, not read again');
    // b: changed after it was read ahead (another size): read again.
    writeFileSync(b, readFileSync(BUNDLED.sans));
    assert.ok(fontFileBytes(b).equals(readFileSync(BUNDLED.sans)));
    // What was read ahead and never asked for is dropped, not handed to workers.
    const c = join(dir, 'c.ttf');
    copyFileSync(BUNDLED.serif, c);
    await prefetchFontFiles([c]);
    dropUnusedAhead();
    assert.deepEqual(sharedFontFiles().map((f) => f.file).sort(), [a, b].sort());
  }));

test('reading ahead passes over what is not a regular font file (a FIFO would block a pool thread) and leaves the error to the load', async () =>
  withCache(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'speechdoc-ahead-'));
    const fifo = join(dir, 'pipe.ttf');
    execFileSync('mkfifo', [fifo]);
    const missing = join(dir, 'missing.ttf');
    await prefetchFontFiles([fifo, missing, dir]);
    assert.throws(() => fontFileBytes(missing), /ENOENT/);
    assert.deepEqual(sharedFontFiles(), []);
  }));

test('a WOFF is read ahead from its cached SFNT, and only then', async () =>
  withCache(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'speechdoc-ahead-'));
    const woff = join(dir, 'face.woff');
    copyFileSync(BUNDLED.tinos, woff);
    const want = woffToSfnt(readFileSync(woff));
    await prefetchFontFiles([woff]);
    assert.ok(fontFileBytes(woff).equals(want), 'not cached yet: unpacked by the load');
    clearFontBytes();
    await prefetchFontFiles([woff]);
    const got = fontFileBytes(woff);
    assert.ok(got.equals(want));
    assert.ok(got.buffer instanceof SharedArrayBuffer);
  }));
