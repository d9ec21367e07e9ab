/**
 * `speechdoc check`: lint rules over the speech model. Each rule group lives in its own file and is a
 * pure function of the model; this file runs them all and orders the findings by source position.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Speech } from '../model/types.ts';
import { checkBrackets } from './brackets.ts';
import { checkDocument } from './document.ts';
import { checkDates } from './draft-dates.ts';
import { checkDocNumbers } from './draft-docnum.ts';
import { checkWidths } from './draft-width.ts';
import { checkHeadingNumbering } from './numbering-headings.ts';
import { checkPointNumbering } from './numbering-points.ts';
import { checkPlaceholders } from './placeholders.ts';
import { textUnits } from './text-units.ts';
import type { CheckOptions, Rule } from './types.ts';

export type { CheckOptions } from './types.ts';

/** Default for `maxParagraphChars`: about two printed pages of 22 × 28 characters. */
export const DEFAULT_MAX_PARAGRAPH_CHARS = 1500;

/** Every rule group, in the order their findings are listed when positions tie. */
export const RULES: readonly Rule[] = [
  checkDocument,
  checkPlaceholders,
  checkHeadingNumbering,
  checkPointNumbering,
  checkBrackets,
  checkDates,
  checkDocNumbers,
  checkWidths,
];

/** Lint `speech`; findings without a position (whole-document ones) come first, then by line and column. */
export function checkSpeech(speech: Speech, options: CheckOptions = {}): Diagnostic[] {
  const ctx = {
    speech,
    units: textUnits(speech),
    options: { maxParagraphChars: options.maxParagraphChars ?? DEFAULT_MAX_PARAGRAPH_CHARS },
  };
  const all = RULES.flatMap((rule) => rule(ctx));
  // Array.prototype.sort is stable, so ties keep rule order.
  return all.sort((a, b) => (a.position?.start.line ?? 0) - (b.position?.start.line ?? 0) || (a.position?.start.column ?? 0) - (b.position?.start.column ?? 0));
}
