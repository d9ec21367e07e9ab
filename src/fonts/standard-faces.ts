/**
 * The faces GB/T 9704-2012 7.3 names, as office machines install them, in order of preference.
 * Asked for by name before falling back to the bundled stand-ins.
 */
import type { FontRole } from './roles.ts';

const XIAOBIAOSONG = ['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', 'FZXiaoBiaoSong-B05', '小标宋'];
const FANGSONG = ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', '方正仿宋_GBK', 'FZFangSong-Z02'];
const HEITI = ['黑体', 'SimHei', '方正黑体_GBK', 'FZHei-B01'];
const KAITI = ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', '方正楷体_GBK', 'FZKai-Z03'];
const SONGTI = ['宋体', 'SimSun'];
const TIMES = ['Times New Roman', 'Times', 'Liberation Serif', 'TeX Gyre Termes', 'Tinos'];

/** Standard face names per role. heading3 (levels 3–4) is 仿宋 like the body. */
export const STANDARD_FACES: Record<FontRole, readonly string[]> = {
  title: XIAOBIAOSONG,
  body: FANGSONG,
  heading1: HEITI,
  heading2: KAITI,
  heading3: FANGSONG,
  lead: KAITI,
  titleBlock: KAITI,
  pageNumber: SONGTI,
  latin: TIMES,
};

/** A standard face as Word names it: the name written in rFonts, one alternative, and its charset. */
export interface OfficeFace {
  /** The name written in rFonts (what offices have installed): the first standard name. */
  name: string;
  /** The alternative Word tries when that is missing (w:altName). */
  altName: string;
  /** A GB2312 (charset 86) font rather than a Latin one. */
  chinese: boolean;
}

/**
 * The alternative per family: the face every Chinese Windows has, which Word tries when the
 * standard one is missing. Windows has no 小标宋; 宋体 is the serif face closest to it (lane 16's
 * choice). 黑体 is itself the Windows face; SimHei is its English name, listed on other locales.
 */
const ALT_NAME = new Map<readonly string[], string>([
  [XIAOBIAOSONG, '宋体'], [FANGSONG, '仿宋'], [HEITI, 'SimHei'], [KAITI, '楷体'], [SONGTI, 'SimSun'], [TIMES, 'Tinos'],
]);

/** The standard faces per role as the Word copy names them in `fontMode: 'system'`. */
export const OFFICE_FACES: Record<FontRole, OfficeFace> = Object.fromEntries(
  (Object.entries(STANDARD_FACES) as [FontRole, readonly string[]][]).map(([role, names]) => [
    role, { name: names[0]!, altName: ALT_NAME.get(names)!, chinese: names !== TIMES },
  ]),
) as Record<FontRole, OfficeFace>;
