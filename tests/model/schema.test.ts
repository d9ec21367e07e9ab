/** The runtime schema, the published JSON Schema and the sample model agree with each other. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { validateSpeech } from '../../src/model/schema.ts';
import { SCHEMA_FILE, speechJsonSchemaText } from '../../scripts/write-schema.ts';

const SEED = JSON.parse(readFileSync(new URL('fixtures/seed-speech.json', import.meta.url), 'utf8')) as unknown;
const clone = <T>(v: T): T => structuredClone(v);
const seed = () => clone(SEED) as { meta: Record<string, unknown>; children: Array<Record<string, any>> };

test('the committed schema/speech.schema.json is what scripts/write-schema.ts generates (run `npm run schema`)', () => {
  assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), speechJsonSchemaText());
});

test('the published JSON Schema is draft 2020-12 with $id and title, and accepts the sample model', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.ok(schema.$id);
  assert.ok(schema.title);
  const validate = new Ajv2020({ strict: false }).compile(schema);
  assert.equal(validate(SEED), true, JSON.stringify(validate.errors));
  const bad = seed();
  bad.children[2]!.depth = 7;
  assert.equal(validate(bad), false);
});

test('the sample model validates and keeps its content', () => {
  const r = validateSpeech(SEED);
  assert.deepEqual(r.issues, []);
  assert.deepEqual(r.speech, SEED);
});

test('the sample model has the structure of input/seed-speech.txt', () => {
  const s = seed();
  assert.equal(s.meta.title, '在防疫期间春节后上班收心会上的讲话');
  assert.deepEqual(s.meta.credits, [{ label: '编辑', value: '何利军' }]);
  assert.deepEqual(s.children.filter((b) => b.type === 'heading').map((b) => b.marker), ['一、', '二、']);
  const leads = s.children.map((b) => b.children[0]).filter((n) => n.type === 'lead').map((n) => n.marker);
  assert.deepEqual(leads, ['一是', '二是', '三是', '四是', '五是']);
  assert.equal(JSON.stringify(s).match(/"type":"placeholder","value":"XX"/g)?.length, 6);
  const text = JSON.stringify(s.children);
  assert.doesNotMatch(text.replace(/"[a-z]+":|[{}[\],"]/g, ''), /[,:;!?()]/, 'ASCII punctuation left in the text');
});

test('missing meta.credits and meta.lang default to [] and zh-CN', () => {
  const r = validateSpeech({ type: 'speech', meta: { title: '讲话' }, children: [] });
  assert.deepEqual(r.speech?.meta, { title: '讲话', credits: [], lang: 'zh-CN' });
});

test('problems are reported with JSON paths', () => {
  const s = seed();
  s.children[2]!.depth = 7;
  s.children[3]!.children[0].value = 42;
  s.meta.colour = 'red';
  s.children[4]!.type = 'para';
  const issues = validateSpeech(s).issues.map((i) => `${i.path}: ${i.message}`).sort();
  assert.deepEqual(issues, [
    '$.children[2].depth: expected 1–4, got 7',
    '$.children[3].children[0].value: expected string, got number',
    '$.children[4].type: unknown node type "para"',
    '$.meta.colour: unknown field',
  ]);
});

test('leads: points may follow a sentence mid-paragraph; run-in headings only open one; leads never nest', () => {
  const s = seed();
  const point = s.children[8]!.children[0];
  s.children[8]!.children.push(point);
  assert.deepEqual(validateSpeech(s).issues, []);
  const runIn = { type: 'lead', kind: 'heading', depth: 2, marker: '（一）', children: [{ type: 'text', value: '（一）强化责任。' }] };
  s.children[9]!.children.push(runIn);
  s.children[2]!.children.unshift(point);
  s.children[3]!.children.push({ type: 'emphasis', children: [point] });
  const issues = validateSpeech(s).issues.map((i) => `${i.path}: ${i.message}`).sort();
  assert.deepEqual(issues, [
    '$.children[2].children[0]: a lead may only stand directly in a paragraph',
    '$.children[3].children[1].children[0]: a lead may only stand directly in a paragraph',
    '$.children[9].children[10]: a run-in heading lead may only open a paragraph',
  ]);
});

test('a missing field and a wrong type at the root are named', () => {
  assert.deepEqual(validateSpeech({ type: 'speech', children: [] }).issues.map((i) => `${i.path}: ${i.message}`), ['$.meta: missing required field (object)']);
  assert.deepEqual(validateSpeech([]).issues.map((i) => i.path), ['$']);
});

test('very deep values are refused without overflowing the stack', () => {
  let deep: unknown = [];
  for (let i = 0; i < 100_000; i++) deep = [deep];
  const r = validateSpeech({ type: 'speech', meta: { title: 'x' }, children: deep });
  assert.equal(r.speech, undefined);
  assert.match(r.issues[0]!.message, /deeper than 64/);
});

test('a heading lead needs a depth and a point lead has none', () => {
  const s = seed();
  s.children[8]!.children[0].depth = 2;
  s.children[9]!.children[0] = { type: 'lead', kind: 'heading', marker: '（一）', children: [{ type: 'text', value: '（一）甲。' }] };
  assert.deepEqual(validateSpeech(s).issues.map((i) => `${i.path}: ${i.message}`), [
    '$.children[8].children[0].depth: a point lead has no depth',
    '$.children[9].children[0].depth: a heading lead needs a depth (2–4)',
  ]);
});
