/**
 * Drafts made by a real word processor (LibreOffice): the user's sample as .docx, .odt and .doc
 * must give the same model as the plain text. Skips when LibreOffice is not installed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { AlignmentType, LevelFormat, Paragraph, Table, TableCell, TableRow, Textbox, TextRun } from 'docx';
import { parseDocxFile, readDocx, readDocxFile } from '../../src/parse/docx/index.ts';
import { parseText } from '../../src/parse/text/index.ts';
import { SAMPLE } from '../helpers/run-cli.ts';
import { NO_SOFFICE, packageDocx, sofficeConvert, stripPositions } from './fixtures.ts';

const sampleText = readFileSync(SAMPLE, 'utf8');
const fromText = parseText(sampleText, { file: 'seed-speech.txt' });

describe('the user sample through LibreOffice', { skip: NO_SOFFICE }, () => {
  const made: Record<string, Uint8Array> = {};
  before(() => {
    made['docx'] = sofficeConvert(sampleText, 'docx:MS Word 2007 XML', 'docx');
    made['odt'] = sofficeConvert(sampleText, 'odt', 'odt');
    made['doc'] = sofficeConvert(sampleText, 'doc:MS Word 97', 'doc');
  });

  test('.docx: one paragraph per text line, same numbers', () => {
    const r = readDocx(made['docx']!, 'seed.docx');
    const lines = sampleText.split(/\r?\n/);
    assert.deepEqual(r.lines.map((l) => [l.line, l.text]), lines.map((t, i) => [i + 1, t]));
    assert.deepEqual(r.diagnostics, []);
  });

  for (const ext of ['docx', 'odt', 'doc']) {
    test(`.${ext} parses to the same model as the plain text`, async () => {
      const file = `讲话稿（草稿）.${ext}`;
      const r = await parseDocxFile(made[ext]!, { file });
      assert.ok(r.value, JSON.stringify(r.diagnostics));
      assert.deepEqual(stripPositions(r.value), stripPositions(fromText.value));
      // Paragraph numbers equal text line numbers here, so even the findings line up.
      const key = (ds: typeof r.diagnostics) => ds.filter((d) => !d.ruleId.startsWith('docx/')).map((d) => `${d.ruleId}@${d.position?.start.line}:${d.message}`);
      assert.deepEqual(key(r.diagnostics), key(fromText.diagnostics));
      assert.ok(r.diagnostics.every((d) => d.file === file), 'every finding names the Chinese file name');
      if (ext !== 'docx') assert.ok(r.diagnostics.some((d) => d.ruleId === 'docx/converted' && d.message.includes(file)));
    });
  }

  test('.wps (a Kingsoft WPS draft is a Word 97 file) goes through LibreOffice too', async () => {
    const r = await parseDocxFile(made['doc']!, { file: '讲话稿.wps' });
    assert.deepEqual(stripPositions(r.value), stripPositions(fromText.value));
  });

  test('Word numbering, bold run-in heading, table and text box as LibreOffice writes them (.docx and .odt)', async () => {
    const para = (t: string) => new Paragraph({ children: [new TextRun(t)] });
    const lv = (level: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({ level, format, text, alignment: AlignmentType.LEFT });
    const numbered = (level: number, ...children: TextRun[]) => new Paragraph({ numbering: { reference: 'gb', level }, children });
    const source = await packageDocx({
      numbering: { config: [{ reference: 'gb', levels: [lv(0, LevelFormat.CHINESE_COUNTING, '%1、'), lv(1, LevelFormat.CHINESE_COUNTING, '（%2）'), lv(2, LevelFormat.DECIMAL, '%3.')] }] },
      sections: [{
        children: [
          para('标题'),
          numbered(0, new TextRun('认真总结经验')),
          numbered(1, new TextRun('强化责任')),
          numbered(1, new TextRun({ text: '压实责任。', bold: true }), new TextRun('正文')),
          numbered(0, new TextRun('聚焦目标任务')),
          numbered(2, new TextRun('明确分工')),
          new Table({ rows: [new TableRow({ tableHeader: true, children: ['项目', '数量'].map((t) => new TableCell({ children: [para(t)] })) }), new TableRow({ children: ['甲', '乙'].map((t) => new TableCell({ children: [para(t)] })) })] }),
          new Textbox({ style: { width: '100pt', height: '50pt' }, children: [para('框中提示文字')] }),
          para('末段'),
        ],
      }],
    });
    for (const [filter, ext] of [['docx:MS Word 2007 XML', 'docx'], ['odt', 'odt']] as const) {
      const bytes = sofficeConvert(source, filter, ext, 'draft.docx');
      const read = await readDocxFile(bytes, `draft.${ext}`);
      const texts = read.lines.map((l) => (l.table ? `table header=${l.table.header}` : l.text));
      assert.deepEqual(texts, ['标题', '一、认真总结经验', '（一）强化责任', '（二）压实责任。正文', '二、聚焦目标任务', '1.明确分工', 'table header=true', '', '框中提示文字', '末段'], ext);
      assert.equal(read.lines[3]!.boldPrefixLength, 8, ext);
      assert.deepEqual(read.diagnostics.filter((d) => d.ruleId === 'docx/textbox').map((d) => d.position?.start.line), [8], ext);
      const r = await parseDocxFile(bytes, { file: `draft.${ext}` });
      assert.deepEqual(r.value!.children.map((b) => (b.type === 'heading' ? `h${b.depth}` : b.type === 'paragraph' ? b.children[0]!.type : b.type)), ['h1', 'h2', 'lead', 'h1', 'h3', 'table', 'text', 'text'], ext);
    }
  });

  test('a web page saved as .doc (as drafts downloaded from websites often are) is read too', async () => {
    const html = '<html><head><meta charset="utf-8"></head><body><p>在全县大会上的讲话</p><p>同志们：</p><p>一、认真总结经验</p><p>正文<b>加粗</b>。</p></body></html>';
    const r = await readDocxFile(new TextEncoder().encode(html), '网页.doc');
    assert.deepEqual(r.lines.map((l) => [l.text, l.emphasis]), [['在全县大会上的讲话', undefined], ['同志们：', undefined], ['一、认真总结经验', undefined], ['正文加粗。', [[2, 4]]]]);
  });

  test('a .doc that is not one: a LibreOffice failure is an error naming the file', async () => {
    const r = await parseDocxFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]), { file: '坏文件.doc' });
    assert.equal(r.value, undefined);
    assert.equal(r.diagnostics[0]!.severity, 'error');
    assert.equal(r.diagnostics[0]!.file, '坏文件.doc');
  });
});

describe('without LibreOffice', () => {
  test('a .doc draft gives an error naming the file and how to install LibreOffice', async () => {
    const saved = { PATH: process.env['PATH'], SPEECHDOC_SOFFICE: process.env['SPEECHDOC_SOFFICE'] };
    const empty = mkdtempSync(join(tmpdir(), 'speechdoc-nopath-'));
    process.env['PATH'] = empty;
    delete process.env['SPEECHDOC_SOFFICE'];
    try {
      const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
      const r = await parseDocxFile(doc, { file: '讲话稿（草稿）.doc' });
      assert.equal(r.value, undefined);
      const [d] = r.diagnostics;
      assert.equal(d?.severity, 'error');
      assert.equal(d?.ruleId, 'docx/no-libreoffice');
      assert.equal(d?.file, '讲话稿（草稿）.doc');
      assert.match(d!.message, /讲话稿（草稿）\.doc/);
      assert.match(d!.hint ?? '', /apt-get install libreoffice-writer-nogui/);
      assert.match(d!.hint ?? '', /另存为 \.docx/);
    } finally {
      process.env['PATH'] = saved.PATH;
      if (saved.SPEECHDOC_SOFFICE !== undefined) process.env['SPEECHDOC_SOFFICE'] = saved.SPEECHDOC_SOFFICE;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

test('a password-protected .docx (OLE container with an EncryptedPackage stream) is a clear error', async () => {
  const name = new Uint8Array([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]));
  const bytes = new Uint8Array(1024);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(name, 512);
  const r = await parseDocxFile(bytes, { file: '讲话稿（加密）.docx' });
  assert.equal(r.value, undefined);
  assert.equal(r.diagnostics[0]!.ruleId, 'docx/encrypted');
  assert.match(r.diagnostics[0]!.message, /讲话稿（加密）\.docx.*密码/);
});

test('a corrupt .docx is an error, never a crash', async () => {
  const r = await parseDocxFile(new TextEncoder().encode('PK\u0003\u0004 broken'), { file: '讲话稿.docx' });
  assert.equal(r.value, undefined);
  assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.ruleId, d.file]), [['error', 'docx/not-a-docx', '讲话稿.docx']]);
});
