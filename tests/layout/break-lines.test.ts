import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CELL, LEFT, allLines, count, flushRight, han, layout, lineOrigins, speech, text, violation } from './helpers.ts';
import type { PlacedLine } from '../../src/layout/types.ts';

/** Lines of a one-paragraph speech. */
function lines(body: string, fake = {}): PlacedLine[] {
  return allLines(layout(speech([body]), undefined, fake).document);
}

function checkInvariants(ls: PlacedLine[], body: string): void {
  assert.equal(ls.map(text).join(''), body, 'text preserved in order');
  ls.forEach((l, i) => assert.equal(violation(l, i === 0), ''));
  for (const l of ls.slice(0, -1)) assert.ok(flushRight(l), `flush: ${text(l)} ends at ${l.xPt + l.widthPt}`);
}

test('plain Han: 26 after the indent, then 28 per line, flush within 0.5 pt', () => {
  const body = han(200);
  const ls = lines(body);
  checkInvariants(ls, body);
  assert.equal(count(ls[0]!), 26);
  assert.ok(Math.abs(ls[0]!.xPt - (LEFT + 2 * CELL)) < 1e-6);
  for (const l of ls.slice(1, -1)) assert.equal(count(l), 28);
  assert.equal(ls.length, 1 + Math.ceil((200 - 26) / 28));
});

const CLOSING = ['、', '。', '，', '：', '；', '！', '？', '”', '’', '）', '〕', '】', '》', '〉', '」', '』'];
const OTHER_NO_START = ['～', '·', '％', '%'];

for (const mark of CLOSING) {
  test(`${mark} at a line start: one character is pushed out when the stretch stays under 0.15 cell, the comma keeps its cell`, () => {
    const body = han(26) + han(10) + '，' + han(17) + mark + han(20);
    const ls = lines(body);
    checkInvariants(ls, body);
    assert.equal(count(ls[1]!), 27, text(ls[1]!));
    assert.ok(text(ls[2]!).startsWith(han(17).slice(-1) + mark));
    const o = lineOrigins(ls[1]!);
    const comma = o.findIndex((g) => g.ch === '，');
    assert.ok(o[comma + 1]!.x - o[comma]!.x >= CELL - 1e-6, 'the comma is not squeezed');
  });
  test(`${mark} at a line start is pushed in when pushing out would stretch the line beyond 0.15 cell`, () => {
    // The character before the mark ends a 16-letter word: pushing out carries the whole word down.
    const body = han(26) + han(10) + '，' + han(8) + 'x'.repeat(16) + mark + han(20);
    const ls = lines(body);
    checkInvariants(ls, body);
    assert.ok(text(ls[1]!).endsWith('x'.repeat(16) + mark), text(ls[1]!));
    const o = lineOrigins(ls[1]!);
    const comma = o.findIndex((g) => g.ch === '，');
    assert.ok(o[comma + 1]!.x - o[comma]!.x >= 0.75 * CELL - 1e-6, 'a lone mid-line mark keeps ¾ of its cell');
  });
  test(`${mark} at a line start pushes a character out when nothing can squeeze`, () => {
    const body = han(26) + han(28) + mark + han(20);
    const ls = lines(body);
    checkInvariants(ls, body);
    assert.equal(count(ls[1]!), 27);
    assert.equal(count(ls[2]!) >= 2, true);
  });
}

for (const mark of OTHER_NO_START) {
  test(`${mark} never starts a line`, () => {
    const body = han(26) + han(10) + '，' + han(17) + mark + han(20);
    checkInvariants(lines(body), body);
    const body2 = han(26) + han(28) + mark + han(20);
    checkInvariants(lines(body2), body2);
  });
}

for (const mark of ['“', '‘', '（', '《', '〔', '【', '「', '￥']) {
  test(`${mark} never ends a line`, () => {
    const body = han(26) + han(27) + mark + han(5) + han(20);
    const ls = lines(body);
    checkInvariants(ls, body);
    assert.ok(text(ls[2]!).startsWith(mark));
  });
}

test('consecutive marks 。” at the line end: the character before goes down with them, the marks stay unsqueezed', () => {
  const squeezable = han(26) + han(9) + '，' + han(9) + '、' + han(8) + '。”' + han(10);
  const a = lines(squeezable);
  checkInvariants(a, squeezable);
  assert.ok(text(a[2]!).startsWith(han(8).slice(-1) + '。”'));
  const tight = han(26) + han(28) + '。”' + han(10);
  const b = lines(tight);
  checkInvariants(b, tight);
  assert.equal(count(b[1]!), 27);
  assert.ok(text(b[2]!).startsWith(han(28).slice(-1) + '。”'));
});

test('—— across the line end is never split: it moves whole', () => {
  const body = han(26) + han(27) + '——' + han(10);
  const ls = lines(body);
  checkInvariants(ls, body);
  assert.ok(text(ls[2]!).startsWith('——'));
  for (const l of ls) assert.ok(!/(^|[^—])—$/.test(text(l)), text(l));
});

test('…… never starts a line: it takes the character before it along', () => {
  const body = han(26) + han(28) + '……' + han(10);
  const ls = lines(body);
  checkInvariants(ls, body);
  assert.equal(count(ls[1]!), 27);
  assert.ok(text(ls[2]!).slice(1).startsWith('……'));
});

test('digit and Latin runs are never split, and their lines are still flush', () => {
  // (URLs are not among them: they break after / . - _ ? & =, tests/typography/urls.test.ts.)
  for (const word of ['12345678901', '3.5%', 'COVID-19', '2020']) {
    const body = han(26) + han(24) + word + han(40);
    const ls = lines(body);
    checkInvariants(ls, body);
    assert.ok(ls.some((l) => text(l).includes(word)), `${word} kept whole`);
  }
});

test('a word longer than a line breaks inside it rather than overflow', () => {
  const body = han(10) + 'x'.repeat(120) + han(10);
  const ls = lines(body);
  assert.equal(ls.map(text).join(''), body);
  for (const l of ls) assert.ok(l.xPt + l.widthPt <= LEFT + 28 * CELL + 0.5);
});

test('narrow quotes (WenKai 0.35 em) still take a full cell, placed on their ink side', () => {
  const fake = { quoteEm: 0.35 };
  const body = han(26) + han(5) + '“' + han(4) + '”' + han(17) + han(10);
  const ls = lines(body, fake);
  checkInvariants(ls, body);
  const o = lineOrigins(ls[1]!, fake);
  const x0 = ls[1]!.xPt;
  assert.equal(o.length, 28);
  o.forEach((g, k) => {
    const cellStart = x0 + k * CELL;
    const expected = g.ch === '“' ? cellStart + CELL - 0.35 * 16 : cellStart;
    assert.ok(Math.abs(g.x - expected) < 0.01, `${g.ch} at ${k}: ${g.x} vs ${expected}`);
  });
});

test('a 破折号 with a 0.89 em dash glyph takes exactly two cells, closed up in the middle', () => {
  const fake = { dashEm: 0.89 };
  const body = han(26) + han(10) + '——' + han(16) + han(10);
  const ls = lines(body, fake);
  checkInvariants(ls, body);
  const o = lineOrigins(ls[1]!, fake);
  const x0 = ls[1]!.xPt;
  assert.ok(Math.abs(o[10]!.x - (x0 + 11 * CELL - 0.89 * 16)) < 0.01);
  assert.ok(Math.abs(o[11]!.x - (x0 + 11 * CELL)) < 0.01);
  assert.ok(Math.abs(o[12]!.x - (x0 + 12 * CELL)) < 0.01);
});

test('adjacent marks 。” take 1.5 cells', () => {
  const ls = lines('国家。”发展');
  const o = lineOrigins(ls[0]!);
  const x0 = ls[0]!.xPt;
  assert.deepEqual(o.map((g) => Math.round(((g.x - x0) / CELL) * 100) / 100), [0, 1, 2, 2.5, 3.5, 4.5]);
});

test('justification never adds more than 0.15 em per gap on ordinary lines', () => {
  const body = han(26) + han(28) + '。' + han(30);
  for (const l of lines(body)) for (const r of l.runs) assert.ok(r.characterSpacingPt < 0.15 * r.sizePt, `${r.text} ${r.characterSpacingPt}`);
});

test('mixed text: invariants hold everywhere', () => {
  const pieces = ['国家', '，', '发展', '。', '“', '改革', '”', '、', '（', '委员会', '）', '——', '……', '2020年', 'GDP', '增长3.5%', '《', '意见', '》', '：', '；', '！', '？'];
  let seed = 7;
  let body = '';
  while (body.length < 3000) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    body += pieces[seed % pieces.length]!;
    body += han(1 + (seed % 5));
  }
  const ls = lines(body);
  checkInvariants(ls, body);
});
