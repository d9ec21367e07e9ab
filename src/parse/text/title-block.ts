/**
 * The title block: an optional issuer header, one to three title lines (a title may carry its
 * subtitle and speaker on the same line), then subtitle ——…, date, speaker, notes (（摘要）), a
 * document number and a repeated title, in any order. Only lines right under the title count; the
 * first other line starts the body. A text that opens with its salutation or a sentence has no title.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Furniture, Position, Removed, SpeechMeta, TitleBlockPart } from '../../model/types.ts';
import { spanPosition } from './build-inlines.ts';
import { isSalutationLead, isSalutationText } from './salutation.ts';
import { HEADING_FORBIDDEN, headingMarker } from './markers.ts';
import { lineText, type PreparedLine } from './prepare-line.ts';
import { DASH, DATE, DOC_NUMBER, isSpeaker, ISSUER, NOTE, OCCASION, sameText, unspaced } from './title-shapes.ts';
import { codePointLength } from '../../transform/code-points.ts';

/** `原标题：` prefix of a reposted speech. */
const ORIGINAL = /^[（(]?原标题\s*[:：]\s*/;
/** Longest line taken as a title line. */
const MAX_TITLE = 60;
/** A title line longer than this is suspicious (a sentence typed where the title belongs). */
const LONG_TITLE = 40;
/** The usual order of title-block parts. */
const CANONICAL: readonly TitleBlockPart[] = ['title', 'note', 'subtitle', 'speaker', 'date'];
/** Most title lines a title may have. */
const MAX_TITLE_LINES = 3;
/** Title, dash, subtitle (opening with a date or 在), on one line: `政府工作报告——2024年3月5日在…会议上`. */
const INLINE_SUBTITLE = /^(.{2,40}?)\s*(——|――|-{2,}|—|－－)\s*((?:\d{4}年|[〇○零一二三四五六七八九]{4}年|在).+)$/;
/** A speaker written after the subtitle on the same line, after a space. */
const TRAILING_SPEAKER = /^(.+?(?:上|讲话|报告|发言|致辞|演讲))[ \u3000]+(\S.*)$/;

/** The title block read from the first lines. */
export interface TitleBlock {
  /** Title block fields of meta. */
  meta: Omit<SpeechMeta, 'credits' | 'lang'>;
  /** Furniture found in the title block (issuer, document number). */
  furniture: Furniture;
  /** Clutter found in the title block (a repeated title). */
  removed: Removed[];
  /** How many lines it took. */
  used: number;
}

/** Whether a line may be a title line: no sentence inside, no heading marker, not a salutation. */
function titleLike(t: string): boolean {
  // A sentence with a clause in it is the first sentence of the body, however short.
  if (/[。！？!?]$/.test(t) && /[，,；;：:]/.test(t)) return false;
  return codePointLength(t) <= MAX_TITLE && !HEADING_FORBIDDEN.test(t.slice(0, -1)) && !headingMarker(t) && !isSalutationText(t) && !isSalutationLead(t);
}

/** Whether `t` can stand as a title on its own line: short, no sentence, no marker, no name. */
export function isTitleLine(t: string): boolean {
  return titleLike(t) && !isSpeaker(t) && !/[。！？!?：:，,；;]$/.test(t) && !blockLine(t);
}

/** Whether a line continues a title block (so the line above it may still be a title line). */
function blockLine(t: string): boolean {
  return DASH.test(t) || DATE.test(t) || NOTE.test(t) || OCCASION.test(t) || DOC_NUMBER.test(t);
}

/** Read the title block of `lines`. */
export function readTitleBlock(
  lines: PreparedLine[],
  normalize: boolean,
  diagnostics: Diagnostic[],
  given?: { title: string; position?: Position },
): TitleBlock {
  const positions: NonNullable<SpeechMeta['positions']> = {};
  const meta: Omit<SpeechMeta, 'credits' | 'lang'> = { title: '' };
  const furniture: Furniture = {};
  const removed: Removed[] = [];
  const order: TitleBlockPart[] = [];
  const result = (used: number): TitleBlock => {
    if (Object.keys(positions).length > 0) meta.positions = positions;
    // The order is kept only when it is not the usual one (title, notes, subtitle, speaker, date).
    const rank = order.map((p) => CANONICAL.indexOf(p));
    if (rank.some((r, k) => k > 0 && r < rank[k - 1]!)) meta.order = order;
    return { meta, furniture, removed, used };
  };
  let i = 0;
  const text = (k: number): string | undefined => (lines[k] && !lines[k]!.table ? lineText(lines[k]!) : undefined);
  // Whether a title-block line follows within `spare` more short title-like lines from `k` on.
  const blockFollows = (k: number, spare: number): boolean => {
    for (let j = k; j < lines.length && j <= k + spare; j++) {
      const t = text(j);
      if (t === undefined) return false;
      if (blockLine(t)) return true;
      if (!titleLike(t) || isSpeaker(t) || codePointLength(t) > 30) return false;
    }
    return false;
  };
  const pos = (k: number): Position | undefined => (k >= 0 && lines[k] ? spanPosition(lines[k]!, 0, lines[k]!.chars.length) : given?.position);

  // An issuer header (上海市人民政府令) above the title.
  if (text(0) !== undefined && ISSUER.test(text(0)!) && lines.length > 1) {
    furniture.issuer = { text: text(0)!, ...(pos(0) && { position: pos(0) }) };
    i = 1;
    // An order's 令号 right under its issuer (`第19号`): the order itself has no title above its text.
    if (text(1) !== undefined && DOC_NUMBER.test(text(1)!) && !given) {
      furniture.docNumber = { text: text(1)!, ...(pos(1) && { position: pos(1) }) };
      i = 2;
    }
  }
  let first = given ? given.title : text(i);
  if (first === undefined) return result(i);
  if (given) i = -1; // the title came from elsewhere (a 原标题 line); the block under it starts at line 0
  const orig = ORIGINAL.exec(first);
  const titleStart = orig ? [...orig[0]].length : 0;
  if (orig) first = first.slice(orig[0].length).replace(/[）)]$/, '');
  // A Word Title style is the writer's word for it; a centred line at the top is a strong hint.
  const styled = !given && (lines[i]!.style === 'title' || (lines[i]!.centered === true && !isSpeaker(first) && !DATE.test(first)));
  if (!given && !(styled && !isSalutationText(first) && codePointLength(first) <= MAX_TITLE * 2) && !titleLike(first)) {
    const quoted = codePointLength(first) > 20 ? `${[...first].slice(0, 20).join('')}…` : first;
    // Opening with the salutation or the first sentence is a shape of its own: the text has no title.
    const plain = isSalutationText(first) || isSalutationLead(first) || (/[。！？!?]$/.test(first) && !headingMarker(first));
    diagnostics.push(diagnostic(plain ? 'info' : 'warning', 'parse/no-title',
      plain ? `第一行“${quoted}”是称呼或正文，讲话稿没有标题` : `第一行“${quoted}”不像标题（过长，或像句子、小标题、称呼语），讲话稿将没有标题`,
      pos(i), plain ? undefined : '把标题单独写在第一行'));
    return result(i);
  }

  // Title, subtitle and even the speaker typed on one line.
  const titleLines: string[] = [];
  const inline = INLINE_SUBTITLE.exec(first);
  if (inline && !DASH.test(first)) {
    titleLines.push(inline[1]!);
    let sub = inline[3]!;
    const sp = TRAILING_SPEAKER.exec(sub);
    if (sp && isSpeaker(sp[2]!)) {
      sub = sp[1]!;
      meta.speaker = sp[2]!;
      if (pos(i)) positions.speaker = pos(i)!;
    }
    meta.subtitle = normalize ? `——${sub}` : `${inline[2]}${sub}`;
    if (pos(i)) positions.subtitle = pos(i)!;
    diagnostics.push(diagnostic('info', 'parse/title-split', `标题、副标题${meta.speaker ? '和讲话人' : ''}写在同一行，已分开：“${inline[1]}” / “${meta.subtitle}”${meta.speaker ? ` / “${meta.speaker}”` : ''}`, pos(i)));
    order.push('title', 'subtitle', ...(meta.speaker ? (['speaker'] as const) : []));
  } else {
    titleLines.push(first);
    order.push('title');
  }
  const titleFrom = given ? given.position : spanPosition(lines[i]!, titleStart, lines[i]!.chars.length);
  let titleTo = titleFrom;
  if (orig) meta.originalTitle = first;
  i++;

  for (; i < lines.length && i <= 12; i++) {
    const t = text(i);
    if (t === undefined) break;
    const p = pos(i);
    const joined = titleLines.map(unspaced).join('');
    const o = ORIGINAL.exec(t);
    const dash = DASH.exec(t);
    const l = lines[i]!;
    const moreTitle = order.length === titleLines.length && titleLines.length < MAX_TITLE_LINES &&
      (l.softBreak === true || l.style === 'title' || (l.centered === true && lines[i - 1]?.centered === true && titleLike(t) && !isSpeaker(t) && !DATE.test(t) && !DASH.test(t) && !NOTE.test(t)));
    if (moreTitle) {
      // The writer's own break in a title (Shift+Enter, a second Title paragraph, centred lines at the top).
      titleLines.push(t);
      order.push('title');
      titleTo = p;
    } else if (l.style === 'subtitle' && meta.subtitle === undefined) {
      const d = DASH.exec(t);
      meta.subtitle = d && normalize ? `——${t.slice(d[0].length)}` : t;
      if (p) positions.subtitle = p;
      order.push('subtitle');
    } else if (sameText(t, joined) || sameText(unspaced(t), joined)) {
      removed.push({ kind: 'repeatedTitle', text: t, ...(p && { position: p }) });
    } else if (o && meta.originalTitle === undefined) {
      meta.originalTitle = t.slice(o[0].length).replace(/[）)]$/, '');
      if (p) positions.originalTitle = p;
    } else if (dash && meta.subtitle === undefined && codePointLength(t) <= MAX_TITLE && t.length > dash[0].length) {
      const body = t.slice(dash[0].length);
      meta.subtitle = normalize ? `——${body}` : t;
      if (normalize && dash[0] !== '——') {
        diagnostics.push(diagnostic('info', 'normalize/dash', `副标题破折号改为“——”：“${dash[0]}” → “——”`, spanPosition(lines[i]!, 0, [...dash[0]].length)));
      }
      if (p) positions.subtitle = p;
      order.push('subtitle');
    } else if (order.length === titleLines.length && meta.subtitle === undefined && OCCASION.test(t)) {
      meta.subtitle = t;
      if (p) positions.subtitle = p;
      order.push('subtitle');
    } else if (DATE.test(t.replace(/[?？]$/, '')) && meta.date === undefined) {
      meta.date = t.replace(/(?<=[）)])[?？]$/, '');
      if (p) positions.date = p;
      order.push('date');
    } else if (NOTE.test(t)) {
      (meta.notes ??= []).push(t);
      order.push('note');
    } else if (DOC_NUMBER.test(t) && !furniture.docNumber) {
      furniture.docNumber = { text: t, ...(p && { position: p }) };
    } else if (ISSUER.test(t) && !furniture.issuer) {
      furniture.issuer = { text: t, ...(p && { position: p }) };
    } else if (
      order.length === titleLines.length && titleLines.length < MAX_TITLE_LINES && titleLike(t) && !isSpeaker(t) &&
      codePointLength(t) <= 30 && blockFollows(i + 1, MAX_TITLE_LINES - titleLines.length - 1)
    ) {
      // A title broken over lines by the writer: the next line still belongs to the title block.
      titleLines.push(t);
      order.push('title');
      titleTo = p;
    } else if (meta.speaker === undefined && isSpeaker(t) && !headingMarker(t)) {
      meta.speaker = t;
      if (p) positions.speaker = p;
      order.push('speaker');
    } else break;
  }
  meta.titleLines = titleLines;
  meta.title = titleLines.map(unspaced).join('');
  if (titleFrom) positions.title = titleTo ? { start: titleFrom.start, end: titleTo.end } : titleFrom;
  if (orig) {
    meta.originalTitle = meta.title;
    if (titleFrom) positions.originalTitle = titleFrom;
  }
  suspicious(meta, diagnostics);
  return result(i);
}

/** Warn about a title block that looks wrong: a title ending like a sentence, a very long title or speaker line. */
function suspicious(meta: Omit<SpeechMeta, 'credits' | 'lang'>, diagnostics: Diagnostic[]): void {
  const at = meta.positions?.title;
  if (/[。：:]$/.test(meta.title)) {
    diagnostics.push(diagnostic('warning', 'parse/suspicious-title', `标题“${meta.title}”以“${meta.title.slice(-1)}”结尾，像正文或称呼，不像标题`, at, '标题末尾不加句号或冒号；若第一行是正文，在它前面加上标题'));
  } else if ([...meta.title].length > LONG_TITLE) {
    diagnostics.push(diagnostic('warning', 'parse/suspicious-title', `标题长达 ${[...meta.title].length} 字（超过 ${LONG_TITLE} 字），请确认第一行确实是标题`, at, '过长的标题可在适当处换行，写成两三行'));
  }
  if (meta.speaker && [...meta.speaker].length > 24) {
    diagnostics.push(diagnostic('warning', 'parse/suspicious-speaker', `讲话人一行长达 ${[...meta.speaker].length} 字（超过 24 字），请确认`, meta.positions?.speaker));
  }
}
