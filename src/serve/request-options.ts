/**
 * The options a page request may choose (preset, draft, output format) over the server's build
 * options; anything else the page sends is refused, so the page cannot change paths or fonts.
 */
import type { BuildOptions, OutputFormat } from '../config/options.ts';
import { ServeError } from './serve-error.ts';

/** The page's choices, raw (JSON body or form fields). */
export interface PageChoices {
  /** `official` or `reading`. */
  preset?: unknown;
  /** `true`/`false` (or the strings, from a form). */
  draft?: unknown;
}

/** The build options for a request: the server's, with the page's preset and draft. */
export function requestOptions(base: BuildOptions, choices: PageChoices): BuildOptions {
  const o: BuildOptions = { ...base };
  if (choices.preset !== undefined && choices.preset !== '') {
    if (choices.preset !== 'official' && choices.preset !== 'reading') throw new ServeError(400, `不认识的样式“${String(choices.preset)}”：应为 official（公文）或 reading（大字）`);
    o.preset = choices.preset;
  }
  if (choices.draft !== undefined && choices.draft !== '') o.draft = choices.draft === true || choices.draft === 'true';
  return o;
}

/** The output format named by a request. */
export function formatOf(value: unknown): OutputFormat {
  if (value === 'pdf' || value === 'docx') return value;
  throw new ServeError(400, `不认识的文件格式“${String(value)}”：应为 pdf 或 docx`);
}
