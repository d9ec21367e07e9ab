/** The JSON scanner accepts exactly what JSON.parse accepts, so it never invents or misses a syntax error. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scanJson } from '../../src/parse/json/scan-json.ts';

const accepts = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

test('every serialized JSON value scans without error', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
      const text = JSON.stringify(v, null, pretty ? 2 : undefined) ?? 'null';
      assert.equal(scanJson(text, 1000).error, undefined, text);
    }),
  );
});

test('on mangled JSON the scanner and JSON.parse agree on validity', () => {
  const mangled = fc.tuple(fc.json(), fc.nat(), fc.nat(3), fc.constantFrom('', ',', '}', ']', '"', '\\', ':', '\n', 'x', '\u0001', '{', '[')).map(
    ([text, at, cut, insert]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      return text.slice(0, i) + insert + text.slice(i + cut);
    },
  );
  fc.assert(
    fc.property(mangled, (text) => {
      assert.equal(scanJson(text, 1000).error === undefined, accepts(text), text);
    }),
    { numRuns: 2000 },
  );
});

test('the offset of a value is recorded under its JSON path', () => {
  const text = '{"a": [1, {"b c": true}]}';
  const { offsets } = scanJson(text, 64);
  assert.equal(offsets.get('$.a[1]["b c"]'), text.indexOf('true'));
  assert.equal(offsets.get('$.a[0]'), text.indexOf('1'));
});
