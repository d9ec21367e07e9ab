// Source positions (1-based lines, columns in code points, as the parser reports them) against
// the editor's text (UTF-16 offsets), and the title-block field edits the structure panel makes.
// Pure functions: tests/serve/positions.test.ts runs them in node.

/** UTF-16 offset of a 1-based line and code-point column in `text`. */
export function offsetOf(text, point) {
  let offset = 0;
  for (let line = 1; line < point.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  let column = 1;
  while (column < point.column && offset < text.length && text[offset] !== '\n') {
    const cp = text.codePointAt(offset);
    offset += cp > 0xffff ? 2 : 1;
    column++;
  }
  return offset;
}

/** [start, end) UTF-16 offsets of a position; a point-like span covers its whole line. */
export function rangeOf(text, position) {
  const start = offsetOf(text, position.start);
  let end = offsetOf(text, position.end);
  if (end <= start) {
    const nl = text.indexOf('\n', start);
    end = nl < 0 ? text.length : nl;
  }
  return [start, end];
}

/** Field order in the title block (an absent field goes after the ones before it). */
const ORDER = ['title', 'subtitle', 'speaker', 'date'];

/**
 * The text with one title-block field set to `value`: the field's own source span replaced, or,
 * for a field the text lacks, a new line after the title block's last line before it (or first).
 * An empty value removes the field's line.
 */
export function setField(text, structure, field, value) {
  const fields = structure?.fields ?? {};
  const own = fields[field];
  if (own?.position) {
    const [start, end] = rangeOf(text, own.position);
    if (value === '') return removeLine(text, start, end);
    return text.slice(0, start) + value + text.slice(end);
  }
  if (value === '') return text;
  const before = ORDER.slice(0, ORDER.indexOf(field)).reverse().map((f) => fields[f]).find((f) => f?.position);
  if (!before) return `${value}\n${text}`;
  const lineEnd = text.indexOf('\n', offsetOf(text, before.position.end));
  if (lineEnd < 0) return `${text}\n${value}`;
  return `${text.slice(0, lineEnd + 1)}${value}\n${text.slice(lineEnd + 1)}`;
}

/** Remove [start, end) and, when that leaves its line empty, the line too. */
function removeLine(text, start, end) {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl;
  const rest = text.slice(lineStart, start) + text.slice(end, lineEnd);
  if (rest.trim() !== '') return text.slice(0, start) + text.slice(end);
  return text.slice(0, lineStart) + text.slice(nl < 0 ? lineEnd : lineEnd + 1);
}

/** Parse a line's `data-src` ("l1:c1-l2:c2") into a position. */
export function parseSrc(src) {
  const m = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(src ?? '');
  if (!m) return undefined;
  return { start: { line: +m[1], column: +m[2] }, end: { line: +m[3], column: +m[4] } };
}

/** Whether a point lies in a span (inclusive of its last line). */
export function contains(span, point) {
  if (point.line < span.start.line || point.line > span.end.line) return false;
  if (point.line === span.start.line && point.column < span.start.column) return false;
  if (point.line === span.end.line && point.column > span.end.column) return false;
  return true;
}
