/**
 * Year ranges take the 一字线 (GB/T 15834-2011 4.13.3.2: the start and end of a time span are
 * joined by "—", one character wide): `2018－2022年`, `2021-2023年`, `2016–2020` become
 * `2018—2022年`. Only two four-digit years, the first before the second, joined by a hyphen-like
 * mark (- － – ‒ ―), are touched: `010-12345678` or a part number are not year ranges.
 */
import type { Change } from './change.ts';
import { isDigit } from './char-classes.ts';
import type { Cell } from './normalize-line.ts';

/** Marks writers put between years instead of the 一字线. */
const HYPHENS = new Set(['-', '－', '–', '‒', '―', '−']);
/** The 一字线 of GB/T 15834. */
const YI_ZI_XIAN = '—';

function yearAt(cells: Cell[], start: number): number | undefined {
  if (start < 0 || start + 4 > cells.length) return undefined;
  let s = '';
  for (let i = start; i < start + 4; i++) {
    const c = cells[i]!;
    if (!isDigit(c.ch) || c.locked) return undefined;
    s += c.ch;
  }
  if (isDigit(cells[start - 1]?.ch) || isDigit(cells[start + 4]?.ch)) return undefined;
  const y = Number(s);
  return y >= 1000 && y <= 2999 ? y : undefined;
}

/** Replace the hyphen of each year range with the 一字线, recording each change. */
export function normalizeRanges(input: Cell[], changes: Change[]): Cell[] {
  const cells = input.map((c) => ({ ...c }));
  for (let i = 4; i < cells.length - 4; i++) {
    const c = cells[i]!;
    if (c.locked || !HYPHENS.has(c.ch)) continue;
    const from = yearAt(cells, i - 4);
    const to = yearAt(cells, i + 1);
    if (from === undefined || to === undefined || from >= to) continue;
    changes.push({ kind: 'range', index: c.src, from: c.ch, to: YI_ZI_XIAN });
    c.ch = YI_ZI_XIAN;
  }
  return cells;
}
