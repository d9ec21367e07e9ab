/** Word drafts through the format dispatch, as the CLI and library call it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Paragraph, TextRun } from 'docx';
import { parseSpeechFile } from '../../src/parse/index.ts';
import { packageDocx } from './fixtures.ts';

test('parseSpeechFile sends .docx to the Word reader and keeps the Chinese file name in findings', async () => {
  const docx = await packageDocx({
    sections: [{ children: [new Paragraph('在全县领导干部大会上的讲话'), new Paragraph({ children: [new TextRun('我们要'), new TextRun({ text: '', break: 1 }), new TextRun('清醒认识到。')] })] }],
  });
  const r = await parseSpeechFile(docx, { file: '讲话稿（草稿）.docx' });
  assert.equal(r.value?.meta.title, '在全县领导干部大会上的讲话');
  const soft = r.diagnostics.find((d) => d.ruleId === 'docx/soft-break');
  assert.equal(soft?.file, '讲话稿（草稿）.docx');
  assert.equal(soft?.position?.start.line, 2);

  const bad = await parseSpeechFile(new Uint8Array([1, 2, 3]), { file: '讲话稿（草稿）.docx' });
  assert.equal(bad.value, undefined);
  assert.deepEqual(bad.diagnostics.map((d) => [d.ruleId, d.file]), [['docx/not-a-docx', '讲话稿（草稿）.docx']]);
});
