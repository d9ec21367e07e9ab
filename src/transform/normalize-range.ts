/**
 * Year ranges take the 一字线 (GB/T 15834-2011 4.13.3.2: the start and end of a time span are
 * joined by "—", one character wide): `2018－2022年`, `2021-2023年`, `2016–2020` become
 * `2018—2022年`. Only two four-digit years, the first before the second, joined by a hyphen-like
 * mark (- － – ‒ ―), are touched: `010-12345678` or a part number are not year ranges.
 */
import type { Change } from './change.ts';
import { isDigitCode } from './char-classes.ts';
import { charOf, codeAt, type LineCells } from './line-cells.ts';

/** Marks writers put between years instead of the 一字线: - － – ‒ ― −. */
function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0xff0d || c === 0x2013 || c === 0x2012 || c === 0x2015 || c === 0x2212;
}
/** The 一字线 of GB/T 15834. */
const YI_ZI_XIAN = 0x2014;

/** The year written in the four cells from `start` (1000–2999, unlocked, no digit either side), or undefined. */
function yearAt(cells: LineCells, start: number): number | undefined {
  if (start < 0 || start + 4 > cells.length) return undefined;
  let y = 0;
  for (let i = start; i < start + 4; i++) {
    const c = cells.cp[i]!;
    if (!isDigitCode(c) || cells.locked[i] === 1) return undefined;
    y = 10 * y + (c - 0x30);
  }
  if (isDigitCode(codeAt(cells, start - 1)) || isDigitCode(codeAt(cells, start + 4))) return undefined;
  return y >= 1000 && y <= 2999 ? y : undefined;
}

/** Replace the hyphen of each year range with the 一字线, recording each change. */
export function normalizeRanges(cells: LineCells, changes: Change[]): void {
  const { cp, src, locked } = cells;
  for (let i = 4; i < cells.length - 4; i++) {
    const c = cp[i]!;
    if (!isHyphen(c) || locked[i] === 1) continue;
    const from = yearAt(cells, i - 4);
    const to = yearAt(cells, i + 1);
    if (from === undefined || to === undefined || from >= to) continue;
    changes.push({ kind: 'range', index: src[i]!, from: charOf(c), to: '—' });
    cp[i] = YI_ZI_XIAN;
  }
}
