import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeText } from '../../src/decode/decode-text.ts';
import { readBytes, repoPath } from '../parse/helpers.ts';

const seed = readFileSync(repoPath('input/seed-speech.txt'), 'utf8');
const enc = (s: string, e: string): Uint8Array => new Uint8Array(iconv.encode(s, e));

test('UTF-8 without BOM is read as is', () => {
  const r = decodeText(new TextEncoder().encode(seed), 'a.txt');
  assert.equal(r.value?.text, seed);
  assert.equal(r.value?.encoding, 'utf-8');
  assert.deepEqual(r.diagnostics, []);
});

test('a UTF-8 BOM is dropped', () => {
  const r = decodeText(readBytes('tests/parse/fixtures/seed-speech.crlf.txt'), 'a.txt');
  assert.equal(r.value?.text, seed);
  assert.equal(r.value?.text.charCodeAt(0), '原'.charCodeAt(0));
});

test('UTF-16 LE and BE with BOM', () => {
  for (const [file, e] of [['seed-speech.utf16le.txt', 'utf-16le'], ['seed-speech.utf16be.txt', 'utf-16be']] as const) {
    const r = decodeText(readBytes(`tests/parse/fixtures/${file}`), file);
    assert.equal(r.value?.encoding, e);
    assert.equal(r.value?.text, seed);
  }
});

test('GBK from Notepad on a Chinese Windows machine is detected and read as GB18030', () => {
  const r = decodeText(readBytes('tests/parse/fixtures/seed-speech.gbk.txt'), 'gbk.txt');
  assert.equal(r.value?.encoding, 'gb18030');
  assert.equal(r.value?.text, seed);
  assert.equal(r.diagnostics[0]?.ruleId, 'decode/encoding');
  assert.equal(r.diagnostics[0]?.severity, 'info');
});

test('short GBK texts are detected too', () => {
  for (const s of ['同志们：', '编辑:何利军', '在全县工作会议上的讲话\r\n同志们：\r\n']) {
    const r = decodeText(enc(s, 'gbk'));
    assert.equal(r.value?.text, s.replace(/\r\n/g, '\n'), s);
  }
});

test('characters outside GBK survive as GB18030', () => {
  const s = '𠀀字与€符号及丶';
  assert.equal(decodeText(enc(s, 'gb18030')).value?.text, s);
});

test('CRLF and lone CR become LF', () => {
  const r = decodeText(new TextEncoder().encode('甲\r\n乙\r丙\n丁'));
  assert.equal(r.value?.text, '甲\n乙\n丙\n丁');
});

test('empty and whitespace-only input decodes (the parser reports it empty)', () => {
  assert.equal(decodeText(new Uint8Array()).value?.text, '');
  assert.equal(decodeText(new TextEncoder().encode(' \n\t\n')).value?.text, ' \n\t\n');
});

test('binary files are refused with a message naming the file and the kind', () => {
  const cases: Array<[string, number[]]> = [
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]],
    ['PDF', [...Buffer.from('%PDF-1.7\n%âãÏÓ\n')]],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]],
  ];
  for (const [kind, bytes] of cases) {
    const r = decodeText(new Uint8Array(bytes), `speech.${kind.toLowerCase()}.txt`);
    assert.equal(r.value, undefined, kind);
    assert.equal(r.diagnostics[0]?.ruleId, 'decode/binary');
    assert.equal(r.diagnostics[0]?.severity, 'error');
    assert.match(r.diagnostics[0]!.message, new RegExp(`^无法读取 speech\\.${kind.toLowerCase()}\\.txt：这是 ${kind} .*不是文本文件$`));
    assert.equal(r.diagnostics[0]?.file, `speech.${kind.toLowerCase()}.txt`);
  }
});

test('NUL bytes in otherwise ASCII data mean binary', () => {
  const r = decodeText(new Uint8Array([0x41, 0x42, 0x00, 0x43, 0x01, 0x02, 0x03]), 'x.dat');
  assert.equal(r.diagnostics[0]?.ruleId, 'decode/binary');
  assert.match(r.diagnostics[0]!.message, /^无法读取 x\.dat：字节偏移 2 处有 NUL 字节/);
});

test('UTF-16 without BOM is still read when it decodes to plain text', () => {
  const r = decodeText(enc('同志们：今天召开会议。Hello', 'utf-16le'));
  assert.equal(r.value?.text, '同志们：今天召开会议。Hello');
});

test('bytes that are text in no candidate encoding are refused, never garbled', () => {
  const noise = new Uint8Array(1000);
  let x = 12345;
  for (let i = 0; i < noise.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    noise[i] = 0x80 + ((x >>> 16) % 0x80); // high bytes only: no NUL, almost never valid UTF-8
  }
  const r = decodeText(noise, 'noise.txt');
  assert.equal(r.value, undefined);
  assert.equal(r.diagnostics[0]?.ruleId, 'decode/undecodable');
  assert.match(r.diagnostics[0]!.message, /^无法读取 noise\.txt：/);
});

test('a run of one repeated high byte is not passed off as text', () => {
  const r = decodeText(new Uint8Array(600).fill(0x80), 'euro.txt');
  assert.equal(r.value, undefined);
});

test('Latin-1 text is not passed off as Chinese', () => {
  const r = decodeText(enc('Café résumé naïve façade über', 'latin1'), 'l.txt');
  assert.equal(r.value, undefined);
  assert.equal(r.diagnostics[0]?.ruleId, 'decode/undecodable');
});

test('a few stray control characters do not make a text binary (the parser drops them)', () => {
  const r = decodeText(new TextEncoder().encode(`${seed}\x1a`), 'dos.txt');
  assert.equal(r.value?.text, `${seed}\x1a`);
  assert.deepEqual(r.diagnostics, []);
  const nul = decodeText(new TextEncoder().encode('在全县工作会议上的讲话\n今天\u0000召开会议。'), 'nul.txt');
  assert.equal(nul.value?.encoding, 'utf-8');
});

test('form feeds and Unicode line separators end lines', () => {
  assert.equal(decodeText(new TextEncoder().encode('甲\f乙\u2028丙')).value?.text, '甲\n乙\n丙');
});

test('a file cut in the middle of its last character loses only that character, with a warning', () => {
  for (const [e, expected] of [['utf-8', 'utf-8'], ['gbk', 'gb18030']] as const) {
    const whole = enc('在全县工作会议上的讲话\n同志们：今天开会', e);
    const r = decodeText(whole.subarray(0, whole.length - 1), `cut-${e}.txt`);
    assert.equal(r.value?.text, '在全县工作会议上的讲话\n同志们：今天开', e);
    assert.equal(r.value?.encoding, expected);
    assert.ok(r.diagnostics.some((d) => d.severity === 'warning' && d.ruleId === 'decode/truncated'), e);
  }
});

test('UTF-8 with a few invalid bytes is reported as damaged, not read as GB18030 mojibake', () => {
  const bytes = Buffer.concat([Buffer.from(seed), Buffer.from([0xe4, 0xb8, 0x41, 0xff]), Buffer.from('二是继续推进。\n')]);
  const r = decodeText(new Uint8Array(bytes), 'bad.txt');
  assert.equal(r.value, undefined);
  assert.equal(r.diagnostics[0]?.ruleId, 'decode/undecodable');
  assert.match(r.diagnostics[0]!.message, new RegExp(`^无法读取 bad\\.txt：按 UTF-8 读取有 3 个无效字节，第一个在字节偏移 ${Buffer.byteLength(seed)} 处`));
});
