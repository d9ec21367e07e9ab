import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexFontFile } from '../../src/fonts/font-index.ts';
import { readFontHeaders } from '../../src/fonts/read-headers.ts';
import { BUNDLED, fakeFont, tempDir, writeTtc } from './sfnt.ts';
import { TEXT } from './fixtures.ts';

test('indexing reads only the header tables, yet finds the same names, weight, outline and rights', () => {
  const whole = indexFontFile(BUNDLED.serif, 'system', readFileSync);
  const partial = indexFontFile(BUNDLED.serif, 'system');
  assert.deepEqual(partial, whole);
  const bytes = readFontHeaders(BUNDLED.serif);
  const size = readFileSync(BUNDLED.serif).length;
  assert.ok(bytes.length < size / 100, `${bytes.length} of ${size} bytes read`);
});

test('every bundled TrueType face indexes the same from its packed headers as from the whole file', async () => {
  const { readdirSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  const files = [BUNDLED.serif, BUNDLED.sans].flatMap((f) => {
    const pkg = dirname(dirname(f));
    return readdirSync(pkg, { recursive: true }).map(String).filter((p) => p.endsWith('.ttf')).map((p) => join(pkg, p));
  });
  assert.ok(files.length >= 10, `${files.length} faces`);
  for (const file of files) assert.deepEqual(indexFontFile(file, 'bundled'), indexFontFile(file, 'bundled', readFileSync), file);
});

test('collections are indexed face by face from their headers', async () => {
  const serif = readFileSync(BUNDLED.serif);
  const a = await fakeFont(serif, TEXT, { family: 'KaiTi', postscript: 'KaiTi', zhFamily: '楷体' });
  const b = await fakeFont(serif, TEXT, { family: 'SimHei', postscript: 'SimHei', zhFamily: '黑体' }, 4);
  const file = join(tempDir(), 'two.ttc');
  writeFileSync(file, writeTtc([a, b]));
  const faces = indexFontFile(file, 'system');
  assert.deepEqual(faces.map((f) => [f.index, f.postscriptName, f.embedding, f.format]), [
    [0, 'KaiTi', 'installable', 'ttc'],
    [1, 'SimHei', 'preview-print', 'ttc'],
  ]);
  assert.ok(faces[1]!.names.includes('黑体'));
});
