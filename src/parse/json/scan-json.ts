/**
 * A JSON syntax scanner that does what `JSON.parse` does not: it says where the first syntax error is
 * (V8 leaves the offset out of several messages), stops at a nesting limit instead of growing the stack,
 * and records where every value starts so that schema problems can point at a line and column.
 * Reference: RFC 8259 grammar.
 */
import { jsonPath } from '../../model/schema.ts';

/** Why scanning stopped early. */
export interface ScanError {
  /** Offset (UTF-16 units) of the offending character. */
  offset: number;
  /** What is wrong, in Chinese, for the user. */
  message: string;
  /** Whether the problem is nesting depth rather than syntax. */
  tooDeep: boolean;
}

/** What scanning found. */
export interface Scan {
  /** The first problem, if any. */
  error?: ScanError;
  /** Start offset of each value, keyed by its JSON path (`$.children[2].depth`). */
  offsets: Map<string, number>;
  /** Offset just after each value, keyed like `offsets` (complete only when scanning succeeded). */
  ends: Map<string, number>;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

class Stop extends Error {
  constructor(readonly scanError: ScanError) {
    super(scanError.message);
  }
}

/** Scan `text` as one JSON document, nesting at most `maxDepth` arrays/objects deep. */
export function scanJson(text: string, maxDepth: number): Scan {
  const offsets = new Map<string, number>();
  const ends = new Map<string, number>();
  let i = 0;
  const fail = (message: string, at = i, tooDeep = false): never => {
    throw new Stop({ offset: at, message, tooDeep });
  };
  // The character quoted as “…”; control characters are escaped so that they show.
  const show = (at: number) => {
    if (at >= text.length) return '文件结尾';
    const ch = String.fromCodePoint(text.codePointAt(at)!);
    return `“${/[\u0000-\u001f\u007f]/.test(ch) ? JSON.stringify(ch).slice(1, -1) : ch}”`;
  };
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const expect = (ch: string, what: string) => {
    skip();
    if (text[i] !== ch) fail(`此处应为${what}，却遇到${show(i)}`);
    i++;
  };
  const string = (): string => {
    STRING.lastIndex = i;
    const m = STRING.exec(text);
    if (m) {
      i += m[0].length;
      return JSON.parse(m[0]) as string;
    }
    // Find the exact bad character for the message.
    let j = i + 1;
    while (j < text.length && text[j] !== '"') {
      const c = text.charCodeAt(j);
      if (c < 0x20) fail('字符串中有控制字符（如换行），须写成转义形式（如 \\n）', j);
      if (text[j] === '\\') {
        if (!/^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(j, j + 6))) fail('字符串中的转义序列有误', j);
        j += text[j + 1] === 'u' ? 6 : 2;
      } else j++;
    }
    return fail('字符串缺少结尾的双引号', j);
  };
  const value = (path: Array<string | number>): void => {
    skip();
    const key = jsonPath(path);
    offsets.set(key, i);
    one(path);
    ends.set(key, i);
  };
  const one = (path: Array<string | number>): void => {
    const c = text[i];
    if (c === '{' || c === '[') {
      if (path.length >= maxDepth) fail(`超过 ${maxDepth} 层`, i, true);
      i++;
      skip();
      const close = c === '{' ? '}' : ']';
      if (text[i] === close) {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        if (c === '{') {
          skip();
          if (text[i] !== '"') fail(`此处应为用双引号括起的属性名，却遇到${show(i)}`);
          const key = string();
          expect(':', '属性名后的“:”');
          value([...path, key]);
        } else value([...path, n]);
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail(`此处应为“,”或“${close}”，却遇到${show(i)}`);
      }
    }
    if (c === '"') return void string();
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) return void (i += m[0].length);
    fail(`此处应为一个值，却遇到${show(i)}`);
  };
  try {
    value([]);
    skip();
    if (i < text.length) fail(`JSON 文档结束后还有多余的内容${show(i)}`);
    return { offsets, ends };
  } catch (e) {
    if (e instanceof Stop) return { error: e.scanError, offsets, ends };
    throw e;
  }
}
