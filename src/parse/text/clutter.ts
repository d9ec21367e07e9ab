/**
 * Web and database clutter in reposted texts: `【法宝引证码】`, `原文链接：`, `原标题：`, photo credits
 * (`新华社记者 兰红光 摄`), datelines (`新华社北京9月3日电`, `（新华网…电）`), news intros ending
 * `全文如下：`, and HTML tags. Each is cut out of the source line (the rest keeps its columns), kept
 * in `meta.removed` and listed by an info finding, so nothing disappears silently.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Position, Removed, RemovedKind } from '../../model/types.ts';
import type { SourceLine } from '../types.ts';

/** News agencies and sites whose datelines open or close reposted items. */
const AGENCY = '(?:新华社|新华网|人民网|人民日报|中新社|中新网|央视网|央视新闻|中国新闻网|光明网|求是网|新京报|澎湃新闻)';
/** A dateline: agency, place, date, 电. */
const DATELINE = `${AGENCY}[^，。：:\\s]{0,16}?[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日(?:电|讯)`;

/** Whole-line clutter, tried in order on the trimmed line. */
const WHOLE: ReadonlyArray<{ kind: RemovedKind; re: RegExp }> = [
  { kind: 'citation', re: /^【法宝引证码】/ },
  { kind: 'link', re: /^(?:原文链接|原文地址|链接|网址)\s*[:：]\s*\S+$/ },
  { kind: 'link', re: /^https?:\/\/\S+$/ },
  { kind: 'originalTitle', re: /^[（(]?原标题\s*[:：]/ },
  { kind: 'photo', re: /(?:记者|摄影|图|供图)\s*[\p{Script=Han}·]{2,8}(?:\s+[\p{Script=Han}·]{2,8})*\s*摄[）)]?$/u },
  { kind: 'intro', re: new RegExp(`^${DATELINE}`) },
  { kind: 'intro', re: /(?:全文如下|以下为讲话全文|讲话全文如下|以下是讲话全文|全文如次|原文如下)\s*[:：]$/ },
  { kind: 'dateline', re: new RegExp(`^[（(]${DATELINE}[）)]$`) },
];

/** Clutter at the end of a line: a bracketed dateline, an HTML link around a 原标题. */
const TAIL: ReadonlyArray<{ kind: RemovedKind; re: RegExp }> = [
  { kind: 'html', re: /<[^<>]{1,400}>[^<>]*<\/[a-z]+>\s*$/i },
  { kind: 'dateline', re: new RegExp(`[（(]${DATELINE}[）)]\\s*$`) },
];

/** Any HTML tag (`<a href=…>`, `</p>`, `<br/>`). */
const TAG = /<\/?[a-zA-Z][^<>]{0,400}>/g;

/** Where `text` lies in source line `l` from code unit `from`. */
function at(l: SourceLine, text: string, from: number): Position {
  const col = (l.column ?? 0) + [...l.text.slice(0, from)].length + 1;
  return { start: { line: l.line, column: col }, end: { line: l.line, column: col + [...text].length } };
}

/** Short quote of removed text for a message. */
const quote = (s: string): string => ([...s].length > 24 ? `${[...s].slice(0, 24).join('')}…` : s);

/** What each kind is called in findings. */
const NAME: Record<RemovedKind, string> = {
  originalTitle: '原标题', source: '来源', editor: '编辑署名', link: '原文链接', citation: '法宝引证码', photo: '图片说明',
  dateline: '电头', html: '网页标记', repeatedTitle: '重复的标题', intro: '新闻导语',
};

/** The finding for one removed piece. */
export function removedFinding(r: Removed): Diagnostic {
  return diagnostic('info', `parse/removed-${r.kind}`, `${NAME[r.kind]}不排入正文，已移到元数据：“${quote(r.text)}”`, r.position);
}

/**
 * Cut clutter out of `lines`. `introLimit` is how many leading non-blank lines may be news intros
 * (an intro deep in the body is text the writer quoted).
 */
export function removeClutter(lines: SourceLine[], diagnostics: Diagnostic[]): { lines: SourceLine[]; removed: Removed[] } {
  const removed: Removed[] = [];
  const out: SourceLine[] = [];
  const take = (kind: RemovedKind, text: string, position: Position): void => {
    const r: Removed = { kind, text: text.trim(), position };
    removed.push(r);
    diagnostics.push(removedFinding(r));
  };
  let seenBody = 0;
  for (const l of lines) {
    if (l.table) {
      out.push(l);
      continue;
    }
    let text = l.text;
    // Tails first: `谢谢大家。（新华网…电）<a href=…>原标题：…</a>` keeps `谢谢大家。`.
    for (let again = true; again; ) {
      again = false;
      for (const { kind, re } of TAIL) {
        const m = re.exec(text);
        if (!m || m.index === 0 && kind === 'html' && !/原标题/.test(m[0])) continue;
        take(kind === 'html' && /原标题/.test(m[0]) ? 'originalTitle' : kind, m[0].replace(TAG, ''), at(l, m[0], m.index));
        if (kind === 'html') take('html', (m[0].match(TAG) ?? []).join(''), at(l, m[0], m.index));
        text = text.slice(0, m.index);
        again = true;
      }
    }
    // Tags left inside the line go; their text stays.
    const tags = text.match(TAG);
    if (tags) {
      take('html', tags.join(''), at(l, tags[0]!, text.indexOf(tags[0]!)));
      text = text.replace(TAG, '');
    }
    const trimmed = text.trim();
    if (trimmed === '') {
      if (l.text.trim() === '') out.push(l);
      continue;
    }
    const start = text.indexOf(trimmed);
    const whole = WHOLE.find(({ kind, re }) => re.test(trimmed) && (kind !== 'intro' || seenBody < 6));
    if (whole) {
      take(whole.kind, trimmed, at(l, trimmed, start));
      continue;
    }
    seenBody++;
    out.push(text === l.text ? l : { ...l, text });
  }
  return { lines: out, removed };
}
