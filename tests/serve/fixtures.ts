/** Small manuscripts made here (no corpus text in the repository). */

/** A short speech: title block, salutation, two headings, a placeholder; `paragraphs` body paragraphs. */
export function speech(title = '在全县春季农业生产工作会议上的讲话', paragraphs = 3): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) => `第${i + 1}段。今年春耕生产任务重、要求高，各乡镇要把责任压实到村组，把措施落实到田块，确保粮食播种面积稳定在XX万亩以上。`,
  );
  return [title, '县委书记　李明', '（2024年3月1日）', '同志们：', '一、统一思想，提高认识', ...body, '二、突出重点，狠抓落实', '要抓好农资供应和技术服务。'].join('\n');
}

/** A manuscript of about `chars` characters (for the worker-lane test). */
export function longSpeech(chars: number): string {
  const paragraph = '各级各部门要坚持问题导向，聚焦群众急难愁盼，把各项惠民政策落到实处，切实增强人民群众的获得感、幸福感、安全感。';
  const n = Math.ceil(chars / paragraph.length);
  return ['关于做好全年重点工作的讲话', '同志们：', ...Array.from({ length: n }, () => paragraph)].join('\n');
}
