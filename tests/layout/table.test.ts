import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block, TableRow } from '../../src/model/types.ts';
import { G, allLines, han, layout, speech, text, linesOf, rulesOf } from './helpers.ts';

function row(...cells: string[]): TableRow {
  return { type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: [{ type: 'text', value: c }] })) };
}

function table(rows: TableRow[]): Block {
  return { type: 'table', header: true, children: rows };
}

test('a table: cells wrap inside their column, rows on grid lines, rules around every cell', () => {
  const t = table([row('项目', '金额（万元）', '说明'), row('道路', '120', han(40)), row('供水', '80', '按期完成')]);
  const { document } = layout(speech([t]));
  const ls = allLines(document);
  assert.deepEqual(ls.filter((l) => l.tag === 'TH').map(text), ['项目', '金额（万元）', '说明']);
  const note = ls.filter((l) => l.tag === 'TD' && l.blockIndex === ls[0]!.blockIndex);
  assert.ok(note.length >= 5);
  assert.equal(note.map(text).join(''), '道路120' + han(40) + '供水80按期完成');
  const rules = rulesOf(document.pages[0]!);
  const verticals = rules.filter((r) => r.x1 === r.x2);
  assert.equal(verticals.length, 4);
  assert.ok(Math.abs(verticals[0]!.x1 - G.blockLeftPt) < 1e-6);
  assert.ok(Math.abs(verticals[3]!.x1 - (G.blockLeftPt + G.blockWidthPt)) < 1e-6);
  for (const l of ls) {
    const left = verticals.filter((v) => v.x1 <= l.xPt).pop()!;
    const right = verticals.find((v) => v.x1 > l.xPt)!;
    assert.ok(l.xPt + l.widthPt <= right.x1 + 1e-6 && l.xPt >= left.x1, text(l));
  }
});

test('a table continued on the next page repeats its header row', () => {
  const rows = [row('序号', '内容'), ...Array.from({ length: 30 }, (_, i) => row(String(i + 1), han(8)))];
  const { document } = layout(speech([han(26 + 28 * 10), table(rows)]));
  assert.ok(document.pages.length >= 2);
  for (const page of document.pages) {
    const cells = linesOf(page).filter((l) => l.tag === 'TH' || l.tag === 'TD');
    if (cells.length === 0) continue;
    assert.deepEqual(cells.slice(0, 2).map((l) => [l.tag, text(l)]), [['TH', '序号'], ['TH', '内容']]);
    assert.ok(rulesOf(page).length > 0);
    // Lines come top to bottom in reading order: a repeated header once moved the first page's
    // header to the top of that page, over the paragraph above the table.
    const ys = linesOf(page).map((l) => l.baselinePt);
    ys.forEach((y, i) => assert.ok(i === 0 || y >= ys[i - 1]! - 1e-6, `page ${page.number}: line ${i + 1} (${text(linesOf(page)[i]!)}) is above line ${i}`));
  }
  const bodyRows = allLines(document).filter((l) => l.tag === 'TD' && /^\d+$/.test(text(l))).map(text);
  assert.deepEqual(bodyRows, Array.from({ length: 30 }, (_, i) => String(i + 1)));
});
