import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFontSet } from '../../src/fonts/index.ts';
import { parseFontSpec } from '../../src/fonts/font-spec.ts';
import { BUNDLED, fakeFont, tempDir, writeTtc } from './sfnt.ts';
import { TEXT } from './fixtures.ts';

async function collection(dir: string): Promise<string> {
  const serif = readFileSync(BUNDLED.serif);
  const kai = await fakeFont(serif, TEXT, { family: 'KaiTi', postscript: 'KaiTi', zhFamily: '楷体' });
  const hei = await fakeFont(serif, TEXT, { family: 'SimHei', postscript: 'SimHei', zhFamily: '黑体' });
  const file = join(dir, 'pair.ttc');
  writeFileSync(file, writeTtc([kai, hei]));
  return file;
}

test('path#PostScriptName and path#index are parsed as a file and a face', () => {
  assert.deepEqual(parseFontSpec('/x/a.ttc#SimHei', '/'), { kind: 'file', file: '/x/a.ttc', face: 'SimHei' });
  assert.deepEqual(parseFontSpec('/x/a.ttc#1', '/'), { kind: 'file', file: '/x/a.ttc', face: 1 });
  assert.deepEqual(parseFontSpec('fonts/a.ttf', '/p'), { kind: 'file', file: '/p/fonts/a.ttf', face: undefined });
  assert.deepEqual(parseFontSpec('仿宋_GB2312', '/p'), { kind: 'name', name: '仿宋_GB2312' });
});

test('a face of a collection is chosen by PostScript name or by index', async () => {
  const file = await collection(tempDir());
  const { fontSet, diagnostics } = await loadFontSet({
    useSystemFonts: false,
    fontsDir: tempDir(),
    overrides: { heading1: `${file}#SimHei`, heading2: `${file}#0`, lead: `${file}#9` },
  });
  assert.equal(fontSet.role('heading1').info.index, 1);
  assert.equal(fontSet.role('heading1').info.postscriptName, 'SimHei');
  assert.equal(fontSet.role('heading2').info.postscriptName, 'KaiTi');
  assert.notEqual(fontSet.role('heading1').key, fontSet.role('heading2').key);
  assert.equal(fontSet.role('lead').info.source, 'bundled');
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['fonts/not-found']);
});

test('every face of a collection in fonts/ is indexed by its names', async () => {
  const cwd = tempDir('cwd');
  mkdirSync(join(cwd, 'fonts'));
  await collection(join(cwd, 'fonts'));
  const { fontSet } = await loadFontSet({ cwd, useSystemFonts: false });
  assert.equal(fontSet.role('heading1').info.postscriptName, 'SimHei');
  assert.equal(fontSet.role('heading1').info.index, 1);
  assert.equal(fontSet.role('heading1').info.format, 'ttc');
  assert.equal(fontSet.role('lead').info.postscriptName, 'KaiTi');
  assert.match(fontSet.describe().find((l) => l.startsWith('heading1'))!, /黑体 \(fonts\/pair\.ttc, fonts\/, glyf\)/);
});
