/** Public surface of the plain-text parser (also used by the Word-draft and Markdown parsers). */
export { parseText } from './parse-text.ts';
export { parseTextLines } from './parse-text-lines.ts';
export { splitLines } from './split-lines.ts';
