/**
 * Full-width Latin letters and digits (Ａ１) become half-width; Kangxi radicals, CJK radicals and
 * compatibility ideographs become the unified ideograph (they look alike but break search and
 * copy-paste from the PDF, see libraries.md). Zero-width characters pasted from web pages are dropped. NFKC is applied per such character only: on the
 * whole text it would also rewrite full-width punctuation.
 */
import type { Change } from './change.ts';
import { isZeroWidth } from './char-classes.ts';
import type { Cell } from './normalize-line.ts';
import { RADICAL_EQUIVALENTS } from './radicals.ts';

/** Full-width ASCII letters and digits. */
function isFullWidthAlnum(cp: number): boolean {
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/** Radicals and compatibility ideographs that have a unified counterpart. */
function isRadicalLike(cp: number): boolean {
  return (cp >= 0x2e80 && cp <= 0x2fdf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f);
}

/** Apply width and radical fixes to unlocked cells, recording each change. */
export function normalizeWidth(cells: Cell[], changes: Change[]): Cell[] {
  const visible = cells.filter((cell) => {
    if (cell.locked || !isZeroWidth(cell.ch)) return true;
    changes.push({ kind: 'space', index: cell.src, from: cell.ch, to: '' });
    return false;
  });
  return visible.map((cell) => {
    if (cell.locked) return cell;
    const cp = cell.ch.codePointAt(0)!;
    if (isFullWidthAlnum(cp)) {
      const to = String.fromCodePoint(cp - 0xfee0);
      changes.push({ kind: 'width', index: cell.src, from: cell.ch, to });
      return { ...cell, ch: to };
    }
    if (isRadicalLike(cp)) {
      const to = RADICAL_EQUIVALENTS[cell.ch] ?? cell.ch.normalize('NFKC');
      if (to !== cell.ch && [...to].length === 1) {
        changes.push({ kind: 'radical', index: cell.src, from: cell.ch, to });
        return { ...cell, ch: to };
      }
    }
    return cell;
  });
}
