/**
 * Build options from three layers: defaults < config file < command line. Flags the user did not
 * type are undefined (no yargs defaults), so a config value is never silently overridden.
 */
import { resolve } from 'node:path';
import { ConfigError, findConfig, loadConfigFile, looksLikePath } from '../config/load-config.ts';
import { OUTPUT_FORMATS, type BuildOptions, type BuildOptionsInput, type OutputFormat } from '../config/options.ts';
import { defineBuildOptions } from '../pipeline/define-options.ts';
import { FONT_ROLES, isFontRole, type FontRole } from '../fonts/roles.ts';
import { t } from '../i18n/index.ts';
import type { Args } from './run.ts';
import type { Io } from './io.ts';

/** Options and where the config came from. */
export interface ResolvedOptions {
  /** The merged options. */
  options: BuildOptions;
  /** Config file used, if any. */
  configFile?: string;
}

/** Merge defaults, config file and flags. Throws ConfigError (exit 2) on a bad value. */
export function resolveBuildOptions(args: Args, cwd: string): ResolvedOptions {
  const configPath = typeof args.config === 'string' ? resolve(cwd, args.config) : findConfig(cwd);
  const config = configPath ? loadConfigFile(configPath) : undefined;
  const fromFile: BuildOptionsInput = config?.options ?? {};
  const flags = flagsToOptions(args, cwd);
  const merged = { ...fromFile, ...definedOnly(flags), fonts: { ...fromFile.fonts, ...flags.fonts } };
  const r = (p: string | undefined) => (p === undefined ? undefined : resolve(cwd, p));
  const options = defineBuildOptions(
    definedOnly({
      ...merged,
      inputs: merged.inputs?.length ? merged.inputs : undefined,
      out: r(merged.out),
      jobs: merged.jobs || undefined,
      fontsDir: r(merged.fontsDir),
      report: r(merged.report),
    }),
    cwd,
  );
  return configPath ? { options, configFile: configPath } : { options };
}

/** The merged options and the config file used, or undefined after printing the config problem (the caller exits with 2). */
export function resolvedOrReport(args: Args, io: Io): ResolvedOptions | undefined {
  try {
    return resolveBuildOptions(args, io.cwd);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`${t().prefix}${e.message}\n`);
    return undefined;
  }
}

/** The command-line flags as config-shaped options (undefined where not given). */
function flagsToOptions(args: Args, cwd: string): BuildOptionsInput {
  const str = (k: string) => (typeof args[k] === 'string' ? (args[k] as string) : undefined);
  const bool = (k: string) => (typeof args[k] === 'boolean' ? (args[k] as boolean) : undefined);
  // Names after `--` (a file called `-rf.txt`) land in `_` after the command name, not in `inputs`.
  const afterDashes = args._.slice(1).map(String);
  const named = [...(Array.isArray(args.inputs) ? (args.inputs as string[]) : []), ...afterDashes];
  const inputs = named.length ? named : undefined;
  const o: BuildOptionsInput = {
    inputs: inputs?.length ? inputs : undefined,
    out: str('out'),
    format: args.format === undefined ? undefined : parseFormats(String(args.format)),
    preset: str('preset') as BuildOptionsInput['preset'],
    draft: bool('draft'),
    strict: bool('strict'),
    jobs: args.jobs === undefined ? undefined : parseJobs(args.jobs),
    report: str('report'),
    normalize: bool('normalize'),
    fonts: parseFontFlags(args.font, cwd),
    fontsDir: str('fontsDir'),
    systemFonts: bool('systemFonts'),
    docxFonts: str('docxFonts') as BuildOptionsInput['docxFonts'],
    pdfa: bool('pdfa'),
  };
  return o;
}

/** `-j 3` → 3; `-j abc`, `-j 0.5`, `-j 100` are usage errors quoting what was typed. */
export function parseJobs(value: unknown): number {
  const text = String(([] as unknown[]).concat(value).at(-1));
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new ConfigError(t().usage.jobs(text));
  return n;
}

/** `pdf,docx` → ['pdf', 'docx']; anything else is a usage error naming the bad value. */
export function parseFormats(value: string): OutputFormat[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) {
    throw new ConfigError(t().usage.format(value));
  }
  return [...new Set(list)] as OutputFormat[];
}

/** `--font body=仿宋_GB2312 --font title=fonts/x.ttf` → a role map; paths resolved against cwd. */
export function parseFontFlags(value: unknown, cwd: string): Partial<Record<FontRole, string>> | undefined {
  if (value === undefined) return undefined;
  const map: Partial<Record<FontRole, string>> = {};
  for (const item of ([] as unknown[]).concat(value)) {
    const m = /^([A-Za-z0-9]+)=(.+)$/.exec(String(item));
    if (!m || !isFontRole(m[1]!)) {
      throw new ConfigError(t().usage.font(String(item), FONT_ROLES.join(', ')));
    }
    map[m[1] as FontRole] = looksLikePath(m[2]!) ? resolve(cwd, m[2]!) : m[2]!;
  }
  return map;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The merged options, or undefined after printing the config problem (the caller exits with 2). */
export function optionsOrReport(args: Args, io: Io): BuildOptions | undefined {
  return resolvedOrReport(args, io)?.options;
}
