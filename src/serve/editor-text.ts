/**
 * The text the page's editor shows for an opened file: decoded text as it is (any encoding), or a
 * Word draft's paragraphs one a line, numbered as the parser numbers them, so a finding's line
 * points at the same line in the editor.
 */
import { decodeText } from '../decode/decode-text.ts';
import { formatOf } from '../parse/index.ts';

/** The editor text of a file, or '' when it cannot be read (its findings say why). */
export async function editorText(bytes: Uint8Array, name: string): Promise<string> {
  if (formatOf(name) === 'docx') {
    const { readDocxFile } = await import('../parse/docx/index.ts');
    const read = await readDocxFile(bytes, name);
    if (!read.ok) return '';
    const lines: string[] = [];
    for (const l of read.lines) {
      while (lines.length < l.line - 1) lines.push('');
      lines[l.line - 1] = l.text;
    }
    return lines.join('\n');
  }
  const decoded = decodeText(bytes, name);
  return decoded.value?.text ?? '';
}
