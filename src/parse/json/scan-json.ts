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
  /** What is wrong, in English. */
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
  const show = (at: number) => (at >= text.length ? 'end of input' : `${JSON.stringify(String.fromCodePoint(text.codePointAt(at)!))}`);
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const expect = (ch: string, what: string) => {
    skip();
    if (text[i] !== ch) fail(`expected ${what}, found ${show(i)}`);
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
      if (c < 0x20) fail('control character (such as a line break) inside a string', j);
      if (text[j] === '\\') {
        if (!/^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(j, j + 6))) fail('bad escape sequence in string', j);
        j += text[j + 1] === 'u' ? 6 : 2;
      } else j++;
    }
    return fail('unterminated string', j);
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
      if (path.length >= maxDepth) fail(`nested deeper than ${maxDepth} levels`, i, true);
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
          if (text[i] !== '"') fail(`expected a property name in double quotes, found ${show(i)}`);
          const key = string();
          expect(':', "':' after the property name");
          value([...path, key]);
        } else value([...path, n]);
        skip();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail(`expected ',' or '${close}', found ${show(i)}`);
      }
    }
    if (c === '"') return void string();
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) return void (i += m[0].length);
    fail(`expected a value, found ${show(i)}`);
  };
  try {
    value([]);
    skip();
    if (i < text.length) fail(`unexpected ${show(i)} after the end of the document`);
    return { offsets, ends };
  } catch (e) {
    if (e instanceof Stop) return { error: e.scanError, offsets, ends };
    throw e;
  }
}
