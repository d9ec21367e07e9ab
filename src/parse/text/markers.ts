/**
 * Sequence markers of Chinese official writing (GB/T 9704 7.3.3 and speech practice):
 * 一、 (1) · （一） (2) · 1. 1． 1、 (3) · （1） (4), and run-in points 一是 … 二十一是, 第一，.
 * Both full-width and ASCII brackets are accepted so detection works with normalization off.
 */

/** A Chinese numeral from 一 to 九十九, as used in markers. */
export const CN_NUMERAL = '(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])';

/** A Chinese numeral up to 九百九十九, as article numbers of long regulations need (第一百四十三条, 第一百一十条). */
export const CN_NUMBER = `(?:[一二三四五六七八九]百(?:零[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])?|${CN_NUMERAL})`;

// `spaced`: the marker is set off from its text by a space only, so the printed marker keeps one (一　形势和任务).
const HEADING_MARKERS: ReadonlyArray<{ depth: 1 | 2 | 3 | 4; re: RegExp; kind?: 'chapter' | 'section'; spaced?: true }> = [
  { depth: 1, re: new RegExp(`^${CN_NUMERAL}\\s*[、.．](?=\\s*\\S)`) },
  { depth: 1, re: new RegExp(`^第${CN_NUMBER}章(?:[\\u3000 ]+|$)`), kind: 'chapter', spaced: true },
  { depth: 2, re: new RegExp(`^第${CN_NUMBER}节(?:[\\u3000 ]+|$)`), kind: 'section', spaced: true },
  // 第一个问题　…, 第一部分　…: the parts of a long speech, text after a space.
  { depth: 1, re: new RegExp(`^第${CN_NUMERAL}(?:个问题|部分|讲|篇)(?:[\\u3000 ]+|$)`), spaced: true },
  // A bare section numeral on its own line (一), or one set off by a space from its title (一　形势和任务).
  { depth: 1, re: new RegExp(`^${CN_NUMERAL}(?:[\\u3000 ]+(?=[^\\s是要])|$)`), spaced: true },
  { depth: 2, re: new RegExp(`^[（(]\\s*${CN_NUMERAL}\\s*[）)]\\s*`) },
  { depth: 4, re: /^[（(]\s*\d{1,2}\s*[）)]\s*/ },
  { depth: 3, re: /^\d{1,2}\s*(?:[.．](?!\d)|、)\s*/ },
];

/** A heading marker at the start of `text`. */
export interface MarkerMatch {
  /** Heading level the marker stands for. */
  depth: 1 | 2 | 3 | 4;
  /** The marker as written, trailing spaces dropped. */
  marker: string;
  /** Code-unit length of the match including spaces after the marker. */
  length: number;
  /** 第X章 / 第X节 markers of a regulation. */
  kind?: 'chapter' | 'section';
}

/** The heading marker `text` starts with, if any. */
export function headingMarker(text: string): MarkerMatch | undefined {
  for (const { depth, re, kind, spaced } of HEADING_MARKERS) {
    const m = re.exec(text);
    if (!m) continue;
    const core = m[0].replace(/\s+/g, '');
    const marker = spaced && core !== m[0] && m[0].length < text.length ? `${core}\u3000` : core;
    return { depth, marker, length: m[0].length, ...(kind && { kind }) };
  }
  return undefined;
}

/** Run-in point markers: 一是 … 二十一是, 第一， 第一、. */
export const POINT_MARKER = new RegExp(`${CN_NUMERAL}是|第${CN_NUMERAL}[，、,]`, 'g');

/** Marks after which a new point may start mid-paragraph. */
export const POINT_BEFORE = new Set(['。', '；', '：', '！', '？', ';', ':', '!', '?']);

/** Sentence ends for run-in leads. */
export const SENTENCE_END = new Set(['。', '！', '？', '!', '?']);

/** Marks that forbid a line from being a heading: a heading carries no sentence punctuation. */
export const HEADING_FORBIDDEN = /[。！？；;]/;

/** Longest line, in code points, still taken as a heading of its own. */
export const MAX_HEADING_LENGTH = 40;

/** A regulation article number opening a paragraph: 第一条, 第一百四十三条, with an optional bracketed caption. */
export const ARTICLE = new RegExp(`^第${CN_NUMBER}条(?=[\\u3000 （(]|$)(?:[\\u3000 ]*[（(][^（）()。]{1,24}[）)])?`);
