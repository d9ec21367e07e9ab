/** Sequence numbers as written in markers: Chinese numerals (一 … 九十九) and Arabic digits, either width. */

const DIGITS = '〇一二三四五六七八九';

/** The value of a Chinese numeral from 一 to 九十九 (also 两, and 〇/零 as zero); undefined otherwise. */
export function parseChineseNumeral(s: string): number | undefined {
  const m = /^([一二三四五六七八九两])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (s === '〇' || s === '零') return 0;
  if (!m || s === '') return undefined;
  const [, a, ten, b] = m;
  const digit = (c: string | undefined) => (c === '两' ? 2 : c ? DIGITS.indexOf(c) : 0);
  if (!ten) return b ? undefined : digit(a); // "一二" is not a numeral
  return (a ? digit(a) : 1) * 10 + digit(b);
}

/** 1 → 一, 10 → 十, 21 → 二十一 (1–99). */
export function toChineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** Full-width digits ０-９ as ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A marker's number and how to write another number the same way (`三、` → 3, n ↦ `${n}、`). */
export interface MarkerNumber {
  /** The value. */
  value: number;
  /** The marker with its number replaced by `n`, for messages ("缺少“二、”"). */
  render: (n: number) => string;
}

/** Read the number of a marker such as `一、`, `（十一）`, `1.`, `（３）`, `第二，`, `三是`. */
export function markerNumber(marker: string): MarkerNumber | undefined {
  const arabic = /[0-9０-９]+/.exec(marker);
  if (arabic) {
    const value = Number(asciiDigits(arabic[0]));
    const [pre, post] = [marker.slice(0, arabic.index), marker.slice(arabic.index + arabic[0].length)];
    return { value, render: (n) => `${pre}${n}${post}` };
  }
  const han = /[〇零一二三四五六七八九十两]+/.exec(marker);
  if (!han) return undefined;
  const value = parseChineseNumeral(han[0]);
  if (value === undefined) return undefined;
  const [pre, post] = [marker.slice(0, han.index), marker.slice(han.index + han[0].length)];
  return { value, render: (n) => `${pre}${toChineseNumeral(n)}${post}` };
}
