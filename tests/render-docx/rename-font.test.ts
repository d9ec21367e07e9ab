/** A subset renamed for embedding still opens, answers to its new name only, and keeps its glyphs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import { renameFamily } from '../../src/render/docx/rename-font.ts';

const WENKAI = 'node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff';

test('the renamed subset has the new family, no localized family, the same glyphs and valid checksums', async () => {
  const subset = new Uint8Array(await subsetFont(readFileSync(WENKAI), '一是全力抓好疫情防控。“”', { targetFormat: 'truetype' }));
  const renamed = renameFamily(subset, 'LXGW WenKai SD1A2B3C');
  const font = fontkit.create(Buffer.from(renamed)) as fontkit.Font;
  assert.equal(font.familyName, 'LXGW WenKai SD1A2B3C');
  assert.equal(font.postscriptName, 'LXGWWenKaiSD1A2B3C');
  const families = (font as unknown as { name: { records: { fontFamily: Record<string, string> } } }).name.records.fontFamily;
  assert.deepEqual(Object.values(families), ['LXGW WenKai SD1A2B3C'], 'no 霞鹜文楷 record left to match by');
  for (const ch of '一是全力抓好疫情防控。“”') assert.ok(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch);
  // The whole-font checksum: summing every 32-bit word of a correct font gives 0xB1B0AFBA.
  const v = new DataView(renamed.buffer, renamed.byteOffset, renamed.byteLength);
  let sum = 0;
  for (let i = 0; i < renamed.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  assert.equal(sum, 0xb1b0afba);
});
