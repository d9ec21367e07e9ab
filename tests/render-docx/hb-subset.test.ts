/**
 * The direct hb-subset path (faces kept per process) writes the same subsets subset-font did, for
 * TrueType and WOFF faces, and the same bytes on every call whatever was subset before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import { hbSubset } from '../../src/render/docx/hb-subset.ts';
import { BUNDLED, loadFace } from './helpers.ts';

const TEXT = '同志们：今年以来，全县上下坚持稳中求进工作总基调，“项目建设”取得新成效。ABC 2024（一）';

for (const file of [BUNDLED.serif, BUNDLED.kai, BUNDLED.tinos]) {
  test(`hb-subset matches subset-font: ${file.split('/').pop()}`, async () => {
    const face = loadFace(file);
    const expected = new Uint8Array(await subsetFont(readFileSync(file), TEXT, { targetFormat: 'truetype' }));
    const first = hbSubset(face.font, file, TEXT);
    assert.ok(first);
    assert.deepEqual(first, expected);
    // Another document in between must not change the next subset of the same text.
    hbSubset(face.font, file, '另一份讲话稿的文字');
    assert.deepEqual(hbSubset(face.font, file, TEXT), expected);
  });
}
