/**
 * The generated shapes that were quadratic or overflowed the stack before (issue 14), at the largest
 * size `npm run bench:linear` times them: each parses to a document that prints every piece of its
 * text, none lost or doubled. Their growth in time is measured by the bench, not asserted here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHAPES } from '../../bench/linear-shapes.ts';
import { parseSpeechFile } from '../../src/parse/index.ts';
import { speechText } from '../../src/model/to-plain-text.ts';

const occurrences = (text: string, probe: string): number => text.split(probe).length - 1;

for (const s of SHAPES) {
  test(`${s.name}: at ${s.n * 4} parses and prints ${s.probe} as often as the input has it`, async () => {
    const parsed = await parseSpeechFile(s.make(s.n * 4), { file: s.file });
    assert.ok(parsed.value, `no document: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
    assert.equal(occurrences(speechText(parsed.value), s.probe), s.count(s.n * 4));
  });
}
