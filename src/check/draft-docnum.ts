/**
 * draft/docnum: 发文字号 written as GB/T 9704-2012 7.2.5 wants: 机关代字 + year in 六角括号 〔〕 +
 * serial number without zero padding and without 第, e.g. 国办发〔2024〕5号.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { positionAt } from './text-units.ts';
import type { CheckContext } from './types.ts';

// After a 代字 (Han; where it starts cannot be known, so it is not quoted): a bracketed year, 第?, serial, 号.
const DOCNUM = /(?<=\p{Script=Han})([〔\[(（【［〖])\s*((?:19|20)\d{2})\s*([〕\])）】］〗])\s*(第?)\s*(\d{1,4})\s*号/gu;

/** Findings for badly written document numbers. */
export function checkDocNumbers({ units }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const u of units) {
    for (const m of u.text.matchAll(DOCNUM)) {
      const [all, open, year, close, di, serial] = m;
      const fixed = `〔${year}〕${Number(serial)}号`;
      const problems: string[] = [];
      if (open !== '〔' || close !== '〕') problems.push(`年份应使用六角括号〔〕，不用“${open}${close}”`);
      if (/^0/.test(serial!)) problems.push('序号不编虚位（不补零）');
      if (di) problems.push('序号前不加“第”字');
      if (problems.length === 0 && all === fixed) continue;
      if (problems.length === 0) problems.push('不应含空格');
      const at = positionAt(u, m.index, all.length) ?? u.position;
      out.push(diagnostic('warning', 'draft/docnum', `文号格式有误：“${all}”${problems.join('；')}，应写作“${fixed}”`, at, 'GB/T 9704-2012 7.2.5'));
    }
  }
  return out;
}
