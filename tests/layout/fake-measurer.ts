/**
 * A font-free measurer for deterministic layout tests: Han and full-width punctuation 1 em, ASCII
 * 0.5 em, one face key per role (`latin` for the latin role). Options mimic real-font quirks:
 * WenKai's 0.35 em curly quotes, Noto's 0.89 em U+2014.
 */
import type { Measurer } from '../../src/layout/types.ts';
import type { FontRole } from '../../src/fonts/roles.ts';

/** Quirks of the fake font. */
export interface FakeOptions {
  /** Advance of “”‘’ in em (default 1). */
  quoteEm?: number;
  /** Advance of U+2014 in em (default 1). */
  dashEm?: number;
  /** Code points no face has. */
  missing?: number[];
}

/** Advance of one character in the fake font. */
export function fakeAdvance(ch: string, o: FakeOptions = {}): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x2018 && cp <= 0x201f) return o.quoteEm ?? 1;
  if (cp === 0x2014) return o.dashEm ?? 1;
  return cp < 0x80 ? 0.5 : 1;
}

/** Make the fake measurer. */
export function fakeMeasurer(o: FakeOptions = {}): Measurer {
  const missing = new Set(o.missing ?? []);
  return {
    faceFor: (role: FontRole, cp: number) => (missing.has(cp) ? undefined : role),
    advance: (_face: string, text: string) => {
      let a = 0;
      for (const ch of text) a += fakeAdvance(ch, o);
      return a;
    },
    metrics: () => ({ ascent: 0.88, descent: -0.12 }),
  };
}
