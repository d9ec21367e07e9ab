/**
 * The parse-ahead thread (src/pipeline/parse-ahead.ts): what it hands the main lane is what the
 * main thread would have read and parsed itself, findings included (a GBK file, an empty one, a
 * folder posing as a file); a file not ready yet is left to the caller and passed over; the thread
 * keeps only a few files ahead of the caller; a closed one leaves every file to the caller.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ParseAhead } from '../../src/pipeline/parse-ahead.ts';
import { readSource, type SourceRead } from '../../src/pipeline/read-source.ts';
import { defineBuildOptions } from '../../src/pipeline/define-options.ts';
import { workdirWith } from '../helpers/run-cli.ts';
import { shortSpeech } from '../cli/fixtures.ts';

/** Wait until the thread has `input` ready (polling take would pass it over), at most `ms`. */
async function readyWithin(ahead: ParseAhead, input: string, ms: number): Promise<SourceRead | undefined> {
  const ready = (ahead as unknown as { ready: Map<string, SourceRead> }).ready;
  for (const end = Date.now() + ms; Date.now() < end && !ready.has(input); ) await new Promise((r) => setTimeout(r, 10));
  return ahead.take(input);
}

test('a file parsed ahead is what the main thread would have read, findings and lines included', async () => {
  const dir = workdirWith({
    'a.txt': shortSpeech('在甲会议上的讲话', 3),
    'b.gbk.txt': iconv.encode(shortSpeech('在乙会议上的讲话'), 'gbk'),
    'c.txt': '',
    'd.md': '# 在丙会议上的讲话\n\n同志们：\n\n今天开会。\n',
  });
  mkdirSync(join(dir, 'e.txt'));
  const options = defineBuildOptions({}, dir);
  const files = ['a.txt', 'b.gbk.txt', 'c.txt', 'd.md', 'e.txt'].map((f) => ({ input: join(dir, f), display: f }));
  const ahead = new ParseAhead(files, options);
  try {
    for (const f of files) {
      const got = await readyWithin(ahead, f.input, 20_000);
      assert.ok(got, `${f.display} was parsed ahead`);
      const own = await readSource(f.input, f.display, options);
      assert.deepEqual({ ...got, ms: 0 }, { ...own, ms: 0 }, f.display);
    }
  } finally {
    ahead.close();
  }
  const gbk = await readSource(join(dir, 'b.gbk.txt'), 'b.gbk.txt', options);
  assert.ok(gbk.diagnostics.some((d) => d.ruleId === 'decode/encoding'), 'the GBK file is noted as such, on either thread');
});

test('a file taken before the thread has it is left to the caller, and the thread passes it over', async () => {
  const dir = workdirWith({ 'a.txt': shortSpeech('在甲会议上的讲话'), 'b.txt': shortSpeech('在乙会议上的讲话') });
  const files = ['a.txt', 'b.txt'].map((f) => ({ input: join(dir, f), display: f }));
  const ahead = new ParseAhead(files, defineBuildOptions({}, dir));
  try {
    // At once: the thread is still loading its modules.
    assert.equal(ahead.take(files[0]!.input), undefined);
    assert.ok(await readyWithin(ahead, files[1]!.input, 20_000), 'the next file still comes');
    const ready = (ahead as unknown as { ready: Map<string, SourceRead> }).ready;
    assert.equal(ready.has(files[0]!.input), false, 'the file taken by the caller was not parsed again');
  } finally {
    ahead.close();
  }
});

test('the thread keeps at most four files ahead of the caller, and goes on as the caller takes them', async () => {
  const names = Array.from({ length: 12 }, (_, i) => `f${String(i).padStart(2, '0')}.txt`);
  const dir = workdirWith(Object.fromEntries(names.map((n, i) => [n, shortSpeech(`在第${i + 1}次会议上的讲话`)])));
  const files = names.map((n) => ({ input: join(dir, n), display: n }));
  const ahead = new ParseAhead(files, defineBuildOptions({}, dir));
  const ready = (ahead as unknown as { ready: Map<string, SourceRead> }).ready;
  try {
    assert.ok(await readyWithin(ahead, files[3]!.input, 20_000), 'the fourth file comes before any take');
    // Taken above: one take. Given time, the thread stops at four files ahead of the takes.
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(ready.size <= 4, `${ready.size} results held, for one file taken`);
    assert.equal(ready.has(files[8]!.input), false, 'the ninth file is not parsed yet');
    for (const f of files.slice(4)) assert.ok(await readyWithin(ahead, f.input, 20_000), `${f.display} comes once the files before it are taken`);
  } finally {
    ahead.close();
  }
});

test('after close, or with no thread, every take is the caller\'s', async () => {
  const dir = workdirWith({ 'a.txt': shortSpeech('在甲会议上的讲话') });
  const input = join(dir, 'a.txt');
  const ahead = new ParseAhead([{ input, display: 'a.txt' }], defineBuildOptions({}, dir));
  ahead.close();
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(ahead.take(input), undefined);
});
