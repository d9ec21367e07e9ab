/**
 * Concepts that used to live in two places and disagree, each checked at its one home: the input
 * extensions (a build reads every format the parser reads, and says so when a folder has none),
 * SFNT writing, XML escaping, and a build exit code for a folder of unreadable files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectInputs } from '../../src/pipeline/collect-inputs.ts';
import { EXTENSIONS, INPUT_EXTENSIONS, formatOf } from '../../src/parse/index.ts';
import { readSfntTables, sfntChecksum, writeSfnt } from '../../src/fonts/sfnt.ts';
import { escapeXml } from '../../src/render/xml.ts';
import { runCli, workdirWith } from '../helpers/run-cli.ts';

const SRC = resolve(import.meta.dirname, '../../src');

test('a build walking a folder picks up every format the parser reads, .rtf included', () => {
  assert.deepEqual([...INPUT_EXTENSIONS].sort(), Object.values(EXTENSIONS).flat().sort());
  for (const ext of INPUT_EXTENSIONS) assert.ok(formatOf(`a${ext}`), ext);
  const dir = workdirWith({ 'in/a.rtf': 'x', 'in/b.text': 'x', 'in/c.markdown': 'x' });
  const { jobs, problems } = collectInputs(['in'], dir, join(dir, 'out'));
  assert.deepEqual(problems, []);
  assert.deepEqual(jobs.map((j) => j.display), ['in/a.rtf', 'in/b.text', 'in/c.markdown']);
});

test('a folder with no readable file is a usage problem naming what it holds, not "0 files"', () => {
  const dir = workdirWith({ 'in/a.pdf': 'x', 'in/b.pdf': 'x', 'in/c.xlsx': 'x' });
  const { jobs, problems } = collectInputs(['in'], dir, join(dir, 'out'));
  assert.equal(jobs.length, 0);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.usage, true);
  assert.equal(problems[0]!.display, 'in');
  assert.match(problems[0]!.message, /没有可读的文件（只有 \.pdf、\.xlsx，共 3 个）/);
  assert.match(problems[0]!.message, /\.rtf/);
});

test('speechdoc build on a folder of unreadable files exits 1 with “没有找到讲话稿” (issue 17: nothing was mistyped)', () => {
  const dir = workdirWith({ 'drafts/a.pdf': 'x' });
  const r = runCli(['build', 'drafts', '-o', 'out'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /没有找到讲话稿/);
  assert.match(r.stdout + r.stderr, /drafts.*没有可读的文件/s);
});

test('the one SFNT writer: tables read back, checksums and head.checkSumAdjustment valid', () => {
  const head = new Uint8Array(54);
  head[12] = 0x5f; // magic number 0x5F0F3CF5, as a real head has
  const tables = [{ tag: 'cmap', data: new Uint8Array([1, 2, 3]) }, { tag: 'head', data: head }, { tag: 'name', data: new Uint8Array([9, 9, 9, 9, 9]) }];
  const font = writeSfnt(0x00010000, tables, { adjustHead: true });
  const back = readSfntTables(font);
  assert.deepEqual([...back.keys()], ['cmap', 'head', 'name']);
  assert.deepEqual([...back.get('name')!], [9, 9, 9, 9, 9]);
  assert.equal(font.length % 4, 0);
  assert.equal(sfntChecksum(font, 0, font.length), 0xb1b0afba, 'whole-file checksum after adjustment');
  const v = new DataView(font.buffer);
  assert.equal(v.getUint16(6), 32, 'searchRange for 3 tables');
});

test('the one escapeXml drops what XML cannot carry and escapes the five entities', () => {
  assert.equal(escapeXml('a&b<c>"d\'\u0001e\uFFFEf\uD800g'), 'a&amp;b&lt;c&gt;&quot;d&apos;efg');
  assert.equal(escapeXml('𠀀'), '𠀀', 'a surrogate pair is one character, kept');
});

test('mm→pt, escapeXml and the SFNT writer each have one definition in src/', () => {
  const files: string[] = [];
  const walk = (d: string) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith('.ts') && files.push(join(d, f))));
  walk(SRC);
  const where = (re: RegExp) => files.filter((f) => re.test(readFileSync(f, 'utf8'))).map((f) => f.slice(SRC.length + 1));
  assert.deepEqual(where(/72\s*\/\s*25\.4/), ['style/units.ts']);
  assert.deepEqual(where(/function escapeXml\b/), ['render/xml.ts']);
  assert.deepEqual(where(/0xb1b0afba/i), ['fonts/sfnt.ts']);
});
