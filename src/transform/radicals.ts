/**
 * CJK radicals supplement (U+2E80–U+2EFF) forms that print exactly like a whole character but have
 * no NFKC mapping. From Unicode's EquivalentUnifiedIdeograph.txt, limited to whole-character forms;
 * component-only shapes (⺮ bamboo top, ⻖ mound) have no character to become and are left alone.
 */
export const RADICAL_EQUIVALENTS: Readonly<Record<string, string>> = {
  '⺠': '民', '⺩': '王', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻑': '長', '⻓': '长',
  '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨',
  '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿',
  '⻰': '龙',
};
