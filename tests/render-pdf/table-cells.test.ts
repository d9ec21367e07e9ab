import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tableRows } from '../../src/render/pdf/table-cells.ts';
import type { PlacedLine, PlacedRule } from '../../src/layout/types.ts';

const line = (text: string, x: number, baselinePt: number, tag: 'TD' | 'TH' = 'TD'): PlacedLine => ({
  kind: 'tableCell', blockIndex: 3, tag, baselinePt, xPt: x, widthPt: 10, last: true,
  runs: [{ text, faceKey: 'f', sizePt: 16, xPt: x, characterSpacingPt: 0 }],
});
const texts = (rows: ReturnType<typeof tableRows>) => rows.map((r) => r.map((c) => `${c.tag}:${c.lines.map((l) => l.runs[0]!.text).join('/')}`));

test('cells come from the rule grid: a two-line cell stays one cell, rows in order', () => {
  const rules: PlacedRule[] = [
    ...[100, 130, 190].map((y) => ({ x1: 50, y1: y, x2: 250, y2: y, widthPt: 0.5 })),
    ...[50, 150, 250].map((x) => ({ x1: x, y1: 100, x2: x, y2: 190, widthPt: 0.5 })),
  ];
  const lines = [line('甲', 54, 120, 'TH'), line('乙', 154, 120, 'TH'), line('丙一', 54, 150), line('丙二', 54, 178), line('丁', 154, 150)];
  assert.deepEqual(texts(tableRows(lines, rules)), [['TH:甲', 'TH:乙'], ['TD:丙一/丙二', 'TD:丁']]);
});

test('without rules, a baseline is a row and each line a cell', () => {
  const lines = [line('b', 154, 120), line('a', 54, 120), line('c', 54, 150)];
  assert.deepEqual(texts(tableRows(lines, [])), [['TD:a', 'TD:b'], ['TD:c']]);
});
