/**
 * The platform's GB18030 decoder stands in for iconv-lite's where the two agree
 * (src/decode/decode-text.ts, `gb18030Fast`). Checked code by code against iconv-lite: a release of
 * either (or of Node's ICU) that changes a mapping fails here instead of changing a reading.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { gb18030Fast } from '../../src/decode/decode-text.ts';

const same = (bytes: number[]) => {
  const buf = Buffer.from(bytes);
  const fast = gb18030Fast(buf);
  if (fast !== undefined) assert.equal(fast, iconv.decode(buf, 'gb18030'), `bytes ${buf.toString('hex')}`);
  return fast !== undefined;
};

test('every one- and two-byte code: the fast reading is iconv-lite\'s, or there is none (the 18 remapped codes)', () => {
  let declined = 0;
  for (let a = 0; a <= 0xff; a++) if (!same([a])) declined++;
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f && !same([a, b])) declined++;
  // The single bytes 0x80 and 0xFF, the invalid trail bytes, and the 18.
  assert.ok(declined >= 18 && declined < 300, `${declined} codes declined`);
  for (const code of ['a6d9', 'a6f3', 'fe59', 'fea0']) assert.equal(gb18030Fast(Buffer.from(code, 'hex')), undefined, code);
});

test('four-byte codes (every 3rd of the 1.6 million), and a real GBK text with an invalid byte', () => {
  const bytes: number[] = [];
  let n = 0;
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x30; b <= 0x39; b++) for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) {
    if (n++ % 3) continue;
    bytes.push(a, b, c, d);
    if (bytes.length >= 4 * 4096) {
      // A block of valid codes at a time: one invalid among them declines the whole block, so those go one by one.
      if (!same(bytes)) for (let i = 0; i < bytes.length; i += 4) same(bytes.slice(i, i + 4));
      bytes.length = 0;
    }
  }
  const text = iconv.encode('同志们：今天我们召开全县经济工作会议，总结2015年的工作。', 'gbk');
  assert.equal(gb18030Fast(text), '同志们：今天我们召开全县经济工作会议，总结2015年的工作。');
  assert.equal(gb18030Fast(Buffer.concat([text, Buffer.from([0x81])])), undefined, 'a cut-off last character: iconv-lite reads it');
});
