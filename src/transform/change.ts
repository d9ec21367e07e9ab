/** What a normalizer changed, and how such a change becomes an info diagnostic. */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

/** The kinds of normalization, each reported under `normalize/<kind>`. */
export type ChangeKind = 'punctuation' | 'quote' | 'width' | 'radical' | 'space' | 'indent' | 'trailing-space' | 'dash' | 'control' | 'range';

/** One change to one line. */
export interface Change {
  /** Which normalizer made it. */
  kind: ChangeKind;
  /** 0-based code-point index in the source line where the replaced text starts. */
  index: number;
  /** The text as written. */
  from: string;
  /** What it became ('' when dropped). */
  to: string;
}

/** What each kind does, for messages. */
const WHAT: Record<ChangeKind, string> = {
  punctuation: '中文里的半角标点改为全角',
  quote: '引号按前后配对改为弯引号',
  width: '全角字母、数字改为半角',
  radical: '部首或兼容汉字改为统一汉字',
  space: '删去全角标点旁的空格（或零宽字符）',
  indent: '删去行首缩进',
  'trailing-space': '删去行尾空格',
  dash: '破折号改为“——”',
  control: '删去不可见的控制字符',
  range: '年份起止的连接号改为一字线“—”（GB/T 15834）',
};

/** Any character `show` rewrites. */
const INVISIBLE = /[\t \u3000\u00a0\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

/** Show invisible characters in messages. */
function show(s: string): string {
  // Most changes are visible marks (，for ,): nothing to rewrite.
  if (!INVISIBLE.test(s)) return s;
  return s
    .replace(/\t/g, '\\t')
    .replace(/[\u3000\u00a0\u200b-\u200d\u2060\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/ /g, '␠')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** One info diagnostic for a change on source line `line` whose text starts at column 1. */
export function changeDiagnostic(change: Change, line: number): Diagnostic {
  const fromLen = [...change.from].length;
  const start = { line, column: change.index + 1 };
  const end = { line, column: change.index + 1 + fromLen };
  const arrow = change.to === '' ? `“${show(change.from)}”` : `“${show(change.from)}” → “${change.to}”`;
  // Dropping a control character loses data the writer may not know is there: worth a warning.
  const severity = change.kind === 'control' ? 'warning' : 'info';
  return diagnostic(severity, `normalize/${change.kind}`, `${WHAT[change.kind]}：${arrow}`, { start, end });
}
