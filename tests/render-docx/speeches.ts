/** Speech models for the DOCX tests: the user's sample built by hand, and a small one using every node. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, Credit, Inline, Speech } from '../../src/model/types.ts';
import { ROOT } from './helpers.ts';

/** The user's sample speech. */
export const SAMPLE = join(ROOT, 'input', 'seed-speech.txt');

const FULL: Record<string, string> = { ',': '，', ':': '：', '!': '！', ';': '；', '?': '？', '(': '（', ')': '）' };

/** Normalise the sample's ASCII punctuation the way the parser will (full width in Chinese text). */
function full(s: string): string {
  return s.replace(/[,:!;?()]/g, (c) => FULL[c]!);
}

/** Split `XX` placeholders out of text. */
function inlines(s: string): Inline[] {
  return s.split(/(XX+)/).filter(Boolean).map((v) => (/^XX+$/.test(v) ? { type: 'placeholder', value: v } : { type: 'text', value: v }));
}

/** A hand-built model of the sample (until the text parser lands): title, headings, leads, credit. */
export function sampleSpeech(): Speech {
  const lines = readFileSync(SAMPLE, 'utf8').split(/\r?\n/).map((l) => full(l.trim())).filter(Boolean);
  const title = lines[0]!.replace(/^原标题：/, '');
  const children: Block[] = [];
  const credits: Credit[] = [];
  for (const line of lines.slice(1)) {
    const heading = /^([一二三四五六七八九十]+、)(.*)$/.exec(line);
    const lead = /^([一二三四五六七八九十]+是)([^。]*。)(.*)$/.exec(line);
    const credit = /^(编辑)：(.*)$/.exec(line);
    if (heading) children.push({ type: 'heading', depth: 1, marker: heading[1]!, children: inlines(heading[2]!) });
    else if (credit) credits.push({ label: credit[1]!, value: credit[2]! });
    else if (lead)
      children.push({
        type: 'paragraph',
        children: [{ type: 'lead', kind: 'point', marker: lead[1]!, children: inlines(lead[1]! + lead[2]!) }, ...inlines(lead[3]!)],
      });
    else children.push({ type: 'paragraph', children: inlines(line) });
  }
  return { type: 'speech', meta: { title, originalTitle: title, credits, lang: 'zh-CN' }, children };
}

/** A small speech exercising every node type. */
export function tinySpeech(): Speech {
  return {
    type: 'speech',
    meta: {
      title: '在全县经济工作会议上的讲话',
      subtitle: '——在2024年全县经济工作会议上',
      speaker: '县委书记　张三',
      date: '（2024年1月5日）',
      credits: [{ label: '编辑', value: '李四' }],
      lang: 'zh-CN',
    },
    children: [
      { type: 'salutation', children: [{ type: 'text', value: '同志们：' }] },
      { type: 'paragraph', children: [{ type: 'text', value: '今年全县实施重点项目126个，“稳中求进”——这是总基调。' }] },
      { type: 'heading', depth: 1, marker: '一、', children: [{ type: 'text', value: '认真总结经验' }] },
      { type: 'heading', depth: 2, marker: '（一）', children: [{ type: 'text', value: '强化责任落实' }] },
      { type: 'heading', depth: 3, marker: '1.', children: [{ type: 'text', value: '压实责任' }] },
      { type: 'heading', depth: 4, marker: '（1）', children: [{ type: 'text', value: '细化分工' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'lead', kind: 'point', marker: '一是', children: [{ type: 'text', value: '一是坚持项目为王。' }] },
          { type: 'text', value: '共有民生工程' },
          { type: 'placeholder', value: 'XX' },
          { type: 'text', value: '项，' },
          { type: 'emphasis', children: [{ type: 'text', value: '务必按期完成' }] },
          { type: 'text', value: '。' },
        ],
      },
      {
        type: 'table',
        header: true,
        children: [
          { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: '项目' }] }, { type: 'tableCell', children: [{ type: 'text', value: '投资' }] }] },
          { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: '道路' }] }, { type: 'tableCell', children: [{ type: 'text', value: '3亿元' }] }] },
        ],
      },
    ],
  };
}


/** A short notice with its closing furniture (主送, 附件, 落款, 成文日期) and a credit; the parts a test varies are given. */
export function noticeSpeech(o: { title: string; lastAttachment: string; paragraphs: string[] }): Speech {
  return {
    type: 'speech',
    meta: {
      title: o.title,
      credits: [{ label: '编辑', value: '李四' }],
      lang: 'zh-CN',
      furniture: {
        addressee: { text: '各乡镇人民政府，县直各部门：' },
        attachments: [{ text: '附件：1.安全生产检查表' }, { text: o.lastAttachment }],
        signature: [{ text: '某某县安全生产委员会办公室' }],
        signedDate: { text: '二〇二四年十一月五日' },
      },
    },
    children: o.paragraphs.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  };
}
