/**
 * The stand-in scripts/bundle.mjs gives unicode-trie for tiny-inflate (scripts/stand-ins/
 * tiny-inflate.cjs, node's zlib) against tiny-inflate itself: the same bytes for every trie the
 * installed unicode-properties and linebreak inflate, the same returns at the edges, and the CLI's
 * bundle really built with it. A release of unicode-trie that calls inflate otherwise fails here
 * by name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
const native = require(join(ROOT, 'scripts/stand-ins/tiny-inflate.cjs')) as Inflate;
/** unicode-trie's own entry and the tiny-inflate it requires. */
const trieEntry = createRequire(require.resolve('fontkit')).resolve('unicode-trie');
const tinyPath = createRequire(trieEntry).resolve('tiny-inflate');
const tiny = require(tinyPath) as Inflate;

test('unicode-trie still calls inflate(data, new Uint8Array(length)), the call the stand-in takes', () => {
  const source = readFileSync(trieEntry, 'utf8');
  assert.match(source, /require\('tiny-inflate'\)/);
  assert.equal(source.match(/inflate\(data, new Uint8Array\(uncompressedLength\)\)/g)?.length, 2, 'unicode-trie inflates its data otherwise now: check scripts/stand-ins/tiny-inflate.cjs');
});

test('every trie unicode-properties and linebreak ship inflates to the same bytes with the stand-in', () => {
  const calls: { source: Uint8Array; length: number; out: Uint8Array; same: boolean }[] = [];
  // Record what unicode-trie asks of tiny-inflate while the packages build their tries.
  const held = require.cache[tinyPath]!;
  const recording: Inflate = (source, dest) => {
    const copy = source.slice();
    const out = tiny(source, dest);
    calls.push({ source: copy, length: dest.length, out: out.slice(), same: out === dest });
    return out;
  };
  held.exports = recording;
  try {
    const properties = createRequire(require.resolve('fontkit'))('unicode-properties') as { getCategory(cp: number): string };
    assert.equal(properties.getCategory(0x4e00), 'Lo');
    const LineBreaker = createRequire(require.resolve('pdfkit'))('linebreak') as new (s: string) => { nextBreak(): unknown };
    new LineBreaker('两个 words').nextBreak();
  } finally {
    held.exports = tiny;
  }
  assert.ok(calls.length >= 4, `${calls.length} inflations seen: unicode-properties and linebreak, two each`);
  for (const c of calls) {
    const dest = new Uint8Array(c.length);
    const out = native(c.source, dest);
    assert.deepEqual(out, c.out);
    assert.equal(out === dest, c.same, 'returns dest exactly when tiny-inflate does');
  }
});

test('at the edges the stand-in returns what tiny-inflate returns', () => {
  const data = new Uint8Array(5000).map((_, i) => (i * 7919) % 251);
  const packed = new Uint8Array(deflateRawSync(data));
  const cases: [string, () => Uint8Array][] = [
    ['exactly filled', () => new Uint8Array(5000)],
    ['room to spare (a copy of the part filled)', () => new Uint8Array(6000)],
    ['room to spare in a Buffer (a view)', () => Buffer.alloc(6000)],
    ['too little room (the rest dropped)', () => new Uint8Array(3000)],
  ];
  for (const [what, make] of cases) {
    const a = make();
    const b = make();
    const fromTiny = tiny(packed, a);
    const fromNative = native(packed, b);
    assert.deepEqual(Buffer.from(fromNative), Buffer.from(fromTiny), what);
    assert.equal(fromNative === b, fromTiny === a, `${what}: dest returned or not`);
    assert.equal(fromNative.buffer === b.buffer, fromTiny.buffer === a.buffer, `${what}: a view or a copy`);
  }
  assert.throws(() => native(new Uint8Array([0xff, 0xff, 0xff]), new Uint8Array(10)), 'damaged data throws, as with tiny-inflate');
  assert.throws(() => tiny(new Uint8Array([0xff, 0xff, 0xff]), new Uint8Array(10)));
});

test('the CLI bundle gives unicode-trie the stand-in', () => {
  const bundle = readFileSync(join(ROOT, 'dist/cli.cjs'), 'latin1');
  const at = bundle.indexOf('speechdoc-lazy:node_modules/tiny-inflate/index.js');
  assert.ok(at >= 0, 'dist/cli.cjs has no stand-in for tiny-inflate (scripts/bundle.mjs, LAZY)');
  assert.match(bundle.slice(at, at + 600), /inflateRawSync/);
});
