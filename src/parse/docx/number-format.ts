/**
 * Word's list number formats (`w:numFmt`), rendered as the characters Word shows. Chinese drafts
 * mostly use chineseCounting (一、二、… 十一) for 一、 and （一）, and decimal for 1. and （1）.
 */

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const CN_LEGAL_TRAD = '零壹貳參肆伍陸柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** 1–99999 in Chinese counting: 十, 十一, 二十, 一百零五, 一千零一十. */
function chineseCounting(n: number, digits = CN_DIGITS, units = ['', '十', '百', '千', '万']): string {
  if (n === 0) return digits[0] ?? '〇';
  if (n >= 100000) return String(n);
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i] ?? '';
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += digits === CN_DIGITS ? '零' : digits[0];
    zero = false;
    out += digits[d] + unit;
  });
  // 一十 → 十 at the start only (十一, but 一百一十).
  return n >= 10 && n < 20 && digits === CN_DIGITS ? out.slice(1) : out;
}

function letters(n: number, base: string): string {
  // Word repeats the letter: a … z, aa … zz.
  const len = base.length;
  const ch = base[(n - 1) % len] ?? '';
  return ch.repeat(Math.floor((n - 1) / len) + 1);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

function fullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
}

const FORMATS: Record<string, (n: number) => string> = {
  decimal: String,
  decimalZero: (n) => (n < 10 ? `0${n}` : String(n)),
  decimalFullWidth: (n) => fullWidth(String(n)),
  decimalFullWidth2: (n) => fullWidth(String(n)),
  decimalHalfWidth: String,
  decimalEnclosedCircle: (n) => (n <= 20 ? enclosed(n, 0x2460, 20) : n <= 35 ? enclosed(n - 20, 0x3251, 15) : String(n)),
  decimalEnclosedCircleChinese: (n) => enclosed(n, 0x2460, 20),
  decimalEnclosedParen: (n) => enclosed(n, 0x2474, 20),
  decimalEnclosedFullstop: (n) => enclosed(n, 0x2488, 20),
  ideographEnclosedCircle: (n) => enclosed(n, 0x3280, 10),
  chineseCounting: (n) => chineseCounting(n),
  chineseCountingThousand: (n) => chineseCounting(n),
  taiwaneseCounting: (n) => chineseCounting(n),
  taiwaneseCountingThousand: (n) => chineseCounting(n),
  japaneseCounting: (n) => chineseCounting(n),
  ideographDigital: (n) => String(n).split('').map((d) => CN_DIGITS[Number(d)]).join(''),
  taiwaneseDigital: (n) => String(n).split('').map((d) => CN_DIGITS[Number(d)]).join(''),
  chineseLegalSimplified: (n) => chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟', '万']),
  ideographLegalTraditional: (n) => chineseCounting(n, CN_LEGAL_TRAD, ['', '拾', '佰', '仟', '萬']),
  ideographTraditional: (n) => STEMS[(n - 1) % 10] ?? String(n),
  ideographZodiac: (n) => BRANCHES[(n - 1) % 12] ?? String(n),
  upperLetter: (n) => letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  lowerLetter: (n) => letters(n, 'abcdefghijklmnopqrstuvwxyz'),
  upperRoman: roman,
  lowerRoman: (n) => roman(n).toLowerCase(),
  none: () => '',
};

/** Render counter `n` in Word number format `fmt` (unknown formats as decimal). */
export function formatNumber(n: number, fmt: string): string {
  return (FORMATS[fmt] ?? String)(n);
}
