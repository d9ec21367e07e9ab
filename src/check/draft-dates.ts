/**
 * draft/date-format: dates as GB/T 9704-2012 7.3.5.4 wants them (Arabic numerals, no zero padding:
 * 2024年5月1日, not 2024年05月01日) and dates that cannot exist (2024年2月30日, 13月, 2023年2月29日).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { asciiDigits } from './numerals.ts';
import { positionAt } from './text-units.ts';
import type { CheckContext } from './types.ts';

const D = '[0-9０-９]';
// Year (4 digits) and/or month and/or day; a lone number before 月 is a month only when no digit precedes.
const DATE = new RegExp(`(?<!${D})(?:(${D}{4})年)?(${D}{1,2})月(?:(${D}{1,2})[日号])?`, 'g');

/** Days in `month` of `year` (Gregorian); February has 29 when the year is unknown. */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Findings for badly written or impossible dates. */
export function checkDates({ units }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const u of units) {
    for (const m of u.text.matchAll(DATE)) {
      const [all, y, mo, d] = m;
      const year = y ? Number(asciiDigits(y)) : undefined;
      const month = Number(asciiDigits(mo!));
      const day = d ? Number(asciiDigits(d)) : undefined;
      const at = positionAt(u, m.index, all.length) ?? u.position;
      if (month < 1 || month > 12) {
        out.push(diagnostic('warning', 'draft/date-format', `日期有误：“${all}”中没有 ${month} 月`, at));
      } else if (day !== undefined && (day < 1 || day > daysInMonth(month, year))) {
        const why = month === 2 && day === 29 ? `${year} 年不是闰年` : `${month} 月只有 ${daysInMonth(month, year)} 天`;
        out.push(diagnostic('warning', 'draft/date-format', `日期有误：“${all}”不存在（${why}）`, at));
      } else if (/^[0０]/.test(mo!) || (d && /^[0０]/.test(d))) {
        const fixed = `${y ? `${year}年` : ''}${month}月${day !== undefined ? `${day}${all.endsWith('号') ? '号' : '日'}` : ''}`;
        out.push(diagnostic('warning', 'draft/date-format', `日期不应补零：“${all}”应写作“${fixed}”`, at, 'GB/T 9704-2012 7.3.5.4：年份写全，月、日不编虚位'));
      }
    }
  }
  return out;
}
