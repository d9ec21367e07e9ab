/**
 * Shapes the Markdown tokenizer (micromark) handles in quadratic time, refused before it sees them:
 * containers nested deeper than MAX_NESTING (quotes `>>>>…`, lists indented further and further)
 * and paragraphs with more than MAX_DELIMITERS emphasis marks (`*`, `_`). Measured: 20,000 `>`
 * took 4.6 s and 20,000 `*` 20 s, growing four-fold per doubling; at these limits a paragraph costs
 * milliseconds. No speech comes near them; a file that does gets one finding naming the limit.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';

/** Deepest container nesting accepted (block quotes, or list indentation in steps of two columns). */
export const MAX_NESTING = 32;
/** Most `*` and `_` in one paragraph (a run of blanks `______` counts each underscore). */
export const MAX_DELIMITERS = 2000;

/** The first limit `text` breaks, as an error finding; undefined when it is within them. */
export function markdownLimitProblem(text: string): Diagnostic | undefined {
  let line = 1;
  let delimiters = 0;
  let paragraphLine = 1;
  let i = 0;
  while (i <= text.length) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    // Leading quote markers and indentation, in one pass over the line's start.
    let quotes = 0;
    let indent = 0;
    let j = i;
    let blank = true;
    for (; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x3e /* > */) quotes++;
      else if (c === 0x20) indent++;
      else if (c === 0x09) indent += 4;
      else break;
    }
    for (let k = j; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0d) blank = false;
      if (c === 0x2a || c === 0x5f) delimiters++;
    }
    if (blank) {
      delimiters = 0;
      paragraphLine = line + 1;
    }
    const depth = Math.max(quotes, Math.floor(indent / 2));
    if (depth > MAX_NESTING) {
      return diagnostic('error', 'limits/markdown-nesting',
        `第 ${line} 行嵌套了 ${depth} 层（引用 > 或列表缩进），超过上限 ${MAX_NESTING} 层；请去掉多余的 > 或缩进，或改存为 .txt`,
        { start: { line, column: 1 }, end: { line, column: 1 } });
    }
    if (delimiters > MAX_DELIMITERS) {
      return diagnostic('error', 'limits/markdown-emphasis',
        `从第 ${paragraphLine} 行起的段落含超过 ${MAX_DELIMITERS} 个 * 或 _ 标记（上限 ${MAX_DELIMITERS} 个）；请删去多余的标记，或改存为 .txt`,
        { start: { line: paragraphLine, column: 1 }, end: { line: paragraphLine, column: 1 } });
    }
    line++;
    i = end + 1;
  }
  return undefined;
}
