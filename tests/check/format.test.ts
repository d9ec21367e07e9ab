/** How findings are printed: `file:line:col severity rule-id message`, then the hint (Chinese, the default language). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDiagnostic, formatDiagnosticsJson } from '../../src/diagnostics/format.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { setLocale } from '../../src/i18n/index.ts';

const d: Diagnostic = {
  severity: 'warning',
  ruleId: 'numbering/gap',
  message: '编号不连续：“三、”之前缺少“二、”',
  file: 'a.txt',
  position: { start: { line: 5, column: 3 }, end: { line: 5, column: 5 } },
};

test('one line: file:line:col severity rule-id message, the quoted text after it', () => {
  assert.equal(formatDiagnostic(d), 'a.txt:5:3 警告 numbering/gap 编号不连续：“三、”之前缺少“二、”');
  assert.equal(formatDiagnostic(d, 'b.txt'), 'b.txt:5:3 警告 numbering/gap 编号不连续：“三、”之前缺少“二、”');
  assert.equal(formatDiagnostic({ ...d, excerpt: '【三、】第三部分' }), 'a.txt:5:3 警告 numbering/gap 编号不连续：“三、”之前缺少“二、” 原文：“【三、】第三部分”');
});

test('no position says “whole file”, never 0:0; a hint goes on the next line, indented two spaces', () => {
  const { position: _p, ...rest } = d;
  assert.equal(formatDiagnostic({ ...rest, hint: '补上“二、”' }), 'a.txt（全文） 警告 numbering/gap 编号不连续：“三、”之前缺少“二、”\n  提示：补上“二、”');
  setLocale('en');
  try {
    assert.equal(formatDiagnostic({ ...rest, hint: 'x' }), 'a.txt (whole file) warning numbering/gap 编号不连续：“三、”之前缺少“二、”\n  hint: x');
  } finally {
    setLocale('zh');
  }
});

test('a message with a line break stays on one line', () => {
  assert.equal(formatDiagnostic({ ...d, message: 'a\nb' }).split('\n').length, 1);
});

test('JSON output is an array with line and column', () => {
  const out = JSON.parse(formatDiagnosticsJson([d]));
  assert.equal(out[0].line, 5);
  assert.equal(out[0].column, 3);
  assert.equal(out[0].ruleId, 'numbering/gap');
  assert.equal(out[0].file, 'a.txt');
  const { position: _p, ...rest } = d;
  assert.equal(JSON.parse(formatDiagnosticsJson([rest]))[0].line, null);
});
