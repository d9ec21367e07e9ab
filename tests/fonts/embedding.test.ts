import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadFontSet } from '../../src/fonts/index.ts';
import { embeddingRights } from '../../src/fonts/face-info.ts';
import { tempDir } from './sfnt.ts';
import { writeFake } from './fixtures.ts';

test('fsType bits map to embedding rights (OpenType OS/2)', () => {
  assert.equal(embeddingRights(0), 'installable');
  assert.equal(embeddingRights(0x2), 'restricted');
  assert.equal(embeddingRights(0x4), 'preview-print');
  assert.equal(embeddingRights(0x8), 'editable');
  assert.equal(embeddingRights(0x0200 | 0x4), 'preview-print');
});

test('a face that forbids embedding is refused with a warning naming it and the fallback', async () => {
  const cwd = tempDir('cwd');
  mkdirSync(join(cwd, 'fonts'));
  await writeFake(join(cwd, 'fonts'), 'locked.ttf', 'FangSong_GB2312', '仿宋_GB2312', 0x0002);
  const sys = tempDir('sys');
  await writeFake(sys, 'fang.ttf', 'FangSong', '仿宋');
  const { fontSet, diagnostics } = await loadFontSet({ cwd, systemDirs: [sys], cacheDir: tempDir('cache') });
  // The next candidate (仿宋 from the system) serves instead.
  assert.ok(fontSet.role('body').info.names.includes('仿宋'));
  assert.equal(fontSet.role('body').info.source, 'system');
  assert.equal(diagnostics.length, 1);
  const d = diagnostics[0]!;
  assert.equal(d.severity, 'warning');
  assert.equal(d.ruleId, 'fonts/restricted');
  assert.match(d.message, /仿宋_GB2312/);
  assert.match(d.message, /body → 仿宋/);
  assert.ok(!fontSet.faces().some((f) => f.info.embedding === 'restricted'));
});

test('a restricted face given in the config is refused too; the bundled face serves', async () => {
  const dir = tempDir();
  const file = await writeFake(dir, 'locked.ttf', 'Locked', undefined, 0x0002);
  const { fontSet, diagnostics } = await loadFontSet({ useSystemFonts: false, fontsDir: tempDir(), overrides: { title: file } });
  assert.equal(fontSet.role('title').info.source, 'bundled');
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['fonts/restricted']);
});

test('a preview & print face is used, and says so for the DOCX renderer', async () => {
  const dir = tempDir();
  const file = await writeFake(dir, 'pp.ttf', 'PreviewOnly', undefined, 0x0004);
  const { fontSet, diagnostics } = await loadFontSet({ useSystemFonts: false, fontsDir: tempDir(), overrides: { title: file } });
  assert.deepEqual(diagnostics, []);
  assert.equal(fontSet.role('title').info.embedding, 'preview-print');
});
