/**
 * What the lines of a title block look like: subtitles, dates, speakers, notes, document numbers,
 * issuer headers, letter-spaced titles. Pure tests on one normalized line each.
 */

import { codePointLength } from '../../transform/code-points.ts';

/** Dashes a subtitle may open with: ——, ――, —, --, ----, －－ and box-drawing look-alikes. */
export const DASH = /^(?:[—―─━－-]\s*)+/;
/** A year-month(-day), Arabic or Chinese numerals. */
const YMD = '(?:\\d{4}|[〇○零0一二三四五六七八九]{4})\\s*年\\s*[\\d一二三四五六七八九十]{1,3}\\s*月(?:\\s*[\\d一二三四五六七八九十]{1,3}\\s*日)?';
/** The end of a date range: another date, or only month/day. */
const RANGE_END = `(?:${YMD}|(?:[\\d一二三四五六七八九十]{1,3}\\s*月)?\\s*[\\d一二三四五六七八九十]{1,3}\\s*日)`;
/** A date line: `（2022年10月16日）`, `（一九八四年十月一日）`, `（2015年9月3日，北京）`, a range, brackets optional. */
export const DATE = new RegExp(`^[（(]?\\s*${YMD}(?:\\s*(?:[—―－~～-]+|至)\\s*${RANGE_END})?(?:\\s*[，,、]\\s*[\\p{Script=Han}·]{1,16})?\\s*[）)]?$`, 'u');
/** A bare date line (no brackets, no place) as under a signature. */
export const PLAIN_DATE = new RegExp(`^${YMD}$`);
/** A title-block note in brackets: （摘要）, （节选）, （根据直播整理）, （征求意见稿）. */
export const NOTE = /^[（(](?:摘要|节选|摘编|摘登|全文|有删节|根据[^（）()]{1,16}整理|[^（）()，。]{0,10}(?:讨论稿|征求意见稿|送审稿|审议稿|修改稿|初稿|草稿|草案|定稿|发言提纲))[）)]$/;
/** A 发文字号 (`京经信发〔2022〕87号`, bracketed or not) or an order number (`（第19号）`). */
export const DOC_NUMBER = /^[（(]?(?:[\p{Script=Han}A-ZＸ×]{1,12}\s*[〔［\[【(（]\s*\d{4}\s*[〕］\]】)）]\s*第?\d{1,4}\s*号|第\s*\d{1,4}\s*号)[）)]?$/u;
/** An issuer header above an order or a 红头 notice: `上海市人民政府令`, `××县人民政府办公室文件`. */
export const ISSUER = /^[\p{Script=Han}A-ZＸ×]{2,24}(?:政府令|部令|委员会令|局令|署令|行令|文件)$/u;
/** A subtitle typed without dashes: 在…上的讲话. */
export const OCCASION = /^在.{2,40}(?:讲话|致辞|发言|报告|讲稿|演讲|贺词|祝词)$/;
/** Common surnames, for telling a bare name (`张三`) from a word (`序言`). */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
/** A name written with a blank still to fill. */
const BLANK_NAME = /^[×XＸ○_＿]{2,4}$/;
/** Whether `s` (spaces removed) can be a personal name. */
function isName(s: string): boolean {
  const n = s.replace(/[ \u3000]/g, '');
  if (BLANK_NAME.test(n)) return true;
  const cps = [...n];
  return cps.length >= 2 && cps.length <= 4 && SURNAMES.includes(cps[0]!) && /^[\p{Script=Han}·]+$/u.test(n);
}
/** Han with spaces, as a speaker line is written. */
const HAN_WORDS = /^[\p{Script=Han}·•×XＸ○_＿]+(?:[ \u3000]+[\p{Script=Han}·•×XＸ○_＿]+){0,4}$/u;

/** Whether `t` is a speaker line: `县委书记　张三`, `中华人民共和国主席 习近平`, `邓小平`, `邓　小　平`. */
export function isSpeaker(t: string): boolean {
  if (codePointLength(t) > 30 || !HAN_WORDS.test(t) || /们$/.test(t)) return false;
  if (isLetterSpaced(t)) return isName(t);
  const parts = t.split(/[ \u3000]+/);
  if (parts.length === 1) return isName(t) || /^[\p{Script=Han}]{2,16}(?:书记|县长|市长|区长|省长|主任|局长|部长|主席|总理|委员|厅长|院长|校长|会长|董事长|经理)[×XＸ○_＿]{2,4}$/u.test(t);
  // 职务 + 姓名: a name of two to four characters after the office.
  const name = parts[parts.length - 1]!;
  return isName(name) || BLANK_NAME.test(name) || (codePointLength(name) >= 2 && codePointLength(name) <= 4 && [...parts[0]!].length >= 2 && parts.length === 2);
}

/** Whether `t` is written letter-spaced: one Han character, a space, another… (`政 府 工 作 报 告`, `邓　小　平`). */
export function isLetterSpaced(t: string): boolean {
  return /^\p{Script=Han}(?:[ \u3000]+\p{Script=Han}){2,}$/u.test(t);
}

/** `t` with letter spacing taken out (for metadata); other text unchanged. */
export function unspaced(t: string): string {
  return isLetterSpaced(t) ? t.replace(/[ \u3000]+/g, '') : t;
}

/** `a` and `b` compared the way a reader would: spaces, bracket widths and dash kinds ignored. */
export function sameText(a: string, b: string): boolean {
  const key = (s: string): string => s.replace(/[\s\u3000—―－–-]/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')');
  return key(a) !== '' && key(a) === key(b);
}
