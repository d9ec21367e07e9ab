/**
 * Full-width Latin letters and digits (Ａ１) become half-width; Kangxi radicals, CJK radicals and
 * compatibility ideographs become the unified ideograph (they look alike but break search and
 * copy-paste from the PDF, see libraries.md). Zero-width characters pasted from web pages are dropped. NFKC is applied per such character only: on the
 * whole text it would also rewrite full-width punctuation.
 */
import type { Change } from './change.ts';
import { isZeroWidthCode } from './char-classes.ts';
import { charOf, compact, NONE, type LineCells } from './line-cells.ts';
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
export function normalizeWidth(cells: LineCells, changes: Change[]): void {
  const { cp, src, locked } = cells;
  let dropped = false;
  for (let i = 0; i < cells.length; i++) {
    if (locked[i] === 1 || !isZeroWidthCode(cp[i]!)) continue;
    changes.push({ kind: 'space', index: src[i]!, from: charOf(cp[i]!), to: '' });
    cp[i] = NONE;
    dropped = true;
  }
  if (dropped) compact(cells);
  for (let i = 0; i < cells.length; i++) {
    if (locked[i] === 1) continue;
    const c = cp[i]!;
    if (isFullWidthAlnum(c)) {
      cp[i] = c - 0xfee0;
      changes.push({ kind: 'width', index: src[i]!, from: charOf(c), to: charOf(c - 0xfee0) });
    } else if (isRadicalLike(c)) {
      const ch = charOf(c);
      const to = RADICAL_EQUIVALENTS[ch] ?? ch.normalize('NFKC');
      const t = to.codePointAt(0);
      // One code point only: a decomposition into several would break the map back to the source.
      if (to !== ch && t !== undefined && to.length === (t > 0xffff ? 2 : 1)) {
        changes.push({ kind: 'radical', index: src[i]!, from: ch, to });
        cp[i] = t;
      }
    }
  }
}
