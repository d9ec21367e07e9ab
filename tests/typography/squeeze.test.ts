/**
 * Squeeze that does not show, measured on glyph origins as the PDF draws them: on the user's sample
 * and on a fixture full of tight breaks, no lone mark inside a line takes less than ¾ of its cell
 * (`工作中，力促` on page 1 line 3 of the sample was set in half a cell), 。？！ never do, and ？！
 * share one cell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSpeechFile } from '../../src/parse/index.ts';
import type { PagedDocument } from '../../src/layout/types.ts';
import { SAMPLE } from '../helpers/run-cli.ts';
import { CELL, bundled, drawn, lay, lines, speechOf, text } from './helpers.ts';

const MARKS = new Set([...'、。，：；！？”’）〕】〗》〉」』］｝“‘（〔【〖《〈「『［｛']);
const OPEN = new Set([...'“‘（〔【〖《〈「『［｛']);
const HAN = /\p{Script=Han}/u;

/** Lone marks inside lines (not at a line end, no mark next to them) narrower than ¾ cell. */
async function narrowMarks(doc: PagedDocument): Promise<string[]> {
  const { measurer } = await bundled();
  const bad: string[] = [];
  for (const line of lines(doc)) {
    if (line.kind !== 'body' && line.kind !== 'heading' && line.kind !== 'salutation') continue;
    const g = drawn(line, measurer);
    const cell = (CELL * g[0]!.size) / 16;
    for (let i = 0; i < g.length - 1; i++) {
      if (!MARKS.has(g[i]!.ch) || MARKS.has(g[i + 1]!.ch) || (i > 0 && MARKS.has(g[i - 1]!.ch))) continue;
      // A closing mark's room runs from its origin to the next glyph's; an opening mark's (ink
      // right, moved left when squeezed) from the end of the cell before it.
      const prev = g[i - 1];
      const prevEnd = prev ? prev.x + (HAN.test(prev.ch) ? cell : prev.adv) : g[i]!.x;
      const room = OPEN.has(g[i]!.ch) ? g[i]!.x + cell - prevEnd : g[i + 1]!.x - g[i]!.x;
      if (room < 0.75 * cell - 0.01) bad.push(`${g[i]!.ch} ${(room / cell).toFixed(2)} cell in ${text(line)}`);
    }
  }
  return bad;
}

test('the sample: no lone mid-line mark below ¾ cell, 工作中，力促 keeps its comma whole', async () => {
  const speech = (await parseSpeechFile(readFileSync(SAMPLE), { file: 'seed-speech.txt' })).value!;
  const doc = await lay(speech);
  assert.deepEqual(await narrowMarks(doc), []);
  const { measurer } = await bundled();
  const line = lines(doc).find((l) => text(l).includes('工作中，力促'));
  assert.ok(line, 'the line of 工作中，力促');
  const g = drawn(line, measurer);
  const k = g.findIndex((x, i) => x.ch === '，' && g[i - 1]?.ch === '中');
  assert.ok(g[k + 1]!.x - g[k]!.x >= CELL - 0.01, `，takes ${((g[k + 1]!.x - g[k]!.x) / CELL).toFixed(2)} cell`);
});

test('tight breaks on every line: marks keep ¾ of a cell, 。？！ too, and lines stay flush', async () => {
  // Each paragraph puts a closing mark in the 29th cell of a line, with one or more marks earlier
  // on the line that a squeeze could take from.
  const paras: string[] = [];
  const words = '国家发展改革委员会议精神落实推进工作';
  const han = (n: number, o = 0) => Array.from({ length: n }, (_, i) => words[(i + o) % words.length]).join('');
  for (const mark of ['，', '。', '？', '！', '、', '；', '”', '）']) {
    for (let at = 3; at < 26; at += 5) paras.push(han(26) + han(at, 1) + '。' + han(27 - at, 2) + mark + han(30, 3) + '。');
  }
  const doc = await lay(speechOf(paras));
  assert.deepEqual(await narrowMarks(doc), []);
  const right = 79.37 + 442.205;
  for (const l of lines(doc)) if (!l.last) assert.ok(Math.abs(l.xPt + l.widthPt - right) < 0.5, `flush: ${text(l)}`);
});

test('？！ and ！？ share one cell', async () => {
  const { measurer } = await bundled();
  const doc = await lay(speechOf(['你说这是真的吗？！我们真的做到了！？是的。']));
  const g = drawn(lines(doc)[0]!, measurer);
  for (const pair of ['？！', '！？']) {
    const k = g.findIndex((x, i) => x.ch + (g[i + 1]?.ch ?? '') === pair);
    assert.ok(k > 0, pair);
    // From the character before the pair to the one after it: its own cell and the pair's one.
    const span = g[k + 2]!.x - g[k - 1]!.x;
    assert.ok(Math.abs(span - 2 * CELL) < 0.5, `${pair}: the pair takes ${(span / CELL - 1).toFixed(2)} cells`);
    assert.ok(g[k + 1]!.x - g[k]!.x < 0.6 * CELL, `${pair}: the second mark sits in the same cell`);
  }
});
