/** The plain-text parser: lines in, speech out. A .txt may open with YAML front matter, as in Markdown. */
import { readFrontMatter, normalizeFrontMatter, type FrontMatterMeta } from '../markdown/front-matter.ts';
import type { ParseOptions, ParseResult, SourceLine } from '../types.ts';
import { parseTextLines } from './parse-text-lines.ts';
import { splitLines } from './split-lines.ts';

/** Most lines a front matter block may take before its closing `---` (a longer one is body text). */
const MAX_FRONT_MATTER = 60;

/** Parse the decoded text of a .txt speech. */
export function parseText(text: string, options: ParseOptions = {}): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = splitLines(body);
  const fm = frontMatter(lines, options);
  if (!fm) return parseTextLines(lines, options);
  const r = parseTextLines(lines.slice(fm.used), options, fm.meta);
  return { value: r.value, diagnostics: [...fm.diagnostics.map((d) => (options.file ? { ...d, file: d.file ?? options.file } : d)), ...r.diagnostics] };
}

/** YAML front matter between `---` lines at the very top, read like Markdown front matter. */
function frontMatter(lines: SourceLine[], options: ParseOptions): { meta: FrontMatterMeta; used: number; diagnostics: ParseResult['diagnostics'] } | undefined {
  if (lines[0]?.text.trim() !== '---') return undefined;
  const end = lines.findIndex((l, k) => k > 0 && k <= MAX_FRONT_MATTER && /^(?:---|\.\.\.)\s*$/.test(l.text));
  if (end < 0) return undefined;
  const yaml = lines.slice(1, end).map((l) => l.text).join('\n');
  // Only a block of `key: value` lines is front matter; a text that opens with a dash rule is not.
  if (!/^\s*[^\s:：]+\s*:/m.test(yaml)) return undefined;
  const diagnostics: ParseResult['diagnostics'] = [];
  const position = { start: { line: 1, column: 1 }, end: { line: end + 1, column: 4 } };
  const raw = readFrontMatter(yaml, position, diagnostics);
  const meta = options.normalize === false ? raw : normalizeFrontMatter(raw, position, diagnostics);
  return { meta, used: end + 1, diagnostics };
}
