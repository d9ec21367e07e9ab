/**
 * Turn the user's input arguments (files, folders, globs) into a list of jobs, each with the output
 * path it will write, mirroring input subfolders under the output folder. Collisions and paths that
 * would leave the output folder are reported here, before anything is written.
 */
import { statSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { t } from '../i18n/index.ts';
import { safeToReplace } from './foreign-output.ts';

/** Extensions a build picks up when it walks a folder. */
export const INPUT_EXTENSIONS = ['.txt', '.md', '.markdown', '.json', '.docx', '.doc', '.wps', '.odt'];

/** One input file to build. */
export interface InputJob {
  /** Absolute path of the input. */
  input: string;
  /** The path as shown to the user (relative to the working directory when inside it). */
  display: string;
  /** Absolute output path without extension; `.pdf` / `.docx` are appended. */
  outStem: string;
}

/** A problem with an input argument or a job, found before building. */
export interface InputProblem {
  /** The file or argument concerned, as shown to the user. */
  display: string;
  /** What is wrong, one line. */
  message: string;
  /** True when the problem is about the arguments themselves (exit code 2), not one file. */
  usage: boolean;
}

/** Result of collecting inputs. */
export interface CollectedInputs {
  /** Jobs to run, sorted by input path for a stable order. */
  jobs: InputJob[];
  /** Problems found. */
  problems: InputProblem[];
}

/** Input files found for the arguments: absolute path → path relative to the argument's base. */
export interface ExpandedInputs {
  /** Every file found, in argument order. */
  found: Map<string, string>;
  /** Arguments that named nothing (usage problems). */
  problems: InputProblem[];
}

/**
 * Files, folders (walked, skipping `skipDir`) and globs → the files they name. `build` and `check`
 * share it, so both accept the same arguments.
 */
export function expandInputs(args: string[], cwd: string, skipDir: string): ExpandedInputs {
  const out = resolve(cwd, skipDir);
  const found = new Map<string, string>(); // input → path relative to its base
  const problems: InputProblem[] = [];
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const st = statOrUndefined(abs);
    if (st?.isFile()) {
      found.set(abs, basename(abs));
    } else if (st?.isDirectory()) {
      for (const f of walk(abs, out)) found.set(f, relative(abs, f));
    } else if (isDynamicPattern(arg)) {
      const base = resolve(cwd, globBase(arg));
      const files = globSync(arg, { cwd, absolute: true, onlyFiles: true, dot: false });
      if (files.length === 0) problems.push({ display: arg, message: t().io.noMatch(arg), usage: true });
      for (const f of files) if (!isInside(f, out)) found.set(resolve(f), relative(base, resolve(f)));
    } else {
      problems.push({ display: arg, message: t().io.noSuchInput(arg), usage: true });
    }
  }
  return { found, problems };
}

/**
 * Resolve input arguments relative to `cwd` into jobs writing `formats` under `outDir`. A job whose
 * output would replace one of the inputs, or a Word file speechdoc did not write, is refused here.
 */
export function collectInputs(args: string[], cwd: string, outDir: string, formats: readonly string[] = ['pdf', 'docx']): CollectedInputs {
  const out = resolve(cwd, outDir);
  const { found, problems } = expandInputs(args, cwd, out);
  const show = (p: string) => displayPath(p, cwd);

  const byStem = new Map<string, InputJob[]>();
  for (const [input, rel] of [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const outStem = join(out, rel.slice(0, rel.length - extname(rel).length));
    if (isAbsolute(rel) || rel.split(sep).includes('..') || !isInside(outStem, out)) {
      problems.push({ display: show(input), message: t().io.outsideOut(show(out)), usage: false });
      continue;
    }
    const job = { input, display: show(input), outStem };
    const list = byStem.get(outStem) ?? [];
    list.push(job);
    byStem.set(outStem, list);
  }

  const jobs: InputJob[] = [];
  for (const [stem, list] of byStem) {
    if (list.length === 1) {
      const job = list[0]!;
      const clash = formats.map((f) => `${stem}.${f}`).find((target) => found.has(target) || !safeToReplace(target));
      const io = t().io;
      if (clash) problems.push({ display: job.display, message: found.has(clash) ? io.overwritesInput(show(clash)) : io.overwritesForeign(show(clash)), usage: false });
      else jobs.push(job);
      continue;
    }
    const names = list.map((j) => j.display).join(', ');
    for (const j of list) {
      problems.push({
        display: j.display,
        message: t().io.collision(names, show(stem)),
        usage: false,
      });
    }
  }
  return { jobs, problems };
}

/** Files with a known extension under `dir`, skipping hidden entries and the output folder. */
function walk(dir: string, out: string): string[] {
  const files: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (resolve(p) !== out) files.push(...walk(p, out));
    } else if (e.isFile() && INPUT_EXTENSIONS.includes(extname(e.name).toLowerCase())) {
      files.push(p);
    }
  }
  return files;
}

/** The static folder part of a glob (`input/**\/*.txt` → `input`). */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.length === parts.length ? dirname(pattern) : fixed.join('/') || '.';
}

function statOrUndefined(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

/** Whether `p` is `dir` or inside it. */
export function isInside(p: string, dir: string): boolean {
  const rel = relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A path as the user would like to read it: relative to the working directory when inside it. */
export function displayPath(p: string, cwd: string): string {
  return isInside(p, cwd) ? relative(cwd, p) || '.' : p;
}
