/** Spawn the real `speechdoc` binary as a user would, in a given folder. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The CLI entry. */
export const BIN = join(ROOT, 'bin', 'speechdoc.js');
/** The user's sample speech. */
export const SAMPLE = join(ROOT, 'input', 'seed-speech.txt');

/** What a finished run printed and returned. */
export interface CliRun {
  /** Exit code. */
  code: number | null;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

/** Environment for test runs: reproducible dates, no system fonts, no colour, messages in Chinese (the default language). */
export function testEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { LC_ALL: _a, LC_MESSAGES: _m, SPEECHDOC_LANG: _s, ...rest } = process.env;
  return { ...rest, LANG: 'zh_CN.UTF-8', SOURCE_DATE_EPOCH: '1700000000', NO_COLOR: '1', SPEECHDOC_CACHE_DIR: join(tmpdir(), 'speechdoc-test-cache'), ...extra };
}

/** Run the CLI synchronously. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = testEnv()): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Start the CLI without waiting (for signal tests). */
export function startCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = testEnv()) {
  return spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'speechdoc-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A temporary working folder holding the given files (paths relative to it; folders created). */
export function workdirWith(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}
