import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadFontSet, fontsReport, fontsReportJson } from '../../src/fonts/index.ts';
import { documentCoverage } from '../../src/style/coverage.ts';
import { FONT_ROLES } from '../../src/fonts/roles.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import { tempDir } from './sfnt.ts';
import { speechOf, writeFake } from './fixtures.ts';

test('the report has one row per role with face, file, source, outline and embedding', async () => {
  const cwd = tempDir('cwd');
  mkdirSync(join(cwd, 'fonts'));
  await writeFake(join(cwd, 'fonts'), 'fs.ttf', 'FangSong_GB2312', '仿宋_GB2312', 0x0008);
  const { fontSet } = await loadFontSet({ cwd, useSystemFonts: false });
  const text = fontsReport(fontSet, undefined, cwd);
  const lines = text.trimEnd().split('\n');
  // The table, a blank line, then the stand-in notice (body and heading3 have the standard face).
  assert.equal(lines.indexOf(''), 1 + FONT_ROLES.length);
  assert.match(lines[0]!, /^角色\s+字体\s+文件\s+来源\s+轮廓\s+嵌入$/);
  const body = lines.find((l) => l.startsWith('body'))!;
  assert.match(body, /^body 正文\s+仿宋_GB2312\s+fonts\/fs\.ttf\s+fonts\/\s+glyf\s+可编辑嵌入$/);
  assert.match(lines.find((l) => l.startsWith('lead'))!, /霞鹜文楷（代用）\s+\S*lxgw-wenkai-latin-500-normal\.woff\s+随附\s+glyf\s+可嵌入$/);
  assert.ok(lines.some((l) => /^字体：未找到二级标题、“一是”要点、署名日期的标准字体“楷体_GB2312”，暂用“霞鹜文楷”代替$/.test(l)));
  assert.ok(!lines.some((l) => /标准字体“仿宋_GB2312”/.test(l)), 'the face found is not reported as stood in');
});

test('given a speech, the report lists fallback characters per role and characters in no face', async () => {
  const { fontSet } = await loadFontSet({ useSystemFonts: false, fontsDir: tempDir() });
  const speech = speechOf('乾卦是䷀，还有𠀀字。');
  const json = fontsReportJson(fontSet, documentCoverage(speech, OFFICIAL, fontSet));
  const body = json.roles.find((r) => r.role === 'body')!;
  assert.deepEqual(body.fallbacks, [{ face: '霞鹜文楷', chars: '䷀' }]);
  assert.deepEqual(json.missing, [{ char: '𠀀', codePoint: 'U+20000', line: 3, column: 8 }]);
  const text = fontsReport(fontSet, documentCoverage(speech, OFFICIAL, fontSet));
  assert.match(text, /body: ䷀ → 霞鹜文楷/);
  assert.match(text, /𠀀 U\+20000（第 3 行第 8 列）/);
});
