import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { formatOf, parseSpeech, parseSpeechFile } from '../../src/parse/index.ts';
import { parseText } from '../../src/parse/text/parse-text.ts';
import { problems, readBytes, repoPath, withoutPositions } from './helpers.ts';

const seed = readFileSync(repoPath('input/seed-speech.txt'), 'utf8');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

test('the extension picks the format, case-insensitively', () => {
  assert.deepEqual(
    ['a.txt', 'a.TEXT', 'b.md', 'b.Markdown', 'c.json', 'd.docx', 'd.DOC', 'd.wps', 'd.odt', 'x.pdf', 'noext'].map(formatOf),
    ['text', 'text', 'markdown', 'markdown', 'json', 'docx', 'docx', 'docx', 'docx', undefined, undefined],
  );
});

test('.txt bytes are decoded (GBK included) and parsed as plain text', async () => {
  const r = await parseSpeechFile(new Uint8Array(iconv.encode(seed, 'gbk')), { file: 'speech.txt' });
  assert.equal(r.value?.meta.title, '在防疫期间春节后上班收心会上的讲话');
  assert.ok(r.diagnostics.some((d) => d.ruleId === 'decode/encoding'));
});

test('.md goes to the Markdown parser', async () => {
  const r = await parseSpeechFile(utf8('# 讲话\n\n## 一、总体要求\n\n正文。'), { file: 'x.md' });
  assert.deepEqual(r.value?.children.map((b) => b.type), ['heading', 'paragraph']);
  assert.equal(r.value?.meta.title, '讲话');
});

test('.json goes to the JSON parser: a model written out as JSON reads back the same', async () => {
  const model = withoutPositions(parseText(seed).value);
  const r = await parseSpeechFile(utf8(JSON.stringify(model)), { file: 'speech.json' });
  assert.deepEqual(problems(r.diagnostics), []);
  assert.deepEqual(withoutPositions(r.value), model);
});

test('.docx bytes go to the Word parser, not to the text decoder', async () => {
  const r = await parseSpeechFile(utf8('not a zip at all'), { file: 'draft.docx' });
  assert.equal(r.value, undefined);
  assert.ok(r.diagnostics.every((d) => !d.ruleId.startsWith('decode/')), JSON.stringify(r.diagnostics));
  assert.ok(r.diagnostics.some((d) => d.severity === 'error'));
});

test('an unknown extension is an error naming the file and the supported extensions', async () => {
  const r = await parseSpeechFile(utf8('标题\n正文。'), { file: 'speech.pdf' });
  assert.equal(r.value, undefined);
  assert.equal(r.diagnostics.length, 1);
  const d = r.diagnostics[0]!;
  assert.equal(d.ruleId, 'parse/unknown-format');
  assert.equal(d.file, 'speech.pdf');
  assert.match(d.message, /speech\.pdf/);
  for (const ext of ['.txt', '.md', '.json', '.docx']) assert.ok(d.message.includes(ext), ext);
});

test('format overrides the extension; no file name means plain text', async () => {
  const r = await parseSpeechFile(utf8('# 讲话\n\n正文。'), { file: 'speech.pdf', format: 'markdown' });
  assert.equal(r.value?.meta.title, '讲话');
  assert.equal(parseSpeech('讲话\n正文。').value?.meta.title, '讲话');
});

test('an empty .txt is reported empty; binary content in a .txt is refused before parsing', async () => {
  const r = await parseSpeechFile(readBytes('tests/parse/fixtures/seed-speech.gbk.txt').slice(0, 0), { file: 'empty.txt' });
  assert.equal(r.diagnostics[0]?.ruleId, 'parse/empty');
  const png = await parseSpeechFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0]), { file: 'photo.txt' });
  assert.equal(png.value, undefined);
  assert.equal(png.diagnostics[0]?.ruleId, 'decode/binary');
});

test('parseSpeech cannot read a Word document from text and says so', () => {
  const r = parseSpeech('whatever', { file: 'a.docx' });
  assert.equal(r.value, undefined);
  assert.equal(r.diagnostics[0]?.severity, 'error');
});
