/**
 * `speechdoc check <files..>`: lint speeches; `file:line:col severity rule-id message 原文：“…”` per
 * finding. Takes files, folders and globs like `build`, `-` for standard input; `--fix` writes the
 * normalized text of .txt/.md drafts to `NAME.fixed.ext` (or, with `--write`, over the file).
 */
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Args } from '../run.ts';
import { EXIT, type Io } from '../io.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { formatDiagnostic, formatDiagnosticsJson } from '../../diagnostics/format.ts';
import { summarizeInfos } from '../../diagnostics/summarize.ts';
import { checkSpeech } from '../../check/index.ts';
import { applyRules, type RuleSettings } from '../../config/rules.ts';
import { ConfigError, findConfig, loadConfigFile } from '../../config/load-config.ts';
import { displayPath, expandInputs } from '../../pipeline/collect-inputs.ts';
import { decodeText } from '../../decode/decode-text.ts';
import { formatOf } from '../../parse/formats.ts';
import { t } from '../../i18n/index.ts';
import { osErrorMessage } from '../../i18n/os-error.ts';
import { readSpeech } from '../read-speech.ts';
import { attachExcerpts } from '../../diagnostics/excerpt.ts';
import { fixText } from '../fix-text.ts';
import { describeStructure } from '../../model/describe-structure.ts';

/** Run `check`. */
export async function runCheck(args: Args, io: Io): Promise<number> {
  const m = t();
  if (args.write && !args.fix) {
    io.stderr.write(`${m.prefix}${m.usage.writeNeedsFix}\n${m.seeHelp}\n`);
    return EXIT.usage;
  }
  let rules: RuleSettings = {};
  try {
    const configPath = typeof args.config === 'string' ? resolve(io.cwd, args.config) : findConfig(io.cwd);
    if (configPath) rules = loadConfigFile(configPath).options.rules ?? {};
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`${m.prefix}${e.message}\n`);
    return EXIT.usage;
  }

  const given = ((args.files as string[] | undefined) ?? []).map(String);
  if (given.filter((f) => f === '-').length > 1) {
    io.stderr.write(`${m.prefix}${m.usage.stdinTwice}\n`);
    return EXIT.usage;
  }
  // Folders and globs as in `build`; the default output folder is skipped as `build` skips it.
  const expanded = expandInputs(given.filter((f) => f !== '-'), io.cwd, resolve(io.cwd, 'output'));
  const files = [...(given.includes('-') ? ['-'] : []), ...[...expanded.found.keys()].map((f) => displayPath(f, io.cwd))];
  for (const p of expanded.problems) io.stderr.write(`${m.prefix}${p.message}\n`);

  const all: Diagnostic[] = [];
  const structures: string[] = [];
  let failedFix = false;
  for (const file of files) {
    const read = await readSpeech(file, io, args.normalize !== false);
    const found = [...read.diagnostics];
    if (read.speech) found.push(...checkSpeech(read.speech).map((d) => ({ ...d, file: d.file ?? read.name })));
    const judged = applyRules(found, rules);
    // Quotes for what the writer must act on; the folded normalization lines stay short.
    const acted = judged.filter((d) => d.position && d.severity !== 'info');
    attachExcerpts(acted, read.lines);
    all.push(...judged);
    if (read.speech) structures.push(`${read.name}${m.colon}${describeStructure(read.speech)}`);
    if (args.fix && read.bytes && read.speech) failedFix = !(await fix(file, read.bytes, Boolean(args.write), io)) || failedFix;
  }

  if (args.format === 'json') io.stdout.write(`${formatDiagnosticsJson(all)}\n`);
  else {
    // Hints and every single normalization only with --verbose, as in `build`.
    const shown = args.verbose ? all : summarizeInfos(all).map((d) => ({ ...d, hint: undefined }));
    for (const d of shown) io.stdout.write(`${formatDiagnostic(d)}\n`);
  }
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (args.format !== 'json') {
    // One line per file: the structure found (标题 2 行 · 副题 · …), for the writer to check.
    for (const line of structures) io.stderr.write(`${line}\n`);
    io.stderr.write(`${m.check.summary(files.length, errors, warnings)}\n`);
  }
  if (expanded.problems.some((p) => !p.noSpeeches)) return EXIT.usage;
  if (files.length === 0) return EXIT.failed;
  return errors > 0 || failedFix || (args.strict && warnings > 0) ? EXIT.failed : EXIT.ok;
}

/**
 * Write the normalized text of one draft. Returns false when it could not (not .txt/.md, the
 * `.fixed` file exists, a write error); the draft itself is never touched without `--write`.
 */
async function fix(file: string, bytes: Uint8Array, inPlace: boolean, io: Io): Promise<boolean> {
  const m = t();
  const format = file === '-' ? 'text' : formatOf(file);
  if (file === '-' || (format !== 'text' && format !== 'markdown')) {
    io.stderr.write(`${m.prefix}${m.usage.fixNeedsText(file === '-' ? m.read.stdinName : file)}\n`);
    return false;
  }
  const decoded = decodeText(bytes, file).value;
  if (!decoded) return false;
  const fixed = fixText(decoded.text, format);
  if (fixed.changes === 0) {
    io.stderr.write(`${m.check.nothingToFix(file)}\n`);
    return true;
  }
  const ext = extname(file);
  const target = inPlace ? file : `${file.slice(0, file.length - ext.length)}.fixed${ext}`;
  if (!inPlace && existsSync(resolve(io.cwd, target))) {
    io.stderr.write(`${m.prefix}${m.check.fixExists(target)}\n`);
    return false;
  }
  // Line ends as the writer had them; the text is saved as UTF-8 (with the BOM it had, if any).
  const crlf = /\r\n/.test(Buffer.from(bytes).toString('latin1'));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\ufeff' : '';
  const text = bom + (crlf ? fixed.text.replace(/\n/g, '\r\n') : fixed.text);
  try {
    await writeFile(resolve(io.cwd, target), text, inPlace ? {} : { flag: 'wx' });
  } catch (e) {
    io.stderr.write(`${m.prefix}${m.io.writeFailed(osErrorMessage(e, target, 'write'))}\n`);
    return false;
  }
  const note = decoded.encoding === 'utf-8' ? '' : m.check.nowUtf8(decoded.encoding.toUpperCase());
  io.stderr.write(`${(inPlace ? m.check.fixedInPlace : m.check.fixed)(target, fixed.changes)}${note}\n`);
  return true;
}
