/**
 * Diagnostics: how every stage reports problems with user input. They are returned, never thrown,
 * so one run reports all problems and one bad file never stops a batch.
 */
import type { Position } from '../model/types.ts';

/** How bad a finding is: errors fail the file, warnings fail it under `--strict`, info never does. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding about one input. */
export interface Diagnostic {
  /** How bad it is. */
  severity: Severity;
  /** Stable rule id, `area/name`, e.g. `normalize/punctuation`, `numbering/gap`, `fonts/missing-glyph`. */
  ruleId: string;
  /** One-line message in the user's language (Chinese where it quotes the text). */
  message: string;
  /** Input file the finding is about, as the user named it. */
  file?: string;
  /** Where in the file. */
  position?: Position;
  /** An optional suggestion of how to fix it. */
  hint?: string;
  /** The source text around the position, so a Word user can find the place without line numbers. */
  excerpt?: string;
}

/**
 * A value together with the findings made while producing it (typst's `Warned<T>`): the one shape
 * every stage returns.
 */
export interface Warned<T> {
  /** The value. */
  value: T;
  /** Everything noticed on the way, in source order where it has one. */
  diagnostics: Diagnostic[];
}

/** A stage result whose value an error can make impossible (then `value` is undefined). */
export type Result<T> = Warned<T | undefined>;

/** Build a diagnostic; a small helper so call sites stay one line. */
export function diagnostic(
  severity: Severity,
  ruleId: string,
  message: string,
  position?: Position,
  hint?: string,
): Diagnostic {
  const d: Diagnostic = { severity, ruleId, message };
  if (position) d.position = position;
  if (hint) d.hint = hint;
  return d;
}
