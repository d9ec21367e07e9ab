/** The user's sample speech, through the text parser and the checker: only its six XX blanks are flagged. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseText } from '../../src/parse/text/index.ts';
import { checkSpeech } from '../../src/check/index.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';

const SAMPLE = readFileSync(new URL('../../input/seed-speech.txt', import.meta.url), 'utf8');

test('checking the user sample lists its six placeholders at their lines and columns, nothing else', () => {
  const { value: speech } = parseText(SAMPLE, { file: 'seed-speech.txt' });
  assert.ok(speech);
  const lines = checkSpeech(speech).map((d) => formatDiagnostic(d, 'seed-speech.txt').split('\n')[0]);
  const at = ['11:39', '11:51', '11:247', '11:257', '13:25', '13:34'];
  assert.deepEqual(lines, at.map((p) => `seed-speech.txt:${p} 警告 placeholder/unfilled 占位符 “XX” 尚未填写`));
  // The column is the XX's own place in the source line.
  const line11 = SAMPLE.split('\n')[10]!;
  assert.equal([...line11].slice(38, 40).join(''), 'XX');
});
