/**
 * Config discovery and validation: `speechdoc.config.json`, `.yaml` or `.yml`, found upward from the
 * working directory (or named with `--config`), validated with messages that name the file and field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildOptionsSchema, type BuildOptionsInput } from './options.ts';
import { t } from '../i18n/index.ts';
import { osErrorMessage } from '../i18n/os-error.ts';
import { configIssueMessage } from '../i18n/config-issues.ts';

/** Config file names, in the order they are looked for in each directory. */
export const CONFIG_NAMES = ['speechdoc.config.json', 'speechdoc.config.yaml', 'speechdoc.config.yml'];

/** A config problem: the CLI prints it and exits with 2. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A loaded config: the options plus the file they came from (paths in it are relative to its folder). */
export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  /** The validated options. */
  options: BuildOptionsInput;
}

/** Find the nearest config file from `cwd` upward; undefined if none. */
export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Read and validate a config file. Throws ConfigError with a one-line message per problem. */
export function loadConfigFile(file: string): LoadedConfig {
  let raw: unknown;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(t().config.unreadable(file, osErrorMessage(e, file)));
  }
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ConfigError(t().config.badSyntax(file, file.endsWith('.json') ? 'JSON' : 'YAML', syntaxWhere(e, text)));
  }
  if (raw === null || raw === undefined) return { file, options: {} };
  const result = buildOptionsSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const path = i.path.length ? i.path.join('.') : t().config.topLevel;
      return t().config.field(file, path, configIssueMessage(i));
    });
    throw new ConfigError(lines.join('\n'));
  }
  return { file, options: resolvePaths(result.data, dirname(file)) };
}

/** Where a JSON or YAML syntax error is, as a line and column (the parsers' messages are English). */
function syntaxWhere(e: unknown, text: string): string {
  const yamlPos = (e as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
  if (yamlPos) return t().config.syntaxAt(yamlPos.line, yamlPos.col);
  const offset = /position (\d+)/.exec((e as Error).message)?.[1];
  if (offset !== undefined) {
    const before = text.slice(0, Number(offset)).split('\n');
    return t().config.syntaxAt(before.length, before.at(-1)!.length + 1);
  }
  return t().config.syntaxAt(undefined, undefined);
}

/** Paths in a config file are relative to the file's folder, not to where speechdoc runs. */
function resolvePaths(o: BuildOptionsInput, base: string): BuildOptionsInput {
  const r = (p: string | undefined) => (p === undefined ? undefined : resolve(base, p));
  const out: BuildOptionsInput = { ...o };
  if (o.inputs) out.inputs = o.inputs.map((p) => resolve(base, p));
  if (o.out) out.out = r(o.out);
  if (o.report) out.report = r(o.report);
  if (o.fontsDir) out.fontsDir = r(o.fontsDir);
  if (o.fonts) {
    out.fonts = Object.fromEntries(
      Object.entries(o.fonts).map(([k, v]) => [k, looksLikePath(v) ? resolve(base, v) : v]),
    );
  }
  return out;
}

/** A font value is a path when it has a separator or a font-file extension; otherwise a family name. */
export function looksLikePath(v: string): boolean {
  return /[\\/]/.test(v) || /\.(ttf|otf|ttc|otc|woff2?)(#.*)?$/i.test(v);
}
