/**
 * Word drafts in: .docx is read directly; .doc, .wps, .odt and .rtf go through LibreOffice to
 * .docx first. Either way the paragraphs become source lines for the same structure detection as
 * plain text, so a draft typed the same way gives the same model.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { parseTextLines, sortDiagnostics } from '../text/parse-text-lines.ts';
import type { ParseOptions, ParseResult } from '../types.ts';
import { readDocx, type DocxLines } from './read-docx.ts';
import { isOpenDocument, sniffContainer } from './sniff.ts';
import { convertToDocx, findSoffice } from './soffice.ts';
import type { PackageLimits } from './package.ts';

export { readDocx, type DocxLines } from './read-docx.ts';
export { findSoffice } from './soffice.ts';

/** Extensions that LibreOffice converts for us. */
const CONVERTED = new Set(['doc', 'dot', 'wps', 'wpt', 'odt', 'ott', 'rtf']);

function extensionOf(file: string | undefined): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(file ?? '');
  return m ? m[1]!.toLowerCase() : '';
}

function failure(file: string | undefined, ruleId: string, message: string, hint?: string): DocxLines {
  const d: Diagnostic = { severity: 'error', ruleId, message };
  if (hint) d.hint = hint;
  if (file) d.file = file;
  return { lines: [], diagnostics: [d], ok: false };
}

const INSTALL_HINT =
  'Debian/Ubuntu：apt-get install libreoffice-writer-nogui；Windows/macOS：安装 LibreOffice 并把 soffice 加入 PATH' +
  '（或用环境变量 SPEECHDOC_SOFFICE 指定）；也可在 Word/WPS 中把草稿另存为 .docx';
const DAMAGED_HINT = '文件可能已损坏或设有密码；请打开后另存为 .docx';

/** A binary file LibreOffice could only import as text comes back full of replacement characters. */
function looksLikeGarbage(r: DocxLines): boolean {
  let all = 0;
  let bad = 0;
  for (const l of r.lines) {
    for (const ch of l.text) {
      all++;
      if (ch === '\uFFFD' || (ch < ' ' && ch !== '\t')) bad++;
    }
  }
  return bad > 0 && bad * 50 > all;
}

async function viaLibreOffice(bytes: Uint8Array, ext: string, file: string | undefined, infilter?: string, limits?: PackageLimits): Promise<DocxLines> {
  const name = file ?? `.${ext} 输入文件`;
  const soffice = findSoffice();
  if (!soffice) {
    return failure(file, 'docx/no-libreoffice', `${name}：读取 .${ext} 草稿需要 LibreOffice（soffice），但没有找到`, INSTALL_HINT);
  }
  const converted = await convertToDocx(bytes, ext, soffice, infilter ? { infilter } : {});
  if (!converted.ok) {
    return failure(file, 'docx/convert-failed', `${name}：LibreOffice 无法转换该文件（${converted.reason}）`, DAMAGED_HINT);
  }
  const r = readDocx(converted.docx, file, limits);
  if (looksLikeGarbage(r)) {
    return failure(file, 'docx/convert-failed', `${name}：LibreOffice 无法把它识别为文字处理文档`, DAMAGED_HINT);
  }
  r.diagnostics.push({ severity: 'info', ruleId: 'docx/converted', message: `${name} 已用 LibreOffice 从 .${ext} 转换为 .docx`, ...(file ? { file } : {}) });
  return r;
}

/** Read a Word-family draft into source lines (no structure detection yet). */
export async function readDocxFile(bytes: Uint8Array, file?: string, limits?: PackageLimits): Promise<DocxLines> {
  const ext = extensionOf(file);
  const container = sniffContainer(bytes);
  if (container === 'ole-encrypted') {
    return failure(file, 'docx/encrypted', `${file ?? '输入文件'} 设有打开密码（已加密），无法读取`, '在 Word/WPS 中取消密码（文件 → 信息 → 保护文档），另存后再试');
  }
  if (container === 'zip') {
    if (isOpenDocument(bytes)) return viaLibreOffice(bytes, 'odt', file, undefined, limits);
    return readDocx(bytes, file, limits);
  }
  if (container === 'ole') {
    // A Word 97 file LibreOffice cannot parse would otherwise be imported as plain text and
    // "succeed" with binary garbage; .wps may also be a Works file, so it is left to detection.
    const isWps = ext === 'wps' || ext === 'wpt';
    return viaLibreOffice(bytes, isWps ? ext : 'doc', file, isWps ? undefined : 'MS Word 97', limits);
  }
  if (container === 'rtf') return viaLibreOffice(bytes, 'rtf', file, undefined, limits);
  // A web page saved as .doc (common for drafts downloaded from websites): let LibreOffice try.
  if (CONVERTED.has(ext) && ext !== 'odt') return viaLibreOffice(bytes, ext, file, undefined, limits);
  return readDocx(bytes, file, limits);
}

/** Parse a Word draft (.docx, .doc, .wps, .odt, .rtf) into a speech. Never throws. */
export async function parseDocxFile(bytes: Uint8Array, options: ParseOptions & { file?: string } = {}): Promise<ParseResult> {
  return parseDocxLines(await readDocxFile(bytes, options.file, options.packageLimits), options);
}

/** Parse a Word draft already read into lines (the serve page shows the same lines in its editor). */
export function parseDocxLines(read: DocxLines, options: ParseOptions = {}): ParseResult {
  if (!read.ok) return { speech: undefined, diagnostics: read.diagnostics };
  const parsed = parseTextLines(read.lines, options);
  return { speech: parsed.speech, diagnostics: sortDiagnostics([...read.diagnostics, ...parsed.diagnostics]), lines: read.lines.map((l) => l.text) };
}
