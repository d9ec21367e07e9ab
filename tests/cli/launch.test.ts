/**
 * The launcher (src/cli/launch.ts): the CLI's one CommonJS file run with V8's code cache. What a
 * user would notice is only that nothing differs: the same output with a cache, without, and with
 * a damaged one. The unit tests run a small bundle of their own; the last ones the real bin.
 */
import { test } from 'node:test';
import { isAscii } from 'node:buffer';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFile, launch } from '../../src/cli/launch.ts';
import { ROOT, SAMPLE, ensureBuilt, runCli, tempDir, testEnv } from '../helpers/run-cli.ts';

/** A bundle like dist/cli.cjs: CommonJS (its import()s made requires), exports main. */
function smallBundle(): { bundle: string; out: string } {
  const dir = tempDir('speechdoc-launch-');
  const out = join(dir, 'out.txt');
  const bundle = join(dir, 'cli.cjs');
  writeFileSync(
    bundle,
    `const { writeFileSync } = require('node:fs');
exports.main = async () => {
  const { basename } = await Promise.resolve().then(() => require('node:path'));
  writeFileSync(${JSON.stringify(out)}, basename(__filename) + ' ' + process.argv.length + ' 讲话');
};
`,
  );
  return { bundle, out };
}

test('a command is run, its cache made at the end, then used; the output is the same', async () => {
  const { bundle, out } = smallBundle();
  const env = { SPEECHDOC_CACHE_DIR: tempDir('speechdoc-code-') };
  assert.equal(await launch(bundle, ['build', 'x'], env), 'made');
  const first = readFileSync(out, 'utf8');
  // Not ASCII: read as UTF-8 (dist/cli.cjs is ASCII, read as latin1).
  assert.match(first, /^cli\.cjs \d+ 讲话$/);
  const file = cacheFile(readFileSync(bundle), ['build', 'x'], env);
  assert.ok(existsSync(file), 'no cache written');
  assert.equal(await launch(bundle, ['build', 'y'], env), 'used');
  assert.equal(readFileSync(out, 'utf8'), first);
  // Another command has a cache of its own.
  assert.equal(await launch(bundle, ['check'], env), 'made');
  assert.notEqual(cacheFile(readFileSync(bundle), ['check'], env), file);
});

test('a damaged cache is replaced and the run is not affected', async () => {
  const { bundle, out } = smallBundle();
  const env = { SPEECHDOC_CACHE_DIR: tempDir('speechdoc-code-') };
  await launch(bundle, ['build'], env);
  const file = cacheFile(readFileSync(bundle), ['build'], env);
  const good = readFileSync(file);
  // V8 itself would run a truncated cache or one with a flipped byte (release builds check no checksum).
  for (const damaged of [Buffer.from('not V8 code'), good.subarray(0, good.length >> 1), Buffer.from(good).fill(7, good.length - 40, good.length - 39)]) {
    writeFileSync(file, damaged);
    assert.equal(await launch(bundle, ['build'], env), 'replaced');
    assert.ok(readFileSync(out, 'utf8').startsWith('cli.cjs'));
    assert.ok(!readFileSync(file).equals(damaged), 'the damaged cache was kept');
    assert.equal(await launch(bundle, ['build'], env), 'used');
  }
});

test('a rebuilt bundle gets a new cache; a cache unused for 30 days goes, one used lately (another installation) stays', async () => {
  const { bundle, out } = smallBundle();
  const env = { SPEECHDOC_CACHE_DIR: tempDir('speechdoc-code-') };
  await launch(bundle, ['build'], env);
  const old = cacheFile(readFileSync(bundle), ['build'], env);
  const other = join(env.SPEECHDOC_CACHE_DIR, 'code', 'cli-0123456789abcdef-build.bin');
  writeFileSync(other, 'another installation');
  const monthAgo = Date.now() / 1000 - 31 * 24 * 3600;
  utimesSync(old, monthAgo, monthAgo);
  // The same length: V8 alone would run the old code.
  writeFileSync(bundle, readFileSync(bundle, 'utf8').replace("' ' + process", "'_' + process"));
  assert.notEqual(cacheFile(readFileSync(bundle), ['build'], env), old);
  assert.equal(await launch(bundle, ['build'], env), 'made');
  assert.match(readFileSync(out, 'utf8'), /^cli\.cjs_\d+ 讲话$/, 'the old code ran');
  assert.ok(!existsSync(old), 'the cache unused for a month was left behind');
  assert.ok(existsSync(other), 'a cache used lately was removed');
  // A run that uses a cache marks it used.
  utimesSync(other, monthAgo, monthAgo);
  const ours = cacheFile(readFileSync(bundle), ['build'], env);
  utimesSync(ours, monthAgo, monthAgo);
  assert.equal(await launch(bundle, ['build'], env), 'used');
  assert.ok(statSync(ours).mtimeMs > Date.now() - 60_000);
});

test('at most 24 caches are kept, the ones used last', async () => {
  const { bundle } = smallBundle();
  const env = { SPEECHDOC_CACHE_DIR: tempDir('speechdoc-code-') };
  const folder = join(env.SPEECHDOC_CACHE_DIR, 'code');
  await launch(bundle, ['build'], env);
  const hourAgo = Date.now() / 1000 - 3600;
  for (let i = 0; i < 30; i++) {
    const old = join(folder, `cli-old${String(i).padStart(2, '0')}-build.bin`);
    writeFileSync(old, 'x');
    utimesSync(old, hourAgo + i, hourAgo + i);
  }
  assert.equal(await launch(bundle, ['check'], env), 'made');
  const left = readdirSync(folder).sort();
  assert.equal(left.length, 24);
  // The two this bundle made and the 22 others used last (files 8 to 29).
  assert.deepEqual(left.filter((n) => n.startsWith('cli-old')), Array.from({ length: 22 }, (_, i) => `cli-old${String(i + 8).padStart(2, '0')}-build.bin`));
});

test('a cache folder that cannot be written, or SPEECHDOC_CODE_CACHE=off: the command still runs', async () => {
  const { bundle, out } = smallBundle();
  const blocked = join(tempDir('speechdoc-code-'), 'a-file');
  writeFileSync(blocked, '');
  assert.equal(await launch(bundle, ['build'], { SPEECHDOC_CACHE_DIR: blocked }), 'unwritable');
  assert.ok(existsSync(out));
  const env = { SPEECHDOC_CACHE_DIR: tempDir('speechdoc-code-'), SPEECHDOC_CODE_CACHE: 'off' };
  assert.equal(await launch(bundle, ['build'], env), 'off');
  assert.ok(!existsSync(join(env.SPEECHDOC_CACHE_DIR, 'code')));
});

test('the caches are named after the command word only', () => {
  const source = readFileSync(smallBundle().bundle);
  const env = { SPEECHDOC_CACHE_DIR: '/c' };
  const name = (argv: string[]) => cacheFile(source, argv, env).split('/').pop()!;
  assert.match(name(['build', 'in', '-o', 'out']), /^cli-[0-9a-f]{16}-build\.bin$/);
  assert.match(name(['--help']), /-none\.bin$/);
  assert.match(name(['check', '-j', '2', 'in']), /-check\.bin$/);
  assert.match(name(['../草稿.txt']), /-other\.bin$/);
});

test('dist/ is ASCII: node reads each file as a string of one byte per character', () => {
  ensureBuilt();
  const files = readdirSync(join(ROOT, 'dist')).filter((n) => /\.(mjs|cjs)$/.test(n));
  assert.ok(files.includes('cli.cjs') && files.length > 10, files.join());
  assert.deepEqual(files.filter((n) => !isAscii(readFileSync(join(ROOT, 'dist', n)))), []);
});

test('the real CLI: the same PDF, Word file and messages with no cache, a made one and a damaged one', () => {
  const cache = tempDir('speechdoc-code-');
  const env = testEnv({ SPEECHDOC_CACHE_DIR: cache });
  const build = (out: string) => {
    const r = runCli(['build', SAMPLE, '-o', out], tempDir(), env);
    assert.equal(r.code, 0, r.stderr);
    return { messages: r.stderr.replace(/[\d.]+ 秒/, 'T').replaceAll(out, 'OUT'), pdf: readFileSync(join(out, 'seed-speech.pdf')), docx: readFileSync(join(out, 'seed-speech.docx')) };
  };
  const first = build(tempDir());
  const caches = readdirSync(join(cache, 'code'));
  assert.equal(caches.length, 1, caches.join());
  assert.match(caches[0]!, /^cli-[0-9a-f]{16}-build\.bin$/);
  const file = join(cache, 'code', caches[0]!);
  const made = readFileSync(file);
  const cached = build(tempDir());
  assert.ok(readFileSync(file).equals(made), 'a cache V8 accepted was written again');
  writeFileSync(file, readFileSync(file).subarray(0, 1000));
  const damaged = build(tempDir());
  for (const run of [cached, damaged]) {
    assert.equal(run.messages, first.messages);
    assert.ok(run.pdf.equals(first.pdf), 'the PDF differs');
    assert.ok(run.docx.equals(first.docx), 'the Word file differs');
  }
  assert.ok(statSync(file).size > 1000, 'the damaged cache was not replaced');
});
