/** JSON input: a valid model round-trips; every kind of bad file gives a named error with a place. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseJson } from '../../src/parse/json/parse-json.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { checkSpeech } from '../../src/check/index.ts';

const SEED_TEXT = readFileSync(new URL('../model/fixtures/seed-speech.json', import.meta.url), 'utf8');

/** The single diagnostic of parsing `text`, formatted as the CLI prints it (first line). */
function only(text: string): string {
  const r = parseJson(text, { file: 'in.json' });
  assert.equal(r.value, undefined);
  assert.equal(r.diagnostics.length, 1, r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return formatDiagnostic(r.diagnostics[0]!).split('\n')[0]!;
}

/** The model without positions (those parseJson adds point into the JSON file). */
function withoutPositions(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutPositions);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'position' && k !== 'positions').map(([k, x]) => [k, withoutPositions(x)]));
}

test('a valid model round-trips with its content unchanged and no findings', () => {
  const r = parseJson(SEED_TEXT, { file: 'seed.json' });
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(withoutPositions(r.value), JSON.parse(SEED_TEXT));
});

test('a model that carries positions keeps them exactly (they name the original source)', () => {
  const first = parseJson(SEED_TEXT, {}).value!;
  const text = JSON.stringify(first);
  assert.deepEqual(parseJson(text, {}).value, JSON.parse(text));
});

test('a model without positions gets positions in the JSON file, so check findings point into it', () => {
  const speech = parseJson(SEED_TEXT, {}).value!;
  const lines = SEED_TEXT.split('\n');
  const line = lines.findIndex((l) => l.includes('"value": "XX"')) + 1;
  const column = [...lines[line - 1]!.slice(0, lines[line - 1]!.indexOf('XX'))].length + 1;
  const blanks = checkSpeech(speech).filter((d) => d.ruleId === 'placeholder/unfilled');
  assert.equal(blanks.length, 6);
  assert.deepEqual(blanks[0]!.position?.start, { line, column, offset: SEED_TEXT.indexOf('"value": "XX"') + 10 });
  const titleLine = lines.findIndex((l) => l.includes('"title"')) + 1;
  assert.equal(speech.meta.positions?.title?.start.line, titleLine);
});

test('a byte-order mark is ignored, and offsets still count it', () => {
  const r = parseJson(`\ufeff${SEED_TEXT}`, {});
  assert.deepEqual(withoutPositions(r.value), JSON.parse(SEED_TEXT));
  assert.equal(r.value?.position?.start.offset, 1);
});

test('syntax errors give the line and column of the bad character', () => {
  assert.equal(only('{"type": "speech",\n  "meta": {"title": }}'), 'in.json:2:21 错误 json/syntax JSON 语法错误：此处应为一个值，却遇到“}”');
  assert.equal(only('{\n  "a": 1,\n}'), 'in.json:3:1 错误 json/syntax JSON 语法错误：此处应为用双引号括起的属性名，却遇到“}”');
  assert.equal(only('[ "𠀀", tru ]'), 'in.json:1:8 错误 json/syntax JSON 语法错误：此处应为一个值，却遇到“t”');
  assert.match(only(''), /^in\.json:1:1 错误 json\/syntax JSON 语法错误：此处应为一个值，却遇到文件结尾$/);
  assert.match(only('{"a": "x\ny"}'), /^in\.json:1:9 错误 json\/syntax JSON 语法错误：字符串中有控制字符/);
  assert.match(only('{"a": 1} x'), /^in\.json:1:10 错误 json\/syntax JSON 语法错误：JSON 文档结束后还有多余的内容“x”$/);
});

test('a wrong type names the JSON path and points at the value', () => {
  const text = SEED_TEXT.replace('"value": "何利军"', '"value": 7');
  const line = SEED_TEXT.slice(0, SEED_TEXT.indexOf('"value": "何利军"')).split('\n').length;
  assert.equal(only(text), `in.json:${line}:18 错误 json/schema $.meta.credits[0].value：应为字符串，实际是数字`);
});

test('a heading depth out of range reads "应为 1–4，实际是 7"', () => {
  const text = SEED_TEXT.replace('"depth": 1', '"depth": 7');
  assert.match(only(text), /错误 json\/schema \$\.children\[2\]\.depth：应为 1–4，实际是 7$/);
});

test('an unknown field is reported by name', () => {
  const text = SEED_TEXT.replace('"lang": "zh-CN"', '"lang": "zh-CN", "colour": "red"');
  assert.match(only(text), /错误 json\/schema \$\.meta\.colour：未知字段$/);
});

test('an unknown node type is reported', () => {
  const r = parseJson('{"type":"speech","meta":{"title":"t"},"children":[{"type":"para","children":[]}]}', {});
  assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.message]), [['json/schema', '$.children[0].type：未知的节点类型“para”']]);
});

test('something that is not a speech is refused', () => {
  const r = parseJson('{"speech": {}}', {});
  assert.equal(r.value, undefined);
  const messages = r.diagnostics.map((d) => d.message);
  assert.ok(messages.includes('$.type：缺少必填字段（“speech”）'), messages.join('\n'));
  assert.ok(messages.includes('$.speech：未知字段'), messages.join('\n'));
});

test('a lone surrogate is refused with its path', () => {
  const text = '{"type":"speech","meta":{"title":"t"},"children":[{"type":"paragraph","children":[{"type":"text","value":"甲\\ud800乙"}]}]}';
  assert.equal(
    only(text),
    `in.json:1:${text.indexOf('"甲') + 1} 错误 json/lone-surrogate $.children[0].children[0].value：字符串含有未配对的代理项（\\uD800–\\uDFFF），不是有效的 Unicode 文本`,
  );
  // A proper pair (𠀀 as \ud840\udc00) is fine.
  assert.equal(parseJson(text.replace('\\ud800', '\\ud840\\udc00'), {}).diagnostics.length, 0);
});

test('10,000-deep nesting is refused at the first bracket past the limit, without a stack overflow', () => {
  const prefix = '{"type":"speech","meta":{"title":"t"},"children":';
  const text = `${prefix}${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
  assert.equal(only(text), `in.json:1:${prefix.length + 64} 错误 json/too-deep JSON 嵌套过深：超过 64 层`);
});

test('every diagnostic carries the file name', () => {
  const r = parseJson('nope', { file: 'a/b.json' });
  assert.equal(r.diagnostics[0]!.file, 'a/b.json');
});

test('schema problems read in Chinese: choices, lengths, custom lead rules, and hints', () => {
  const text = JSON.stringify({
    type: 'speech',
    meta: { title: 't', colour: 'red' },
    children: [
      { type: 'paragraph', children: [{ type: 'lead', kind: 'bogus', marker: '一是', children: [] }, { type: 'placeholder', value: '' }] },
      { type: 'paragraph', children: [{ type: 'lead', kind: 'heading', marker: '（一）', children: [] }] },
    ],
  });
  const r = parseJson(text, {});
  assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.message]).sort(), [
    ['json/schema', '$.children[0].children[0].kind：应为“point”或“heading”或“article”，实际是“bogus”'],
    ['json/schema', '$.children[0].children[1].value：至少应有 1 个字符'],
    ['json/schema', '$.children[1].children[0].depth：kind 为 heading 的 lead 需要 depth（2–4）'],
    ['json/schema', '$.meta.colour：未知字段'],
  ]);
  assert.match(r.diagnostics.find((d) => d.message.endsWith('未知字段'))!.hint!, /schema\/speech\.schema\.json/);
});
