/**
 * A request the server refuses, with the status and the Chinese message the page shows. Anything
 * else thrown in a route is our bug: the client gets a short Chinese message, never a stack trace.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/** A refused request. */
export class ServeError extends Error {
  constructor(
    /** HTTP status. */
    readonly statusCode: number,
    message: string,
    /** Findings explaining it (a file that cannot be built). */
    readonly findings: Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'ServeError';
  }
}
