import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { systemFontIndex, defaultSystemFontDirs } from '../../src/fonts/system-index.ts';
import { defaultCacheDir } from '../../src/fonts/cache-dir.ts';
import { tempDir } from './sfnt.ts';
import { writeFake } from './fixtures.ts';

function countingReader(): { read: (f: string) => Uint8Array; files: string[] } {
  const files: string[] = [];
  return { files, read: (f) => (files.push(f), readFileSync(f)) };
}

test('the system index is cached on disk: a second index reads no font file, a changed file is re-read', async () => {
  const sys = tempDir('sys');
  const cache = tempDir('cache');
  await writeFake(sys, 'a.ttf', 'FangSong', '仿宋');
  await writeFake(sys, 'b.ttf', 'SimHei', '黑体');
  const first = countingReader();
  const faces = systemFontIndex([sys], cache, first.read);
  assert.equal(first.files.length, 2);
  assert.deepEqual(faces.map((f) => f.names.includes('仿宋') || f.names.includes('黑体')), [true, true]);

  const second = countingReader();
  assert.deepEqual(systemFontIndex([sys], cache, second.read), faces);
  assert.equal(second.files.length, 0);

  const later = new Date(Date.now() + 60_000);
  utimesSync(join(sys, 'b.ttf'), later, later);
  const third = countingReader();
  systemFontIndex([sys], cache, third.read);
  assert.deepEqual(third.files, [join(sys, 'b.ttf')]);
});

test('cache location follows SPEECHDOC_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
  assert.equal(defaultCacheDir({ SPEECHDOC_CACHE_DIR: '/c' }, '/h'), '/c');
  assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/x' }, '/h'), '/x/speechdoc');
  assert.equal(defaultCacheDir({}, '/h'), '/h/.cache/speechdoc');
});

test('system font folders per platform', () => {
  assert.ok(defaultSystemFontDirs('linux', {}, '/h').includes('/h/.local/share/fonts'));
  assert.ok(defaultSystemFontDirs('darwin', {}, '/h').includes('/Library/Fonts'));
  assert.deepEqual(defaultSystemFontDirs('win32', { WINDIR: 'D:\\Win' }, '/h'), ['D:\\Win\\Fonts']);
});

test('a font deleted from a scanned folder leaves the index and the cache', async () => {
  const { rmSync } = await import('node:fs');
  const sys = tempDir('sys');
  const cache = tempDir('cache');
  await writeFake(sys, 'a.ttf', 'FangSong', '仿宋');
  await writeFake(sys, 'b.ttf', 'SimHei', '黑体');
  assert.equal(systemFontIndex([sys], cache).length, 2);
  rmSync(join(sys, 'b.ttf'));
  assert.equal(systemFontIndex([sys], cache).length, 1);
  const cached = JSON.parse(readFileSync(join(cache, 'system-fonts.json'), 'utf8')) as { files: Record<string, unknown> };
  assert.deepEqual(Object.keys(cached.files), [join(sys, 'a.ttf')]);
});
