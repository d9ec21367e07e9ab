/** `speechdoc --help`, `parse`, `check` and `fonts` as a user runs them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, workdirWith, ROOT, SAMPLE } from '../helpers/run-cli.ts';
import { PNG_BYTES } from './fixtures.ts';

test('--help lists every command with examples', () => {
  const r = runCli(['--help'], ROOT);
  assert.equal(r.code, 0);
  for (const c of ['build', 'parse', 'check', 'fonts', 'init']) assert.match(r.stdout, new RegExp(`speechdoc ${c}`));
  const b = runCli(['build', '--help'], ROOT);
  assert.equal(b.code, 0);
  assert.match(b.stdout, /示例：/);
  for (const o of ['--out', '--format', '--preset', '--draft', '--strict', '--jobs', '--report', '--watch', '--quiet', '--verbose', '--json', '--config', '--font']) {
    assert.ok(b.stdout.includes(o), `build --help lacks ${o}`);
  }
});

test('parse prints the model of the user sample as JSON', () => {
  const r = runCli(['parse', SAMPLE], ROOT);
  assert.equal(r.code, 0, r.stderr);
  const speech = JSON.parse(r.stdout);
  assert.equal(speech.type, 'speech');
  assert.equal(speech.meta.title, '在防疫期间春节后上班收心会上的讲话');
  assert.equal(speech.meta.originalTitle, '在防疫期间春节后上班收心会上的讲话');
  assert.deepEqual(speech.meta.credits.map((c: { label: string; value: string }) => `${c.label}：${c.value}`), ['编辑：何利军']);
  assert.equal(speech.children.filter((b: { type: string; depth?: number }) => b.type === 'heading' && b.depth === 1).length, 2);
});

test('parse refuses a binary file with a message naming it, exit 1', () => {
  const dir = workdirWith({ 'photo.txt': PNG_BYTES });
  const r = runCli(['parse', 'photo.txt'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^photo\.txt（全文） 错误 decode\//m);
  assert.equal(r.stdout, '');
});

test('check prints file:line:col severity rule-id message, and --strict fails on warnings', () => {
  const r = runCli(['check', SAMPLE], ROOT);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  const placeholders = lines.filter((l) => / 警告 placeholder\/unfilled /.test(l));
  assert.equal(placeholders.length, 6);
  for (const l of placeholders) assert.match(l, /^\S*seed-speech\.txt:\d+:\d+ 警告 placeholder\/unfilled /);
  // The sample's 149 half-width marks (the 原标题 prefix's colon is not printed) fold into one line; --verbose lists each one.
  const folded = lines.filter((l) => / 提示 normalize\/punctuation /.test(l));
  assert.equal(folded.length, 1);
  assert.match(folded[0]!, /共 149 处/);
  const verbose = runCli(['check', SAMPLE, '--verbose'], ROOT).stdout.split('\n').filter((l) => / 提示 normalize\/punctuation /.test(l));
  assert.equal(verbose.length, 149);
  assert.equal(runCli(['check', SAMPLE, '--strict'], ROOT).code, 1);
  const json = runCli(['check', SAMPLE, '--format', 'json'], ROOT);
  assert.equal(json.code, 0);
  assert.ok(Array.isArray(JSON.parse(json.stdout)));
});

test('check: numbering that jumps is reported at its line', () => {
  const dir = workdirWith({ 's.txt': '在会议上的讲话\n同志们：\n一、第一部分\n正文。\n三、第三部分\n正文。\n' });
  const r = runCli(['check', 's.txt'], dir);
  assert.match(r.stdout, /^s\.txt:5:1 警告 numbering\/gap /m);
});

test('check of a missing file is a usage error naming it (exit 2, as in build)', () => {
  const r = runCli(['check', 'nope.txt'], ROOT);
  assert.equal(r.code, 2);
  assert.match(r.stdout + r.stderr, /找不到文件或文件夹 nope\.txt/);
});

test('fonts prints every role with its face and source', () => {
  const r = runCli(['fonts', '--no-system-fonts'], ROOT);
  assert.equal(r.code, 0, r.stderr);
  for (const role of ['title', 'body', 'heading1', 'heading2', 'heading3', 'lead', 'titleBlock', 'pageNumber', 'latin']) {
    assert.match(r.stdout, new RegExp(`^\\s*${role}\\b`, 'm'));
  }
  assert.match(r.stdout, /随附/);
});
