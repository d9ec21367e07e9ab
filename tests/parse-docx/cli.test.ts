/** Word drafts through the real CLI: a Chinese file name must reach the user in every finding. */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { Paragraph, FootnoteReferenceRun, TextRun } from 'docx';
import { runCli, workdirWith } from '../helpers/run-cli.ts';
import { packageDocx } from './fixtures.ts';

test('speechdoc parse 讲话稿（草稿）.docx: model on stdout, the footnote warning names the file and paragraph', async (t) => {
  const docx = await packageDocx({
    footnotes: { 1: { children: [new Paragraph('数据来源：县统计局。')] } },
    sections: [{
      children: [
        new Paragraph('在全县领导干部大会上的讲话'),
        new Paragraph('同志们：'),
        new Paragraph({ children: [new TextRun('今年我县共有重点项目XX个'), new FootnoteReferenceRun(1), new TextRun('。')] }),
      ],
    }],
  });
  const dir = workdirWith({ '讲话稿（草稿）.docx': docx, '损坏（草稿）.docx': new TextEncoder().encode('not a zip') });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const ok = runCli(['parse', '讲话稿（草稿）.docx'], dir);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).meta.title, '在全县领导干部大会上的讲话');
  assert.match(ok.stderr, /讲话稿（草稿）\.docx:3:\d+ 警告 docx\/footnote .*数据来源：县统计局。/);

  const bad = runCli(['parse', '损坏（草稿）.docx'], dir);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /损坏（草稿）\.docx.*错误 docx\/not-a-docx/);
});
