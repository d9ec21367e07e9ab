/** Small speeches for CLI tests: short so each build is quick, real enough to exercise the stages. */

/** A short but complete speech. */
export function shortSpeech(title: string, n = 1): string {
  const body = Array.from({ length: n }, (_, i) =>
    `${'一二三四五六七八九十'[i % 10]}是抓好第${i + 1}项工作。要坚持问题导向，把各项措施落到实处，确保全年目标任务如期完成，以实际行动推动高质量发展。`,
  ).join('\n');
  return `${title}\n同志们：\n今天召开这次会议，主要是总结工作、部署任务。\n一、提高思想认识\n${body}\n二、狠抓工作落实\n各级各部门要强化责任担当，确保各项工作落地见效。\n`;
}

/** Bytes of a PNG header followed by junk: binary data with a text extension. */
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
