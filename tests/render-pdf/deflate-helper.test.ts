/**
 * The deflate helper thread (src/render/deflate.ts): its bytes are zlib's on this thread, for both
 * formats and any size; answers reach the right callers when many are in flight; the caller's
 * buffer is never taken; stopped, it leaves deflate in place.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { deflateInPlace, deflateStream, startDeflateHelper, stopDeflateHelper } from '../../src/render/deflate.ts';

/** Bytes that compress somewhat, different for each seed. */
function sample(seed: number, length: number): Uint8Array {
  const words = ['同志们', '经济', 'BT /F1 16 Tf', '0 0 1 rg', '〔2015〕', ' Tj\n'];
  let s = '';
  for (let i = 0; s.length < length; i++) s += words[(i * 7 + seed) % words.length]! + ((i * seed) % 97);
  return new TextEncoder().encode(s).subarray(0, length);
}

test('the helper deflates to the same bytes as this thread, zlib and raw, small to large, all in flight at once', async (t) => {
  startDeflateHelper();
  t.after(stopDeflateHelper);
  const inputs = [0, 10, 1000, 70_000, 300_000, 1_200_000].flatMap((n, i) => [sample(i + 1, n), sample(i + 7, n)]);
  const pending = inputs.map((data, i) => deflateStream(data, i % 2 ? 3 : 6, i % 3 === 0 ? 'raw' : 'zlib'));
  assert.ok(pending.every((p) => p instanceof Promise), 'with the helper running, every answer comes later');
  const outs = await Promise.all(pending);
  outs.forEach((out, i) => {
    const format = i % 3 === 0 ? 'raw' : 'zlib';
    assert.deepEqual(out, deflateInPlace(inputs[i]!, i % 2 ? 3 : 6, format), `input ${i}: the same bytes`);
    assert.deepEqual(new Uint8Array(format === 'raw' ? inflateRawSync(out) : inflateSync(out)), inputs[i]);
  });
});

test("the caller's bytes stay its own: a copy crosses to the helper, the buffer (maybe Buffer's shared pool) is not taken", async (t) => {
  startDeflateHelper();
  t.after(stopDeflateHelper);
  const pooled = Buffer.from('同志们：今天我们召开全市经济工作会议。');
  const neighbour = Buffer.from('same pool');
  const out = deflateStream(pooled, 6);
  assert.equal(pooled.toString(), '同志们：今天我们召开全市经济工作会议。');
  assert.equal(neighbour.toString(), 'same pool');
  assert.deepEqual(await out, deflateInPlace(pooled, 6));
});

test('without the helper (never started, or stopped) deflate answers at once, in place', async () => {
  const data = sample(5, 2000);
  const now = deflateStream(data, 6);
  assert.ok(now instanceof Uint8Array);
  startDeflateHelper();
  const later = deflateStream(data, 6);
  await stopDeflateHelper();
  assert.deepEqual(await later, now, 'a request made before stopping is still answered');
  assert.ok(deflateStream(data, 6) instanceof Uint8Array);
});
