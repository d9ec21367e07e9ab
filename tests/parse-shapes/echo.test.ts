/** `build` and `check` echo the structure found, one line per file, so a wrong reading never passes as "ok". */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, workdirWith } from '../helpers/run-cli.ts';

const SPEECH = '政 府 工 作 报 告\n——2024年3月5日在区人民代表大会上\n区长　张三\n各位代表：\n一、过去一年工作回顾\n一是稳增长。二是调结构。\n';
const TOAST = '尊敬的各位来宾，\n女士们、先生们：\n今天我们相聚在这里，共商发展大计，共谋合作之道，意义十分重大。\n';

test('check prints one structure line per file', () => {
  const dir = workdirWith({ 'a.txt': SPEECH, 'b.txt': TOAST });
  const r = runCli(['check', 'a.txt', 'b.txt'], dir);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stderr.split('\n');
  assert.ok(lines.includes('a.txt：标题 1 行 · 副题 · 讲话人 · 称呼 · 一级标题 1 · 要点 2'), r.stderr);
  assert.ok(lines.includes('b.txt：无标题 · 称呼 2'), r.stderr);
});

test('build prints the structure under each file line', () => {
  const dir = workdirWith({ 'input/a.txt': SPEECH });
  const r = runCli(['build', 'input', '--format', 'docx'], dir);
  assert.equal(r.code, 0, r.stderr);
  const out = `${r.stdout}\n${r.stderr}`;
  assert.match(out, /a\.txt[^\n]*\n\s+标题 1 行 · 副题 · 讲话人 · 称呼 · 一级标题 1 · 要点 2\n/);
});
