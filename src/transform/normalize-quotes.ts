/**
 * Straight quotes in Chinese text become curly ones. A double quote pairs with the curly quotes
 * already in the line: after an open “ it closes (”), otherwise it opens — so `“十四五"` becomes
 * `“十四五”`, never `““` or `“…“`. Single quotes only where a neighbour is Chinese, so apostrophes
 * in Latin words (Xi'an, don't) stay.
 */
import type { Change } from './change.ts';
import { isChinese, isHan, isLatin } from './char-classes.ts';
import type { Cell } from './normalize-line.ts';

/** Replace straight quotes in unlocked cells, recording each change. */
export function normalizeQuotes(cells: Cell[], changes: Change[]): Cell[] {
  if (!cells.some((c) => isHan(c.ch))) return cells;
  let open = false;
  let singles = 0;
  return cells.map((cell, i) => {
    if (cell.ch === '“') open = true;
    if (cell.ch === '”') open = false;
    if (cell.locked) return cell;
    if (cell.ch === '"') {
      const to = open ? '”' : '“';
      open = !open;
      changes.push({ kind: 'quote', index: cell.src, from: '"', to });
      return { ...cell, ch: to };
    }
    if (cell.ch === "'") {
      const p = cells[i - 1]?.ch;
      const n = cells[i + 1]?.ch;
      if (isLatin(p) && isLatin(n)) return cell;
      if (!isChinese(p) && !isChinese(n) && singles % 2 === 0) return cell;
      const to = singles++ % 2 === 0 ? '‘' : '’';
      changes.push({ kind: 'quote', index: cell.src, from: "'", to });
      return { ...cell, ch: to };
    }
    return cell;
  });
}
