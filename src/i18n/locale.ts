/**
 * The language of every message a user reads. Chinese is the default (speechdoc's users are Chinese
 * office staff); English with `--lang en` or an English locale in the environment (LC_ALL,
 * LC_MESSAGES, LANG, in POSIX order of precedence).
 */

/** Languages speechdoc speaks. */
export const LOCALES = ['zh', 'en'] as const;
/** One of them. */
export type Locale = (typeof LOCALES)[number];

/**
 * Environment variable carrying the chosen language to worker threads (they inherit a copy of
 * process.env, not this module's state).
 */
export const LANG_ENV = 'SPEECHDOC_LANG';

let current: Locale | undefined;

/** `en`, `en_US.UTF-8`, `EN` → 'en'; `zh…` → 'zh'; anything else undefined. */
export function parseLocale(value: string | undefined): Locale | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (v.startsWith('en')) return 'en';
  if (v.startsWith('zh') || v === 'cn') return 'zh';
  return undefined;
}

/**
 * The language for a run: `--lang X` (or `--lang=X`) among the arguments, then SPEECHDOC_LANG, then
 * the first of LC_ALL, LC_MESSAGES, LANG that is set; English only when that says English.
 */
export function detectLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') return parseLocale(argv[i + 1]) ?? 'zh';
    if (a.startsWith('--lang=')) return parseLocale(a.slice(7)) ?? 'zh';
  }
  const own = parseLocale(env[LANG_ENV]);
  if (own) return own;
  const posix = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return parseLocale(posix) === 'en' ? 'en' : 'zh';
}

/** Choose the language of this process (and of the worker threads it starts). */
export function setLocale(locale: Locale): void {
  current = locale;
  process.env[LANG_ENV] = locale;
}

/** The language of this process: as set, else as the environment says. */
export function getLocale(): Locale {
  return (current ??= detectLocale([], process.env));
}
