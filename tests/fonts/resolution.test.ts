import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFontSet } from '../../src/fonts/index.ts';
import { tempDir, BUNDLED } from './sfnt.ts';
import { writeFake } from './fixtures.ts';

/** A fonts/ dir, a system dir and a cache dir, each with its own fakes. */
async function setup(): Promise<{ cwd: string; fontsDir: string; sys: string; cacheDir: string }> {
  const cwd = tempDir('cwd');
  const fontsDir = join(cwd, 'fonts');
  const sys = tempDir('sys');
  const cacheDir = tempDir('cache');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(fontsDir);
  await writeFake(fontsDir, 'fs.ttf', 'FangSong_GB2312', '仿宋_GB2312');
  await writeFake(sys, 'simfang.ttf', 'FangSong', '仿宋');
  await writeFake(sys, 'simhei.ttf', 'SimHei', '黑体');
  await writeFake(sys, 'xbs.ttf', 'FZXiaoBiaoSong-B05S', '方正小标宋简体');
  return { cwd, fontsDir, sys, cacheDir };
}

test('standard faces: fonts/ beats system, system beats bundled', async () => {
  const s = await setup();
  const { fontSet, diagnostics } = await loadFontSet({ cwd: s.cwd, systemDirs: [s.sys], cacheDir: s.cacheDir });
  assert.deepEqual(diagnostics, []);
  assert.equal(fontSet.role('body').info.source, 'fonts-dir');
  assert.ok(fontSet.role('body').info.names.includes('仿宋_GB2312'));
  assert.equal(fontSet.role('heading3').key, fontSet.role('body').key);
  assert.equal(fontSet.role('heading1').info.source, 'system');
  assert.ok(fontSet.role('heading1').info.names.includes('黑体'));
  assert.ok(fontSet.role('title').info.names.includes('方正小标宋简体'));
  assert.equal(fontSet.role('lead').info.source, 'bundled');
  const body = fontSet.describe().find((l) => l.startsWith('body'))!;
  assert.match(body, /^body\s+仿宋_GB2312 \(fonts\/fs\.ttf, fonts\/, glyf\)$/);
});

test('config overrides beat fonts/ and system: by path and by any of the face’s names', async () => {
  const s = await setup();
  const mine = tempDir('mine');
  const file = await writeFake(mine, 'my-song.ttf', 'My Song', '我的宋体');
  const { fontSet, diagnostics } = await loadFontSet({
    cwd: s.cwd,
    systemDirs: [s.sys],
    cacheDir: s.cacheDir,
    overrides: { body: file, heading1: '仿宋', pageNumber: 'Noto Serif SC Black' },
  });
  assert.deepEqual(diagnostics, []);
  assert.equal(fontSet.role('body').info.source, 'config');
  assert.equal(fontSet.role('body').info.file, file);
  assert.ok(fontSet.role('heading1').info.names.includes('FangSong'));
  assert.equal(fontSet.role('pageNumber').info.weight, 900);
  // heading3 is not overridden: it still finds 仿宋_GB2312 in fonts/.
  assert.equal(fontSet.role('heading3').info.source, 'fonts-dir');
});

test('a relative path override is taken from the working directory', async () => {
  const s = await setup();
  const { fontSet } = await loadFontSet({ cwd: s.cwd, useSystemFonts: false, overrides: { title: 'fonts/fs.ttf' } });
  assert.equal(fontSet.role('title').info.source, 'config');
});

test('an override that matches nothing warns and falls back', async () => {
  const s = await setup();
  const { fontSet, diagnostics } = await loadFontSet({
    cwd: s.cwd,
    useSystemFonts: false,
    overrides: { heading2: '不存在的楷体', title: 'nowhere/x.ttf' },
  });
  assert.deepEqual(diagnostics.map((d) => [d.severity, d.ruleId]), [['warning', 'fonts/not-found'], ['warning', 'fonts/not-found']]);
  assert.match(diagnostics.map((d) => d.message).join('\n'), /不存在的楷体/);
  assert.equal(fontSet.role('heading2').info.source, 'bundled');
});

test('useSystemFonts: false and standardFaces: false narrow the search', async () => {
  const s = await setup();
  const noSys = (await loadFontSet({ cwd: s.cwd, useSystemFonts: false })).fontSet;
  assert.equal(noSys.role('heading1').info.source, 'bundled');
  assert.equal(noSys.role('body').info.source, 'fonts-dir');
  const none = (await loadFontSet({ cwd: s.cwd, systemDirs: [s.sys], cacheDir: s.cacheDir, standardFaces: false })).fontSet;
  assert.equal(none.role('body').info.source, 'bundled');
});

test('a file in fonts/ that is not a font is reported, not fatal', async () => {
  const s = await setup();
  copyFileSync(join(import.meta.dirname, 'resolution.test.ts'), join(s.fontsDir, 'broken.ttf'));
  const { fontSet, diagnostics } = await loadFontSet({ cwd: s.cwd, useSystemFonts: false });
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['fonts/unreadable']);
  assert.equal(fontSet.role('body').info.source, 'fonts-dir');
});

test('a file in fonts/ that is no font file (an archive, a Type 1 face) is named and skipped; hidden files, desktop files and READMEs/licences are not', async () => {
  const s = await setup();
  writeFileSync(join(s.fontsDir, '方正小标宋简体.zip'), 'PK');
  writeFileSync(join(s.fontsDir, '.DS_Store'), 'x');
  writeFileSync(join(s.fontsDir, 'Thumbs.db'), 'x');
  writeFileSync(join(s.fontsDir, 'README.md'), '# 字体');
  writeFileSync(join(s.fontsDir, 'OFL.txt'), 'SIL Open Font License');
  const { fontSet, diagnostics } = await loadFontSet({ cwd: s.cwd, useSystemFonts: false });
  assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.severity]), [['fonts/not-a-font-file', 'warning']]);
  assert.match(diagnostics[0]!.message, /^\S*fonts\/方正小标宋简体\.zip 不是字体文件（只认 .*），已跳过；压缩包请先解压/);
  assert.equal(fontSet.role('body').info.source, 'fonts-dir');
});

test('a renamed copy of a bundled font in fonts/ is found by its internal name', async () => {
  const s = await setup();
  copyFileSync(BUNDLED.tinos, join(s.fontsDir, 'whatever.woff'));
  const { fontSet } = await loadFontSet({ cwd: s.cwd, useSystemFonts: false });
  assert.equal(fontSet.role('latin').info.source, 'fonts-dir');
  assert.equal(fontSet.role('latin').info.format, 'woff');
});
