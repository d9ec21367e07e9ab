/**
 * The .docx reader: package → `SourceLine[]` for structure detection, plus what it noticed.
 * Never throws; an unreadable package is an error diagnostic and no lines.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { SourceLine } from '../types.ts';
import { readBlocks } from './body.ts';
import type { ReadContext } from './context.ts';
import { readNumbering } from './numbering.ts';
import { notesLookup } from './notes.ts';
import { openDocx, type DocxPackage, type PackageLimits } from './package.ts';
import { toSourceLines } from './source-lines.ts';
import { readStyles } from './styles.ts';

/** What reading a Word draft gave. */
export interface DocxLines {
  /** One line per paragraph or table, numbered from 1; empty when the file could not be read. */
  lines: SourceLine[];
  /** Findings; an error means the file could not be read. */
  diagnostics: Diagnostic[];
  /** Whether the package itself could be opened. */
  ok: boolean;
}

const RESAVE_HINT = '用 Word 或 WPS 打开草稿，另存为 .docx 后再试';

function summary(ctx: ReadContext, file: string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (ruleId: string, message: string): void => {
    out.push({ severity: 'info', ruleId, message, ...(file ? { file } : {}) });
  };
  const { insertions, deletions, comments, tocParagraphs } = ctx.stats;
  if (insertions + deletions > 0) {
    add('docx/tracked-changes', `修订按“全部接受”读取：保留插入 ${insertions} 处，略去删除 ${deletions} 处`);
  }
  if (comments > 0) add('docx/comments', `${comments} 条批注已忽略`);
  if (tocParagraphs > 0) add('docx/toc', `目录（${tocParagraphs} 段）已略去，印发件不需要目录`);
  return out;
}

/** Read the paragraphs and tables of an opened package. */
export function readPackage(pkg: DocxPackage, file?: string): DocxLines {
  const footnote = notesLookup(pkg.footnotes, 'w:footnotes', 'w:footnote');
  const endnote = notesLookup(pkg.endnotes, 'w:endnotes', 'w:endnote');
  const styles = readStyles(pkg.styles);
  const ctx: ReadContext = {
    styles,
    numbering: readNumbering(pkg.numbering, styles),
    noteText: (kind, id) => (kind === 'footnote' ? footnote(id) : endnote(id)),
    fields: [],
    stats: { insertions: 0, deletions: 0, comments: 0, tocParagraphs: 0 },
    readBlocks: (nodes) => readBlocks(nodes, ctx),
  };
  const body = pkg.document.find((n) => n.name === 'w:body');
  const items = readBlocks(body?.children ?? [], ctx);
  const { lines, diagnostics } = toSourceLines(items, file);
  return { lines, diagnostics: [...diagnostics, ...summary(ctx, file)], ok: true };
}

/** Read .docx bytes into source lines; `file` names the draft in diagnostics. */
export function readDocx(bytes: Uint8Array, file?: string, limits?: PackageLimits): DocxLines {
  const opened = openDocx(bytes, limits);
  if (opened.ok) {
    try {
      return readPackage(opened.pkg, file);
    } catch (e) {
      // A structure this reader does not expect must cost one file, not the batch.
      const d: Diagnostic = { severity: 'error', ruleId: 'docx/unreadable', message: `${file ?? '输入文件'}：无法读取该 Word 文档（${(e as Error).message}）`, hint: RESAVE_HINT };
      if (file) d.file = file;
      return { lines: [], diagnostics: [d], ok: false };
    }
  }
  const name = file ?? '输入文件';
  const message =
    opened.reason === 'other-office' || opened.reason === 'limit'
      ? `${name}：${opened.detail}`
      : opened.reason === 'not-zip'
      ? `${name} 不是 Word .docx 文件（不是 zip 包：${opened.detail}）`
      : opened.reason === 'no-document'
        ? `${name} 不是 Word .docx 文件（${opened.detail}）`
        : `${name} 是损坏的 Word 文件（${opened.detail}）`;
  const d: Diagnostic = {
    severity: 'error',
    ruleId: opened.reason === 'limit' ? 'limits/package' : 'docx/not-a-docx',
    message,
    hint: opened.reason === 'limit' ? '若这确实是一份讲话稿，可在配置文件中调高所述上限；否则请检查文件来源' : RESAVE_HINT,
  };
  if (file) d.file = file;
  return { lines: [], diagnostics: [d], ok: false };
}
