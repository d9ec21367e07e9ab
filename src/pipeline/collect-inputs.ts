/**
 * Turn the user's input arguments (files, folders, globs) into a list of jobs, each with the output
 * path it will write, mirroring input subfolders under the output folder. Collisions and paths that
 * would leave the output folder are reported here, before anything is written.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { t } from '../i18n/index.ts';
import { safeToReplace } from './foreign-output.ts';

import { INPUT_EXTENSIONS } from '../parse/formats.ts';

/** Extensions a build picks up when it walks a folder: every one the parser reads. */
export { INPUT_EXTENSIONS };

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
  /** A folder that holds no speech: “没有找到讲话稿”, exit 1 rather than 2 (nothing was mistyped). */
  noSpeeches?: boolean;
}

/** Result of collecting inputs. */
export interface CollectedInputs {
  /** Jobs to run, sorted by input path for a stable order. */
  jobs: InputJob[];
  /** Problems found. */
  problems: InputProblem[];
  /** Entries deliberately left out, one line each (symbolic links leaving the input folder, loops). */
  skipped: string[];
}

/** Input files found for the arguments: absolute path → path relative to the argument's base. */
export interface ExpandedInputs {
  /** Every file found, in argument order. */
  found: Map<string, string>;
  /** Arguments that named nothing (usage problems). */
  problems: InputProblem[];
  /** Entries deliberately left out, one line each. */
  skipped: string[];
}

/**
 * Files, folders (walked, skipping `skipDir`) and globs → the files they name. `build` and `check`
 * share it, so both accept the same arguments.
 */
export function expandInputs(args: string[], cwd: string, skipDir: string): ExpandedInputs {
  const out = resolve(cwd, skipDir);
  const found = new Map<string, string>(); // input → path relative to its base
  const problems: InputProblem[] = [];
  const skipped: string[] = [];
  const show = (p: string) => displayPath(p, cwd);

  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const st = statOrUndefined(abs);
    if (st?.isFile()) {
      found.set(abs, basename(abs));
    } else if (st?.isDirectory()) {
      const others: string[] = [];
      const files = walk(abs, out, skipped, show, others);
      for (const f of files) found.set(f, relative(abs, f));
      if (files.length === 0) {
        // A folder that yields nothing is said so, not built as "0 files" with exit 0.
        const kinds = [...new Set(others.map((f) => extname(f).toLowerCase() || basename(f)))].sort().join('、');
        problems.push({ display: show(abs), message: t().io.noSpeechesIn(show(abs), kinds, others.length, INPUT_EXTENSIONS.join(' ')), usage: true, noSpeeches: true });
      }
    } else if (isDynamicPattern(arg)) {
      const base = resolve(cwd, globBase(arg));
      const realBase = realOrSelf(base);
      // Symbolic links are not followed while matching (a link to / or a loop would take the glob
      // through the whole disk); a matched link is taken only when it stays inside the pattern's folder.
      const files = globSync(arg, { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false });
      if (files.length === 0) problems.push({ display: arg, message: t().io.noMatch(arg), usage: true });
      for (const f of files) {
        const p = resolve(f);
        if (isInside(p, out)) continue;
        const real = realOrSelf(p);
        if (real !== p && !isInside(real, realBase)) {
          skipped.push(`${show(p)}：符号链接指向 ${show(base)} 之外（${real}），已跳过`);
          continue;
        }
        found.set(p, relative(base, p));
      }
    } else {
      problems.push({ display: arg, message: t().io.noSuchInput(arg), usage: true });
    }
  }
  return { found, problems, skipped };
}

/**
 * Resolve input arguments relative to `cwd` into jobs writing `formats` under `outDir`. A job whose
 * output would replace one of the inputs, or a Word file speechdoc did not write, is refused here.
 */
export function collectInputs(args: string[], cwd: string, outDir: string, formats: readonly string[] = ['pdf', 'docx']): CollectedInputs {
  const out = resolve(cwd, outDir);
  const { found, problems, skipped } = expandInputs(args, cwd, out);
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
  return { jobs, problems, skipped };
}

/**
 * Files with a known extension under `root`, skipping hidden entries and the output folder.
 * Iterative (folders nest as deep as the disk allows). A symbolic link is followed when its target
 * stays inside `root`, each real folder at most once (a loop is reported, not walked twice); a link
 * leaving `root`, a broken one and an unreadable folder are reported in `skipped`.
 */
function walk(root: string, out: string, skipped: string[], show: (p: string) => string, others: string[] = []): string[] {
  const files: string[] = [];
  const realRoot = realOrSelf(root);
  const seen = new Set<string>([realRoot]);
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push(`${show(dir)}：无法读取文件夹（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），已跳过`);
      continue;
    }
    const dirs: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      const wanted = INPUT_EXTENSIONS.includes(extname(e.name).toLowerCase());
      if (e.isSymbolicLink()) {
        const target = statOrUndefined(p);
        const real = realOrUndefined(p);
        if (!target || !real) {
          if (wanted) skipped.push(`${show(p)}：符号链接指向的文件不存在，已跳过`);
          continue;
        }
        if (!target.isDirectory() && !(target.isFile() && wanted)) continue;
        if (!isInside(real, realRoot)) {
          skipped.push(`${show(p)}：符号链接指向输入文件夹 ${show(root)} 之外（${real}），已跳过`);
          continue;
        }
        if (target.isFile()) files.push(p);
        else if (seen.has(real)) skipped.push(`${show(p)}：符号链接指回已读过的文件夹（${show(real)}），形成循环，已跳过`);
        else if (resolve(p) !== out && real !== realOrSelf(out)) {
          seen.add(real);
          dirs.push(p);
        }
      } else if (e.isDirectory()) {
        if (resolve(p) === out) continue;
        const real = realOrSelf(p);
        if (seen.has(real)) continue;
        seen.add(real);
        dirs.push(p);
      } else if (e.isFile() && wanted) {
        files.push(p);
      } else if (e.isFile()) {
        others.push(p);
      }
    }
    // Reversed onto the stack, so folders are walked in their listed order (the job list is sorted anyway).
    for (let k = dirs.length - 1; k >= 0; k--) stack.push(dirs[k]!);
  }
  return files;
}

function realOrUndefined(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

function realOrSelf(p: string): string {
  return realOrUndefined(p) ?? p;
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
