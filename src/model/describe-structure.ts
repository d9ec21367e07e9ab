/**
 * The structure a parser found, in one line the writer can check at a glance:
 * `标题 2 行 · 副题 · 讲话人 · 日期 · 称呼 · 一级标题 3 · 二级 7 · 要点 12 · 表格 1`.
 * `build` and `check` print it per file, so a wrong reading never passes as "ok".
 */
import type { Speech } from './types.ts';

/** Chinese names of heading depths after the first. */
const DEPTH = ['', '一级标题', '二级', '三级', '四级'] as const;

/** One line describing the structure of `speech`. */
export function describeStructure(speech: Speech): string {
  const m = speech.meta;
  const parts: string[] = [];
  const titleLines = m.titleLines?.length ?? (m.title ? 1 : 0);
  parts.push(titleLines > 0 ? `标题 ${titleLines} 行` : '无标题');
  if (m.subtitle) parts.push('副题');
  if (m.notes?.length) parts.push(`题注 ${m.notes.length}`);
  if (m.speaker) parts.push('讲话人');
  if (m.date) parts.push('日期');
  const f = m.furniture;
  if (f?.issuer) parts.push('发文机关标志');
  if (f?.docNumber) parts.push('文号');
  if (f?.addressee) parts.push('主送');
  const salutations = speech.children.filter((b) => b.type === 'salutation').length;
  if (salutations > 0) parts.push(salutations === 1 ? '称呼' : `称呼 ${salutations}`);
  const depths = [0, 0, 0, 0, 0];
  let points = 0;
  let articles = 0;
  let tables = 0;
  let chapters = 0;
  for (const b of speech.children) {
    if (b.type === 'heading') {
      if (b.kind === 'chapter') chapters++;
      else depths[b.depth]!++;
    }
    if (b.type === 'table') tables++;
    if (b.type === 'paragraph') {
      for (const c of b.children) {
        if (c.type === 'lead' && c.kind === 'point') points++;
        if (c.type === 'lead' && c.kind === 'article') articles++;
      }
    }
  }
  if (chapters > 0) parts.push(`章 ${chapters}`);
  for (let d = 1; d <= 4; d++) if (depths[d]! > 0) parts.push(`${DEPTH[d]} ${depths[d]}`);
  if (articles > 0) parts.push(`条 ${articles}`);
  if (points > 0) parts.push(`要点 ${points}`);
  if (tables > 0) parts.push(`表格 ${tables}`);
  if (f?.attachments?.length) parts.push('附件');
  if (f?.signature?.length || f?.signedDate) parts.push('落款');
  // The 落款 prints mid-document, with the title of the document issued under it.
  if (f?.issuedTitle || f?.titleAfterClosing) parts.push('落款后接所发文件');
  if (m.removed?.length) parts.push(`移出杂项 ${m.removed.length}`);
  return parts.join(' · ');
}
