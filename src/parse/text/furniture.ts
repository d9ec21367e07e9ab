/**
 * Furniture of official texts found among the body lines: the 主送 line (`各区政府，各相关单位：`)
 * right under the title block, the 落款 (organ or signer line, then the date) after the text it
 * signs, and 附件 lines (`附件：1.…` with continuation lines `2.…`). GB/T 9704-2012 §7.3.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Block, Furniture, MetaLine } from '../../model/types.ts';
import { blockText } from '../../model/to-plain-text.ts';
import { spanPosition } from './build-inlines.ts';
import { headingMarker } from './markers.ts';
import { lineText, type PreparedLine } from './prepare-line.ts';
import { isSalutationText } from './salutation.ts';
import { DATE, PLAIN_DATE } from './title-shapes.ts';
import { codePointLength } from '../../transform/code-points.ts';

/** Organs an addressee part ends with. */
const ORGAN = /(?:政府|部门|单位|机构|机关|委员会|党委|党组|局|厅|委|办|办公室|院|校|公司|企业|集团|银行|支部|中心|政治局|书记处|军区|街道|乡镇)$/;
/** An attachment line: `附件：…` or `附件1：…`. */
const ATTACHMENT = /^附\s*件\s*\d*\s*[:：]\s*\S/;
/** A continuation of an attachment list: `2.…`. */
const ATTACHMENT_MORE = /^\d{1,2}\s*[.．、]\s*\S/;
/** Longest signature line (organ name or 职务 + 姓名). */
const MAX_SIGNATURE = 26;

/** The MetaLine for a prepared line. */
function metaLine(l: PreparedLine): MetaLine {
  const position = spanPosition(l, 0, l.chars.length);
  return position ? { text: lineText(l), position } : { text: lineText(l) };
}

/** Whether `t` is a 主送 line: organs separated by commas, ending in ：. */
export function isAddresseeLine(t: string): boolean {
  const m = /^(.+?)[：:]$/.exec(t);
  if (!m || codePointLength(t) > 120 || /[。！？；]/.test(t)) return false;
  const parts = m[1]!.split(/[，,、]/).filter((p) => p.trim() !== '');
  return parts.length > 0 && parts.every((p) => ORGAN.test(p.trim()) && codePointLength(p) <= 30);
}

/** Whether `t` can be a signature line: an organ or a signer, no punctuation, not a heading. */
function isSignature(t: string): boolean {
  return codePointLength(t) <= MAX_SIGNATURE && /^[\p{Script=Han}A-ZＸ×·（）()〔〕 \u3000]+$/u.test(t) && !headingMarker(t) && !isSalutationText(t);
}

/** The body lines left after the furniture is taken out. */
export interface TakenFurniture {
  /** The lines that stay in the body. */
  lines: PreparedLine[];
  /** Index in `lines` of the first line after the 落款, when the text goes on past it (the document a notice or an order issues). */
  closesAt?: number;
  /** The 成文日期 line taken out, when a 落款 was found (formats that hold more than lines place the 落款 by it). */
  dateLine?: PreparedLine;
}

/**
 * Take furniture out of the body lines: the addressee when it is the first line, the first
 * signature + date pair that follows body text, and attachment lines. Returns the lines that stay
 * and where the 落款 stood, since the text may go on after it (the document a notice issues).
 */
export function takeFurniture(body: PreparedLine[], furniture: Furniture): TakenFurniture {
  let closingAt: number | undefined;
  let dateLine: PreparedLine | undefined;
  const drop = new Set<number>();
  const first = body[0];
  if (first && !first.table && isAddresseeLine(lineText(first))) {
    furniture.addressee = metaLine(first);
    drop.add(0);
  }
  // 落款: one or two signature lines right above a date line, after at least one body line.
  for (let j = 2; j < body.length; j++) {
    const d = body[j]!;
    const dt = d.table ? '' : lineText(d);
    if (!PLAIN_DATE.test(dt) && !(DATE.test(dt) && !/[（(]/.test(dt))) continue;
    const sig: number[] = [];
    for (let k = j - 1; k >= 1 && sig.length < 2 && !body[k]!.table && !drop.has(k) && isSignature(lineText(body[k]!)); k--) sig.unshift(k);
    if (sig.length === 0 && j !== body.length - 1) continue;
    if (sig[0] === 0 || (sig.length === 0 && j === 0)) continue;
    furniture.signature = sig.map((k) => metaLine(body[k]!));
    furniture.signedDate = metaLine(d);
    closingAt = j;
    dateLine = d;
    for (const k of [...sig, j]) drop.add(k);
    if (furniture.signature.length === 0) delete furniture.signature;
    break;
  }
  // 附件说明: `附件：…` and the numbered lines under it.
  for (let j = 0; j < body.length; j++) {
    if (body[j]!.table || !ATTACHMENT.test(lineText(body[j]!))) continue;
    const lines = [metaLine(body[j]!)];
    drop.add(j);
    for (let k = j + 1; k < body.length && !body[k]!.table && ATTACHMENT_MORE.test(lineText(body[k]!)) && [...lineText(body[k]!)].length <= 40; k++) {
      lines.push(metaLine(body[k]!));
      drop.add(k);
    }
    furniture.attachments = lines;
    break;
  }
  const lines: PreparedLine[] = [];
  let closesAt: number | undefined;
  body.forEach((l, k) => {
    if (drop.has(k)) return;
    if (closingAt !== undefined && k > closingAt && closesAt === undefined) closesAt = lines.length;
    lines.push(l);
  });
  return { lines, ...(closesAt !== undefined && { closesAt }), ...(dateLine && { dateLine }) };
}

/**
 * Whether the lines of one paragraph (a Markdown paragraph with soft line breaks) are furniture typed
 * one per line, so they must stay lines: an attachment list (`附件：1.…` / `2.…`), or a 落款 (one
 * or two signature lines, then the date).
 */
export function isFurnitureBlock(lines: string[]): boolean {
  if (lines.length < 2) return false;
  if (ATTACHMENT.test(lines[0]!)) return lines.slice(1).every((l) => ATTACHMENT_MORE.test(l) && codePointLength(l) <= 40);
  const date = lines[lines.length - 1]!;
  return lines.length <= 3 && PLAIN_DATE.test(date) && lines.slice(0, -1).every(isSignature);
}

/** The info finding that says the 落款 prints mid-document, before the block at `closesAt`; none when it closes the text. */
export function closesAtFinding(f: Furniture, children: readonly Block[], title: string): Diagnostic[] {
  if (f.closesAt === undefined) return [];
  const after = children[f.closesAt];
  if (!after) return [];
  const t = [...blockText(after)];
  const excerpt = t.length > 16 ? `${t.slice(0, 16).join('')}…` : t.join('');
  return [diagnostic('info', 'parse/furniture-closesAt', f.titleAfterClosing
    ? `落款后是命令（令）所公布的文件：标题“${title}”和其后的正文排在落款和成文日期之后，令的版头只排发文机关标志和令号（GB/T 9704-2012 10.2）`
    : f.issuedTitle
      ? `落款后是所印发的文件：标题“${f.issuedTitle.text}”居中排在落款和成文日期之后，其后是该文件的正文`
      : `落款后还有正文：从“${excerpt}”起是所印发的文件，排在落款和成文日期之后`, f.issuedTitle?.position ?? after.position)];
}

/** What each furniture part is called in findings, and where GB/T 9704 prints it. */
const PLACES: ReadonlyArray<[Exclude<keyof Furniture, 'closesAt' | 'titleAfterClosing' | 'issuedTitle'>, string]> = [
  ['issuer', '发文机关标志，排在标题上方'],
  ['docNumber', '发文字号，排在标题下方居中'],
  ['addressee', '主送机关，排在正文前顶格'],
  ['attachments', '附件说明，排在正文下空一行'],
  ['signature', '落款，排在正文后右空二字'],
  ['signedDate', '成文日期，排在落款下'],
];

/** One info finding per furniture part, so no line leaves the body silently. */
export function furnitureFindings(f: Furniture): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [key, what] of PLACES) {
    const v = f[key];
    const lines = Array.isArray(v) ? v : v ? [v] : [];
    if (lines.length === 0) continue;
    // An order's head is its issuer and 令号; its title follows the 落款 (GB/T 9704-2012 10.2).
    const place = f.titleAfterClosing && key === 'docNumber' ? '令号，排在发文机关标志下空二行居中'
      : f.titleAfterClosing && key === 'issuer' ? '发文机关标志，排在首页居中'
      : f.issuer && key === 'docNumber' ? '发文字号，排在发文机关标志下空二行居中，标题在其下'
      : what;
    out.push(diagnostic('info', `parse/furniture-${key}`, `“${lines.map((l) => l.text).join(' / ')}”是${place}`, lines[0]!.position));
  }
  return out;
}
