/**
 * Every use of yargs beyond its typed public API, in one place (tests/adapters/yargs.test.ts fails
 * when a yargs release changes it): yargs formats the whole help text of the command it ran, right
 * after the command's handler (`usage.cacheHelpMessage`), in case something shows help later. Our
 * handlers only note which command was chosen and yargs shows nothing after them, but the
 * formatting (the display width of every option, through string-width) cost ~40 ms of every
 * start. `--help` and usage errors format their text as before.
 */
import type { Argv } from 'yargs';

/** The internals read here (not in yargs' typings). */
interface YargsInternals {
  getInternalMethods?(): { getUsageInstance?(): { cacheHelpMessage?: () => void } | undefined } | undefined;
}

/** The usage object whose `cacheHelpMessage` runs after a handler; undefined when this yargs has none where expected. */
function usageInstance(parser: Argv): { cacheHelpMessage?: () => void } | undefined {
  const usage = (parser as unknown as YargsInternals).getInternalMethods?.()?.getUsageInstance?.();
  return typeof usage?.cacheHelpMessage === 'function' ? usage : undefined;
}

/** Whether `skipHelpCache` can take effect on this yargs (tests: false means the adapter needs updating). */
export function canSkipHelpCache(parser: Argv): boolean {
  return usageInstance(parser) !== undefined;
}

/** Let `parser` run a command without formatting its help text afterwards (a no-op on a yargs without the internal). */
export function skipHelpCache<T extends Argv>(parser: T): T {
  const usage = usageInstance(parser);
  if (usage) usage.cacheHelpMessage = () => {};
  return parser;
}
