/**
 * The bin ends the process itself once a command is done (bin/speechdoc.js: it skips freeing the
 * heap). Output to a pipe is asynchronous on POSIX, so that exit must wait for it: a reader that
 * starts reading late still gets every byte and the exit code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCli, tempDir } from '../helpers/run-cli.ts';
import { shortSpeech } from './fixtures.ts';

test('a long `parse` printed into a pipe read only later arrives whole, with exit 0', async () => {
  const dir = tempDir();
  // ~1.2 MB of model JSON: far more than a pipe buffer (64 KB), so most of it waits in Node's queue.
  const body = Array.from({ length: 600 }, (_, i) => `第${i + 1}段，要把各项工作做细做实，确保全年目标任务圆满完成。`).join('\n\n');
  writeFileSync(join(dir, 'long.txt'), `${shortSpeech('在全县工作会议上的讲话')}\n\n${body}\n`);
  const child = startCli(['parse', 'long.txt'], dir);
  child.stdout.pause();
  await new Promise((r) => setTimeout(r, 1500));
  const chunks: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => chunks.push(b));
  child.stdout.resume();
  // 'close': the process has exited and its output streams have ended.
  const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
  assert.equal(code, 0);
  const speech = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const text = JSON.stringify(speech);
  assert.ok(text.includes('第600段'), 'the last paragraph is in the output');
  assert.ok(Buffer.concat(chunks).length > 256 * 1024, `${Buffer.concat(chunks).length} bytes`);
});
