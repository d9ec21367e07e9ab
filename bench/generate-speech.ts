/**
 * Deterministic generator of distinct, realistic speech texts of a given length, for benchmarks
 * and large-input tests. Different seeds give different text (not copies), so caches that key on
 * content cannot flatter the numbers.
 */

const OPENERS = ['要', '必须', '各级各部门要', '我们要', '全县上下要', '要进一步', '要始终', '要切实'];
const VERBS = ['坚持', '强化', '深化', '统筹', '推进', '落实', '完善', '提升', '健全', '巩固', '加快', '抓好'];
const OBJECTS = [
  '问题导向和目标导向', '项目建设和招商引资', '生态环境保护', '基层治理体系', '民生保障水平', '营商环境建设',
  '安全生产责任制', '乡村振兴战略', '干部队伍作风', '产业结构调整', '科技创新能力', '公共服务配套',
  '防汛抗旱准备', '财政资金绩效', '群众满意度', '城乡融合发展', '教育医疗短板', '党风廉政建设',
];
const TAILS = [
  '确保各项工作落地见效', '推动高质量发展迈上新台阶', '切实把好事办好、实事办实', '以实际行动践行初心使命',
  '形成上下联动、齐抓共管的良好局面', '不断增强人民群众的获得感、幸福感、安全感', '为全年目标任务完成打下坚实基础',
];
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (up to 99, enough for any speech). */
function chinese(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

/** A small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generate a speech of about `chars` characters; `seed` makes it distinct. */
export function generateSpeech(chars: number, seed: number): string {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const sentence = (): string => {
    const n = Math.floor(r() * 90) + 10;
    const num = r() < 0.3 ? `，全年完成投资${n}.${Math.floor(r() * 10)}亿元，同比增长${Math.floor(r() * 20)}%` : '';
    const quote = r() < 0.15 ? `，坚持“${pick(VERBS)}${pick(OBJECTS)}”` : '';
    return `${pick(OPENERS)}${pick(VERBS)}${pick(OBJECTS)}${num}${quote}，${pick(VERBS)}${pick(OBJECTS)}，${pick(TAILS)}。`;
  };
  const paragraph = (lead?: string): string => {
    let p = lead ?? '';
    const target = 120 + Math.floor(r() * 260);
    while (p.length < target) p += sentence();
    return p;
  };
  const lines = [`在全县第${seed}次重点工作推进会议上的讲话`, '（2024年3月15日）', '同志们：', paragraph()];
  let length = lines.join('\n').length;
  let h1 = 0;
  while (length < chars) {
    const block: string[] = [`${chinese((h1 % 99) + 1)}、${pick(VERBS)}${pick(OBJECTS)}`];
    h1++;
    const points = 2 + Math.floor(r() * 4);
    for (let i = 0; i < points && length < chars; i++) {
      const lead = `${chinese(i + 1)}是${pick(VERBS)}${pick(OBJECTS)}。`;
      const p = paragraph(lead);
      block.push(p);
      length += p.length + 1;
    }
    lines.push(...block);
    length += block[0]!.length + 1;
  }
  return `${lines.join('\n')}\n`;
}
