/**
 * Golden models of the samples: each file in input/ parses to exactly tests/model/fixtures/<name>.json
 * (source positions left out, so a golden reads as the structure a clerk would check). A change to
 * the parser that changes a sample's model fails here until it is looked at and the goldens are
 * rewritten with `UPDATE=1 node scripts/test.mjs goldens`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseSpeechFile } from '../../src/parse/index.ts';
import { validateSpeech } from '../../src/model/schema.ts';

const INPUT = resolve(import.meta.dirname, '../../input');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const UPDATE = process.env.UPDATE === '1';

/** The model as a golden stores it: positions dropped, two-space JSON, final newline. */
function golden(model: unknown): string {
  return `${JSON.stringify(model, (k, v) => (k === 'position' || k === 'positions' ? undefined : v), 2)}\n`;
}

for (const file of readdirSync(INPUT).sort()) {
  const name = basename(file, extname(file));
  test(`input/${file} parses to its golden model (fixtures/${name}.json)`, async () => {
    const parsed = await parseSpeechFile(new Uint8Array(readFileSync(join(INPUT, file))), { file });
    assert.ok(parsed.value, `no model: ${JSON.stringify(parsed.diagnostics)}`);
    const got = golden(parsed.value);
    const path = join(FIXTURES, `${name}.json`);
    if (UPDATE) writeFileSync(path, got);
    assert.ok(existsSync(path), `no golden for input/${file}; run UPDATE=1 to write it`);
    assert.equal(got, readFileSync(path, 'utf8'), `model of input/${file} changed; check it and run UPDATE=1 to accept`);
    // A golden is a valid model in its own right (other tests read it as input).
    assert.ok(validateSpeech(JSON.parse(got)).speech, 'golden validates against the schema');
  });
}

test('every golden belongs to a sample (none left over from a renamed one)', () => {
  const samples = new Set(readdirSync(INPUT).map((f) => basename(f, extname(f))));
  for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.json'))) assert.ok(samples.has(basename(f, '.json')), f);
});
