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
  assert.equal(r.speech, undefined);
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
  assert.deepEqual(withoutPositions(r.speech), JSON.parse(SEED_TEXT));
});

test('a model that carries positions keeps them exactly (they name the original source)', () => {
  const first = parseJson(SEED_TEXT, {}).speech!;
  const text = JSON.stringify(first);
  assert.deepEqual(parseJson(text, {}).speech, JSON.parse(text));
});

test('a model without positions gets positions in the JSON file, so check findings point into it', () => {
  const speech = parseJson(SEED_TEXT, {}).speech!;
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
  assert.deepEqual(withoutPositions(r.speech), JSON.parse(SEED_TEXT));
  assert.equal(r.speech?.position?.start.offset, 1);
});

test('syntax errors give the line and column of the bad character', () => {
  assert.equal(only('{"type": "speech",\n  "meta": {"title": }}'), 'in.json:2:21 error json/syntax JSON syntax error: expected a value, found "}"');
  assert.equal(only('{\n  "a": 1,\n}'), 'in.json:3:1 error json/syntax JSON syntax error: expected a property name in double quotes, found "}"');
  assert.equal(only('[ "𠀀", tru ]'), 'in.json:1:8 error json/syntax JSON syntax error: expected a value, found "t"');
  assert.match(only(''), /^in\.json:1:1 error json\/syntax .*end of input/);
  assert.match(only('{"a": "x\ny"}'), /^in\.json:1:9 error json\/syntax .*control character/);
  assert.match(only('{"a": 1} x'), /^in\.json:1:10 error json\/syntax /);
});

test('a wrong type names the JSON path and points at the value', () => {
  const text = SEED_TEXT.replace('"value": "何利军"', '"value": 7');
  const line = SEED_TEXT.slice(0, SEED_TEXT.indexOf('"value": "何利军"')).split('\n').length;
  assert.equal(only(text), `in.json:${line}:18 error json/schema $.meta.credits[0].value: expected string, got number`);
});

test('a heading depth out of range reads "expected 1–4, got 7"', () => {
  const text = SEED_TEXT.replace('"depth": 1', '"depth": 7');
  assert.match(only(text), /error json\/schema \$\.children\[2\]\.depth: expected 1–4, got 7$/);
});

test('an unknown field is reported by name', () => {
  const text = SEED_TEXT.replace('"lang": "zh-CN"', '"lang": "zh-CN", "colour": "red"');
  assert.match(only(text), /error json\/schema \$\.meta\.colour: unknown field$/);
});

test('an unknown node type is reported', () => {
  const r = parseJson('{"type":"speech","meta":{"title":"t"},"children":[{"type":"para","children":[]}]}', {});
  assert.deepEqual(r.diagnostics.map((d) => [d.ruleId, d.message]), [['json/schema', '$.children[0].type: unknown node type "para"']]);
});

test('something that is not a speech is refused', () => {
  const r = parseJson('{"speech": {}}', {});
  assert.equal(r.speech, undefined);
  const messages = r.diagnostics.map((d) => d.message);
  assert.ok(messages.includes('$.type: missing required field ("speech")'), messages.join('\n'));
  assert.ok(messages.includes('$.speech: unknown field'), messages.join('\n'));
});

test('a lone surrogate is refused with its path', () => {
  const text = '{"type":"speech","meta":{"title":"t"},"children":[{"type":"paragraph","children":[{"type":"text","value":"甲\\ud800乙"}]}]}';
  assert.equal(
    only(text),
    `in.json:1:${text.indexOf('"甲') + 1} error json/lone-surrogate $.children[0].children[0].value: string contains an unpaired surrogate (\\uD800–\\uDFFF); it is not valid Unicode text`,
  );
  // A proper pair (𠀀 as \ud840\udc00) is fine.
  assert.equal(parseJson(text.replace('\\ud800', '\\ud840\\udc00'), {}).diagnostics.length, 0);
});

test('10,000-deep nesting is refused at the first bracket past the limit, without a stack overflow', () => {
  const prefix = '{"type":"speech","meta":{"title":"t"},"children":';
  const text = `${prefix}${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
  assert.equal(only(text), `in.json:1:${prefix.length + 64} error json/too-deep JSON nested too deeply: nested deeper than 64 levels`);
});

test('every diagnostic carries the file name', () => {
  const r = parseJson('nope', { file: 'a/b.json' });
  assert.equal(r.diagnostics[0]!.file, 'a/b.json');
});
