/**
 * speechdoc's cache folder: the system font index, unpacked web fonts and the CLI's compiled code
 * (cli/launch.ts) live there. A file of its own, importing only node's built-ins, because the
 * launcher reads it before any of the CLI is loaded.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where speechdoc caches: `$SPEECHDOC_CACHE_DIR`, `$XDG_CACHE_HOME/speechdoc`, `~/.cache/speechdoc`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (env.SPEECHDOC_CACHE_DIR) return env.SPEECHDOC_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'speechdoc');
}
