/** Short GBK files (a title and a salutation) are read as GBK, not as Big5 mojibake. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeText } from '../../src/decode/decode-text.ts';

const read = (text: string, encoding: string) => decodeText(new Uint8Array(iconv.encode(text, encoding)), 'a.txt').value;

test('a two-line GBK file chardet takes for Big5 is read as GB18030', () => {
  for (const text of ['一\n二\n', '六\n七\n', '七\n八\n']) {
    const r = read(text, 'gbk');
    assert.equal(r?.encoding, 'gb18030', text);
    assert.equal(r?.text, text);
  }
});

test('real Big5 text is still read as Big5', () => {
  for (const text of ['在全縣工作會議上的講話\n同志們：今天召開這次會議。\n', '講話\n謝謝大家。\n']) {
    const r = read(text, 'big5');
    assert.equal(r?.encoding, 'big5', text);
    assert.equal(r?.text, text);
  }
});
