/**
 * Config discovery and validation: `speechdoc.config.json`, `.yaml` or `.yml`, found upward from the
 * working directory (or named with `--config`), validated with messages that name the file and field.
 *
 * A config decides where files are written (`out`, `report`) and which are read (`inputs`, fonts),
 * so it is a trust boundary: discovery stops at the project root (the nearest folder holding `.git`
 * or `package.json`, or the user's home), and a file owned by another user or writable by others is
 * never read — one planted in a shared parent folder could otherwise overwrite the user's files.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
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

/** Folders whose presence marks a project root: discovery looks no higher. */
const ROOT_MARKERS = ['.git', 'package.json'];

/** Largest config file read: a real one is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/**
 * Find the nearest config file from `cwd` upward, stopping at the project root (a folder with
 * `.git` or `package.json`), the user's home or `/`; undefined if none.
 */
export function findConfig(cwd: string, home: string = homedir()): string | undefined {
  const stop = resolve(home);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    if (dir === stop || dirname(dir) === dir || ROOT_MARKERS.some((m) => existsSync(join(dir, m)))) return undefined;
  }
}

/**
 * Why a config file may not be trusted, or undefined when it may: it must be a regular file of
 * reasonable size, owned by the user running speechdoc (or root), and writable by nobody else
 * (group-writable only when the group is the user's own).
 */
export function untrustedReason(file: string): string | undefined {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    return `无法读取：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
  if (!st.isFile()) return '不是普通文件';
  if (st.size > MAX_CONFIG_BYTES) return `文件大小超过 ${MAX_CONFIG_BYTES / 1024} KB，不像配置文件`;
  if (typeof process.getuid !== 'function') return undefined; // Windows: ACLs, not modes
  const uid = process.getuid();
  if (st.uid !== uid && st.uid !== 0) return `属于其他用户（uid ${st.uid}），为安全起见不读取`;
  if (st.mode & 0o002) return '任何用户都可以修改它（权限 o+w），为安全起见不读取；请执行 chmod o-w';
  if (st.mode & 0o020 && st.gid !== process.getgid?.()) return '同组的其他用户可以修改它（权限 g+w），为安全起见不读取；请执行 chmod g-w';
  return undefined;
}

/** Read and validate a config file. Throws ConfigError with a one-line message per problem. */
export function loadConfigFile(file: string): LoadedConfig {
  let raw: unknown;
  let text: string;
  const distrust = untrustedReason(file);
  if (distrust) throw new ConfigError(`${file}：配置文件${distrust}`);
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
