/**
 * The batch build's user-facing sentences. Each says what happened, which limit it was, and how to
 * raise it; the words live in the message catalog (src/i18n), in the user's language.
 */
import type { BoundKind } from './worker-pool.ts';
import { t } from '../i18n/index.ts';

/** A file broke its time or memory bound. */
export function boundMessage(kind: BoundKind, limit: number): string {
  return kind === 'time' ? t().limits.time(Math.round(limit / 1000)) : t().limits.memory(limit);
}

/** A crash inside a stage: our bug, still only this file fails. */
export function internalError(first: string): string {
  return t().io.internalError(first);
}

/** Writing the outputs failed; the old pair is kept. */
export function writeFailed(reason: string): string {
  return t().limits.writeFailed(reason);
}

/** The output folder holds an index.html speechdoc did not write: it is kept, the batch's page is not written. */
export function indexKept(path: string): string {
  return t().io.indexKept(path);
}

/** `--jobs` was more than the machine can run. */
export function jobsCapped(asked: number, lanes: number, cores: number, memoryGb: number): string {
  return t().limits.jobsCapped(asked, lanes, cores, memoryGb.toFixed(1));
}

/** The document would have more pages than allowed; found before layout. */
export function tooManyPages(estimate: number, limit: number): string {
  return t().limits.pages(estimate, limit);
}

/** The input is bigger than allowed. */
export function inputTooLarge(size: string, limit: string): string {
  return t().io.tooLarge(size, limit);
}

/** The input is not a regular file (a FIFO, a device). */
export function notRegularFile(): string {
  return t().limits.notRegularFile;
}
