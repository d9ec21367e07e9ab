/**
 * One home for the words speechdoc says to its users. `t()` is the catalog of the current language;
 * the CLI chooses the language once per run (`--lang`, LANG), library users get Chinese unless
 * they call `setLocale('en')`.
 */
import { getLocale, type Locale } from './locale.ts';
import { zh, type Messages } from './zh.ts';
import { en } from './en.ts';

export { LOCALES, LANG_ENV, detectLocale, getLocale, parseLocale, setLocale, type Locale } from './locale.ts';
export type { Messages } from './zh.ts';

const CATALOGS: Record<Locale, Messages> = { zh, en };

/** The messages of the current language. */
export function t(): Messages {
  return CATALOGS[getLocale()];
}

/** The messages of a given language. */
export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale];
}
