/** What every lint rule receives and returns; rules are pure functions of the model. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Speech } from '../model/types.ts';
import type { TextUnit } from './text-units.ts';

/** Options of `checkSpeech`. */
export interface CheckOptions {
  /** Paragraphs longer than this many characters get `paragraph/too-long` (default 1500). */
  maxParagraphChars?: number;
}

/** Shared input of the rules, computed once per speech. */
export interface CheckContext {
  /** The speech being checked. */
  speech: Speech;
  /** Every run of printed text (title block lines, blocks, table cells) with its source mapping. */
  units: TextUnit[];
  /** Options with defaults filled in. */
  options: Required<CheckOptions>;
}

/** One rule group: every finding of its rules for one speech. */
export type Rule = (ctx: CheckContext) => Diagnostic[];
