/**
 * Straight quotes in Chinese text become curly ones. Double quotes alternate “ ” within a line
 * (a line is a paragraph in every input format); single quotes only where a neighbour is Chinese,
 * so apostrophes in Latin words (Xi'an, don't) stay.
 */
import type { Change } from './change.ts';
import { isChinese, isHan, isLatin } from './char-classes.ts';
import type { Cell } from './normalize-line.ts';

/** Replace straight quotes in unlocked cells, recording each change. */
export function normalizeQuotes(cells: Cell[], changes: Change[]): Cell[] {
  if (!cells.some((c) => isHan(c.ch))) return cells;
  let doubles = 0;
  let singles = 0;
  return cells.map((cell, i) => {
    if (cell.locked) return cell;
    if (cell.ch === '"') {
      const to = doubles++ % 2 === 0 ? '“' : '”';
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
