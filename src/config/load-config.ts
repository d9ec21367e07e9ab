/**
 * Config discovery and validation: `speechdoc.config.json`, `.yaml` or `.yml`, found upward from the
 * working directory (or named with `--config`), validated with messages that name the file and field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildOptionsSchema, type BuildOptionsInput } from './options.ts';

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
    throw new ConfigError(`${file}: cannot read config: ${(e as Error).message}`);
  }
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ConfigError(`${file}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (raw === null || raw === undefined) return { file, options: {} };
  const result = buildOptionsSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const path = i.path.length ? i.path.join('.') : '(top level)';
      return `${file}: ${path}: ${i.message}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  return { file, options: resolvePaths(result.data, dirname(file)) };
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
