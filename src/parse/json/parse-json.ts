/**
 * JSON input: a speech model written by hand or by another tool. The text is scanned first (syntax
 * errors and nesting depth get a line and column), then parsed and checked against the model schema
 * (problems name the JSON path and point at the value). Reference: schema/speech.schema.json.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { jsonPath, MAX_NESTING, validateSpeech } from '../../model/schema.ts';
import type { Position } from '../../model/types.ts';
import type { ParseOptions, ParseResult } from '../types.ts';
import { pointLocator } from './offset-to-point.ts';
import { addSourcePositions } from './source-positions.ts';
import { scanJson } from './scan-json.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Parse a JSON speech model. Never throws for bad input; every problem is an error diagnostic. */
export function parseJson(text: string, options: ParseOptions = {}): ParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = source === text ? 0 : 1;
  const locate = pointLocator(source);
  // Offsets count from the start of the file as given, byte-order mark included.
  const point = (offset: number) => ({ ...locate(offset), offset: offset + shift });
  const at = (offset: number): Position => ({ start: point(offset), end: point(offset) });
  const fail = (diagnostics: Diagnostic[]): ParseResult => {
    if (options.file) for (const d of diagnostics) d.file = options.file;
    return { speech: undefined, diagnostics };
  };

  const scan = scanJson(source, MAX_NESTING);
  if (scan.error) {
    const { offset, message, tooDeep } = scan.error;
    return tooDeep
      ? fail([diagnostic('error', 'json/too-deep', `JSON nested too deeply: ${message}`, at(offset), 'a speech model needs far fewer levels; is this the right file?')])
      : fail([diagnostic('error', 'json/syntax', `JSON syntax error: ${message}`, at(offset))]);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (e) {
    // The scanner accepts what JSON.parse accepts (tested); this is a safety net, placed from V8's message.
    const message = (e as Error).message;
    const offset = /at position (\d+)/.exec(message)?.[1];
    return fail([diagnostic('error', 'json/syntax', `JSON syntax error: ${message}`, offset === undefined ? undefined : at(Number(offset)))]);
  }
  // Point at a path's value, or at its nearest ancestor present in the text (a missing field's object).
  const near = (segments: Array<string | number>): Position | undefined => {
    for (let n = segments.length; n >= 0; n--) {
      const offset = scan.offsets.get(jsonPath(segments.slice(0, n)));
      if (offset !== undefined) return at(offset);
    }
    return undefined;
  };

  const problems = loneSurrogates(value).map((p) =>
    diagnostic('error', 'json/lone-surrogate', `${jsonPath(p)}: string contains an unpaired surrogate (\\uD800–\\uDFFF); it is not valid Unicode text`, near(p)),
  );
  const { speech, issues } = validateSpeech(value);
  for (const iss of issues) problems.push(diagnostic('error', 'json/schema', `${iss.path}: ${iss.message}`, near(iss.segments), hintFor(iss.message)));
  if (!speech || problems.length > 0) return fail(problems);
  addSourcePositions(speech, scan, point);
  return { speech, diagnostics: [] };
}

function hintFor(message: string): string | undefined {
  if (message === 'unknown field') return 'remove it or check its spelling; schema/speech.schema.json lists the fields';
  if (message.startsWith('unknown node type')) return 'block types: heading, paragraph, salutation, table; inline: text, placeholder, emphasis, lead';
  return undefined;
}

/** JSON paths of strings (values or keys) holding unpaired surrogates; `value` is at most MAX_NESTING deep. */
function loneSurrogates(value: unknown, path: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => loneSurrogates(v, [...path, i], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (LONE_SURROGATE.test(k)) out.push([...path, k]);
      loneSurrogates(v, [...path, k], out);
    }
  }
  return out;
}
