/**
 * How the bin starts the CLI: dist/cli.cjs, the whole CLI as one CommonJS file, compiled with V8's
 * code cache. Node 20 keeps no compiled code of ES modules (module.enableCompileCache came with
 * node 22), and every process parsed and compiled ~3 MB of JavaScript again: ~0.15 s of a cold
 * build. With the cache, the sample's cold build (PDF + DOCX) measured 0.38 s of wall instead of
 * 0.51 s, 0.50 s of CPU instead of 0.65 s (medians of 21 alternated runs).
 *
 * A command's cache is made when it first ends (what it holds is the functions the run compiled,
 * so the cache of `build` is not the cache of `--help`), in speechdoc's cache folder. V8 checks
 * only its own version, its flags and the source's length before it runs a cache's code (a cache
 * of other source of the same length runs the old code), and in release builds no checksum: so a
 * cache is named after a hash of the bundle's bytes and node's version, and carries the hash of
 * its own bytes, checked here (~2 ms each for 3 MB). A stale, damaged or rejected cache is
 * replaced. The cache only saves time: without one (a folder that cannot be written,
 * `SPEECHDOC_CODE_CACHE=off`) the same code is compiled as it runs, and nothing a user reads or
 * gets differs.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { defaultCacheDir, keepCacheFile, pruneCacheFolder } from '../fonts/cache-dir.ts';

/** What the CLI's bundle exports (src/cli/main.ts). */
interface CliModule {
  /** Run the command of process.argv; sets process.exitCode. */
  main(): Promise<void>;
}

/** What became of the code cache in a run (for tests; the bin ignores it). */
export type CodeCacheUse =
  /** The run compiled from the cache. */
  | 'used'
  /** There was none: one was made at the end. */
  | 'made'
  /** The one there was damaged, or V8 rejected it (other flags): a new one was made. */
  | 'replaced'
  /** There was none, and none could be written. */
  | 'unwritable'
  /** Turned off by `SPEECHDOC_CODE_CACHE=off`. */
  | 'off';

/** CommonJS's wrapper, as node's loader puts it around a file: the bundle is a script whose code V8 can cache. */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_TAIL = '\n});';

/** The folder of the code caches, in speechdoc's cache folder. */
const CODE_DIR = 'code';

/** Run the CLI in `bundle` (a CommonJS file exporting `main`) and make or use its code cache. */
export async function launch(bundle: string, argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<CodeCacheUse> {
  const { script, file, had } = compile(bundle, argv, env);
  const module = { exports: {} as CliModule };
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  wrapper(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  await module.exports.main();
  if (file === undefined) return 'off';
  if (had === 'sound' && !script.cachedDataRejected) {
    touch(file);
    return 'used';
  }
  // After the run, so the cache holds the functions it compiled, not only the top level.
  if (!writeCache(file, script.createCachedData())) return 'unwritable';
  return had === 'none' ? 'made' : 'replaced';
}

/**
 * The bundle compiled, with its cache when there is a sound one. A function of its own so that the
 * bundle's bytes and the cache's (~6 MB) are garbage once it returns, not held while the command runs.
 */
function compile(bundle: string, argv: readonly string[], env: NodeJS.ProcessEnv): { script: vm.Script; file?: string; had: 'none' | 'damaged' | 'sound' } {
  const source = readFileSync(bundle);
  const file = env.SPEECHDOC_CODE_CACHE === 'off' ? undefined : cacheFile(source, argv, env);
  const stored = file === undefined ? undefined : readIfThere(file);
  const cachedData = stored && checked(stored);
  // scripts/bundle.mjs writes ASCII, read as latin1: a string of one byte per character (UTF-8
  // decoding made one of two, 6.7 MB, kept for the process's life). It has no import() either
  // (they are requires), so no loader is given for one.
  const text = isAscii(source) ? source.toString('latin1') : source.toString('utf8');
  const script = new vm.Script(WRAPPER_HEAD + text + WRAPPER_TAIL, { filename: bundle, cachedData });
  return { script, file, had: cachedData ? 'sound' : stored ? 'damaged' : 'none' };
}

/**
 * The cache of this bundle, node and command: `code/cli-<key>-<command>.bin`, the key a hash of
 * the bundle's bytes, node's version and the platform.
 */
export function cacheFile(source: Uint8Array, argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const key = createHash('sha256').update(source).update(`\0${process.version} ${process.platform} ${process.arch}`).digest('hex').slice(0, 16);
  return join(defaultCacheDir(env), CODE_DIR, `cli-${key}-${commandOf(argv)}.bin`);
}

/** Bytes of the hash a cache file starts with: SHA-256 of the V8 data after it. */
const HASH_BYTES = 32;

/** The V8 data of a cache file whose hash matches, else undefined (damaged: it is replaced). */
function checked(stored: Buffer): Buffer | undefined {
  if (stored.length <= HASH_BYTES) return undefined;
  const data = stored.subarray(HASH_BYTES);
  return createHash('sha256').update(data).digest().equals(stored.subarray(0, HASH_BYTES)) ? data : undefined;
}

/** The command word of a command line (its first argument not an option), `none` without one. */
function commandOf(argv: readonly string[]): string {
  const word = argv.find((a) => !a.startsWith('-'));
  if (word === undefined) return 'none';
  // A file name is made of it: anything but a plain word (a typo'd path, say) shares one cache.
  return /^[a-z]{1,16}$/.test(word) ? word : 'other';
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * How long a cache no run has used is kept. Not "only this bundle's": two installations (a global
 * one and a project's, or two nodes) would remove each other's at every run.
 */
const UNUSED_DAYS = 30;
/** Caches kept at most, the most recently used (~2.3 MB each): a clone rebuilt all day makes a new bundle each time. */
const KEPT = 24;

/**
 * Write a cache whole (keepCacheFile, the user's alone) and remove the caches no run has used for
 * UNUSED_DAYS (an upgrade leaves its predecessor's behind), and all but the KEPT used last. False
 * when it could not be written: the run is not affected.
 */
function writeCache(file: string, data: Buffer): boolean {
  if (!keepCacheFile(file, Buffer.concat([createHash('sha256').update(data).digest(), data]), true)) return false;
  pruneCacheFolder(dirname(file), (name) => name.startsWith('cli-'), KEPT, Date.now() - UNUSED_DAYS * 24 * 3600 * 1000);
  return true;
}

/** Mark a cache used (its mtime is when a run last used it, for the pruning in writeCache); best effort. */
function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // A read-only cache folder still serves.
  }
}
