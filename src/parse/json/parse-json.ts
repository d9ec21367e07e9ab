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
    return { value: undefined, diagnostics };
  };

  const scan = scanJson(source, MAX_NESTING);
  if (scan.error) {
    const { offset, message, tooDeep } = scan.error;
    return tooDeep
      ? fail([diagnostic('error', 'json/too-deep', `JSON 嵌套过深：${message}`, at(offset), '讲话稿模型用不到这么多层；请确认文件是否选对')])
      : fail([diagnostic('error', 'json/syntax', `JSON 语法错误：${message}`, at(offset))]);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (e) {
    // The scanner accepts what JSON.parse accepts (tested); this is a safety net, placed from V8's message.
    const message = (e as Error).message;
    const offset = /at position (\d+)/.exec(message)?.[1];
    return fail([diagnostic('error', 'json/syntax', `JSON 语法错误（${message}）`, offset === undefined ? undefined : at(Number(offset)))]);
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
    diagnostic('error', 'json/lone-surrogate', `${jsonPath(p)}：字符串含有未配对的代理项（\\uD800–\\uDFFF），不是有效的 Unicode 文本`, near(p)),
  );
  const { speech, issues } = validateSpeech(value);
  for (const iss of issues) problems.push(diagnostic('error', 'json/schema', `${iss.path}：${schemaMessage(iss.message)}`, near(iss.segments), hintFor(iss.message)));
  if (!speech || problems.length > 0) return fail(problems);
  addSourcePositions(speech, scan, point);
  return { value: speech, diagnostics: [] };
}

/** The hint for a schema issue, chosen by its (English) message from the model schema. */
function hintFor(message: string): string | undefined {
  if (message === 'unknown field') return '删去该字段或检查拼写；可用字段见 schema/speech.schema.json';
  if (message.startsWith('unknown node type')) return '块级类型：heading、paragraph、salutation、table；行内类型：text、placeholder、emphasis、lead';
  return undefined;
}

/** Fixed schema messages (src/model/schema.ts) in the user's language. */
const SCHEMA_FIXED: Readonly<Record<string, string>> = {
  'unknown field': '未知字段',
  'missing node type': '缺少节点类型 type',
  'a heading lead needs a depth (2–4)': 'kind 为 heading 的 lead 需要 depth（2–4）',
  'a point lead has no depth': 'kind 为 point 的 lead 不能有 depth',
  'a lead may only stand directly in a paragraph': 'lead 只能直接放在 paragraph 中',
  'a run-in heading lead may only open a paragraph': 'kind 为 heading 的 lead 只能位于段首',
};

/** JSON value kinds as the schema names them. */
const KINDS: Readonly<Record<string, string>> = {
  string: '字符串', number: '数字', int: '整数', boolean: '布尔值', object: '对象', array: '数组',
};

/** One value as the schema writes it: a kind, a JSON string (quoted “…”), or a literal kept as written. */
function schemaValue(v: string): string {
  if (KINDS[v]) return KINDS[v];
  if (/^".*"$/.test(v)) {
    try {
      return `“${JSON.parse(v) as string}”`;
    } catch {
      return v;
    }
  }
  return v;
}

/** A space before a value that starts with a Latin letter or digit, as after 为 in “应为 1–4”. */
const spaced = (v: string): string => (/^[\x21-\x7e]/.test(v) ? ` ${v}` : v);

/** Expected values, `"point" | "heading"`, as “point”或“heading”. */
const schemaChoices = (v: string): string => v.split(' | ').map(schemaValue).join('或');

/**
 * A schema issue message (English, from src/model/schema.ts, which library callers also read) in the
 * user's language. Unknown wordings keep the original in parentheses rather than being lost.
 */
function schemaMessage(message: string): string {
  const fixed = SCHEMA_FIXED[message];
  if (fixed) return fixed;
  let m = /^missing required field \((.+)\)$/.exec(message);
  if (m) return `缺少必填字段（${schemaChoices(m[1]!)}）`;
  m = /^unknown node type (.+)$/.exec(message);
  if (m) return `未知的节点类型${spaced(schemaValue(m[1]!))}`;
  m = /^expected (.+), got (.+)$/.exec(message);
  if (m) return `应为${spaced(schemaChoices(m[1]!))}，实际是${spaced(schemaValue(m[2]!))}`;
  m = /^nested deeper than (\d+) levels$/.exec(message);
  if (m) return `嵌套超过 ${m[1]} 层`;
  m = /^Too small: expected string to have >=(\d+) characters?$/.exec(message);
  if (m) return `至少应有 ${m[1]} 个字符`;
  m = /^Too small: expected number to be >=(-?[\d.]+)$/.exec(message);
  if (m) return `应不小于 ${m[1]}`;
  return `不符合讲话稿模型（${message}）`;
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
