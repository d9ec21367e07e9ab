/** Line-end normalization: every parser sees LF only. */

/** Replace CRLF, lone CR (old Mac files), form feeds and Unicode line separators with LF; drop a leading BOM. */
export function normalizeLineEnds(text: string): string {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return s.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029\f]/g, '\n');
}
