/**
 * The title block: title (with an optional 原标题 prefix), subtitle ——…, speaker and date lines.
 * Only lines right under the title count; the first other line starts the body.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnostic } from '../../diagnostics/diagnostic.ts';
import type { SpeechMeta } from '../../model/types.ts';
import { spanPosition } from './build-inlines.ts';
import { isSalutation } from './build-blocks.ts';
import { HEADING_FORBIDDEN, headingMarker } from './markers.ts';
import { lineText, type PreparedLine } from './prepare-line.ts';

/** `原标题：` prefix of a reposted speech. */
const ORIGINAL = /^[（(]?原标题\s*[:：]\s*/;
/** Dashes a subtitle may start with: ——, —, --, －－, ―― and box-drawing look-alikes. */
const DASH = /^(?:——|[—―─━－-]{1,2})\s*/;
/** A date line, Arabic or Chinese numerals, brackets optional. */
const DATE = /^[（(]?\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?\s*[）)]?$/;
/** A speaker line: a title and/or a name (possibly a blank ×××), Han and spaces only. */
const SPEAKER = /^[\p{Script=Han}·•×XＸ○_＿]+(?:[ \u3000]+[\p{Script=Han}·•×XＸ○_＿]+){0,3}$/u;
/** A subtitle typed without dashes: 在…上的讲话. */
const OCCASION = /^在.{2,40}(?:讲话|致辞|发言|报告|讲稿)$/;
/** Longest line taken as a title. */
const MAX_TITLE = 60;

/** The title block read from the first lines, and how many lines it took. */
export function readTitleBlock(
  lines: PreparedLine[],
  normalize: boolean,
  diagnostics: Diagnostic[],
): { meta: Omit<SpeechMeta, 'credits' | 'lang'>; used: number } {
  const first = lines[0];
  const positions: NonNullable<SpeechMeta['positions']> = {};
  const meta: Omit<SpeechMeta, 'credits' | 'lang'> = { title: '' };
  if (!first || first.table) return { meta, used: 0 };
  let text = lineText(first);
  const orig = ORIGINAL.exec(text);
  const titleStart = orig ? [...orig[0]].length : 0;
  if (orig) text = text.slice(orig[0].length).replace(/[）)]$/, '');
  if ([...text].length > MAX_TITLE || HEADING_FORBIDDEN.test(text.slice(0, -1)) || headingMarker(text) || isSalutation(text)) {
    const quoted = [...text].length > 20 ? `${[...text].slice(0, 20).join('')}…` : text;
    diagnostics.push(diagnostic('warning', 'parse/no-title', `第一行“${quoted}”不像标题（过长，或像句子、小标题、称呼语），讲话稿将没有标题`,
      spanPosition(first, 0, first.chars.length), '把标题单独写在第一行'));
    return { meta, used: 0 };
  }
  meta.title = text;
  const tpos = spanPosition(first, titleStart, first.chars.length);
  if (tpos) positions.title = tpos;
  if (orig) {
    meta.originalTitle = text;
    if (tpos) positions.originalTitle = tpos;
  }

  let used = 1;
  for (; used < lines.length && used <= 5; used++) {
    const l = lines[used]!;
    if (l.table) break;
    const t = lineText(l);
    const pos = spanPosition(l, 0, l.chars.length);
    const o = ORIGINAL.exec(t);
    const dash = DASH.exec(t);
    if (o && meta.originalTitle === undefined) {
      meta.originalTitle = t.slice(o[0].length).replace(/[）)]$/, '');
      if (pos) positions.originalTitle = pos;
    } else if (dash && meta.subtitle === undefined && [...t].length <= MAX_TITLE && t.length > dash[0].length) {
      const body = t.slice(dash[0].length);
      meta.subtitle = normalize ? `——${body}` : t;
      if (normalize && dash[0] !== '——') {
        diagnostics.push(diagnostic('info', 'normalize/dash', `副标题破折号改为“——”：“${dash[0]}” → “——”`, spanPosition(l, 0, [...dash[0]].length)));
      }
      if (pos) positions.subtitle = pos;
    } else if (used === 1 && meta.subtitle === undefined && OCCASION.test(t)) {
      meta.subtitle = t;
      if (pos) positions.subtitle = pos;
    } else if (DATE.test(t) && meta.date === undefined) {
      meta.date = t;
      if (pos) positions.date = pos;
    } else if (SPEAKER.test(t) && [...t].length <= 24 && meta.speaker === undefined && !headingMarker(t) && !/们$/.test(t)) {
      meta.speaker = t;
      if (pos) positions.speaker = pos;
    } else break;
  }
  if (Object.keys(positions).length > 0) meta.positions = positions;
  return { meta, used };
}
