import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFontSet } from '../../src/fonts/index.ts';
import { FONT_ROLES } from '../../src/fonts/roles.ts';
import { tempDir } from './sfnt.ts';

test('with no fonts of its own, every role gets a bundled, embeddable TrueType face', async () => {
  const { fontSet, diagnostics } = await loadFontSet({ useSystemFonts: false, fontsDir: tempDir() });
  assert.deepEqual(diagnostics, []);
  for (const role of FONT_ROLES) {
    const f = fontSet.role(role);
    assert.equal(f.info.source, 'bundled', role);
    assert.equal(f.info.outline, 'glyf', role);
    assert.equal(f.info.embedding, 'installable', role);
  }
  assert.equal(fontSet.role('body').info.postscriptName, 'NotoSerifSC-Regular');
  assert.equal(fontSet.role('title').info.weight, 800);
  assert.equal(fontSet.role('heading1').info.family, 'Noto Sans SC');
  assert.equal(fontSet.role('latin').info.family, 'Tinos');
});

test('WOFF faces load: the 楷体 roles use LXGW WenKai from its .woff file', async () => {
  const { fontSet } = await loadFontSet({ useSystemFonts: false, fontsDir: tempDir() });
  const lead = fontSet.role('lead');
  assert.equal(lead.info.format, 'woff');
  assert.ok(lead.info.names.includes('霞鹜文楷'));
  assert.ok(lead.font.hasGlyphForCodePoint('楷'.codePointAt(0)!));
});

test('face keys are unique per face and the same in every set (fonts are parsed once)', async () => {
  const a = (await loadFontSet({ useSystemFonts: false, fontsDir: tempDir() })).fontSet;
  const b = (await loadFontSet({ useSystemFonts: false, fontsDir: tempDir() })).fontSet;
  const keys = a.faces().map((f) => f.key);
  assert.equal(new Set(keys).size, keys.length);
  assert.deepEqual(b.faces().map((f) => f.key), keys);
  assert.equal(a.role('body').font, b.role('body').font);
  assert.equal(a.role('body').key, a.role('heading3').key);
});

test('describe() says which face serves each role and where it came from', async () => {
  const { fontSet } = await loadFontSet({ useSystemFonts: false, fontsDir: tempDir() });
  const lines = fontSet.describe();
  assert.equal(lines.length, FONT_ROLES.length);
  assert.match(lines[1]!, /^body\s+Noto Serif SC Regular \(bundled, glyf\)$/);
});

test('no two bundled role faces share a legacy family name (Word and LibreOffice match embedded fonts by it)', async () => {
  const { fontSet } = await loadFontSet({ useSystemFonts: false, fontsDir: tempDir() });
  const legacy = new Map<string, string>();
  for (const f of fontSet.faces()) {
    const records = (f.font as unknown as { name: { records: { fontFamily: Record<string, string> } } }).name.records;
    const name = records.fontFamily.en!;
    assert.equal(legacy.get(name) ?? f.key, f.key, `${name}: ${legacy.get(name)} and ${f.key}`);
    legacy.set(name, f.key);
  }
});
