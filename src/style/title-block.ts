/**
 * The title block and the furniture of an official text as printed. Above the title an issuer
 * header (上海市人民政府令) with the 文号 two blank lines under it; the title in its written lines
 * (the writer's breaks kept); subtitle, notes (（摘要）), the 原标题 line when the preset prints it
 * and, without an issuer header, the 文号, all centred; then after a blank grid line the speaker
 * and date lines in the order written. An order's title may follow its 落款 instead (§10.2). Under the body: 附件说明 one
 * blank line down, indented two characters; the 落款 right-aligned 右空二字 with the date under it
 * starting two characters right of the signature (GB/T 9704-2012 7.3.5.3, no seal). The exact
 * printed text of each line is decided here (trimmed; `（原标题：…）`).
 * Reference: GB/T 9704-2012 7.2–7.3; typesetting.md §1.3, §2.1.
 */
import type { Position, SpeechMeta } from '../model/types.ts';
import type { FontRole } from '../fonts/roles.ts';
import type { Preset } from './preset.ts';
import type { BlockAlign, BlockRole, StyledTextBlock } from './types.ts';
import { baseLook } from './looks.ts';
import { splitByFace, type FacePicker } from './faces.ts';
import { isCellChar } from './cell-chars.ts';

/** The printed 原标题 line. */
export function originalTitleLine(originalTitle: string): string {
  return `（原标题：${originalTitle}）`;
}

/** How one line of the title block or furniture is set. */
interface LineSpec {
  /** What it is. */
  role: BlockRole;
  /** Its printed lines (several only for the title). */
  lines: string[];
  /** Source span. */
  position?: Position | undefined;
  /** Font role and size. */
  fontRole: FontRole;
  /** Size in points. */
  sizePt: number;
  /** Alignment. */
  align: BlockAlign;
  /** First-line indent in characters. */
  indentChars?: number;
  /** Right-end indent in characters (right-aligned lines). */
  endIndentChars?: number;
  /** Where wrapped lines start (`StyledTextBlock.hangAt`), a UTF-16 offset of the trimmed line. */
  hangAt?: number;
}

/** Set a title-block or furniture line; empty when it has no text. */
export function metaBlock(spec: LineSpec, faces: FacePicker): StyledTextBlock[] {
  const lines = spec.lines.map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) return [];
  const look = baseLook(spec.fontRole, spec.sizePt);
  const runs = splitByFace(lines.map((text) => ({ text, look, ...(spec.position ? { position: spec.position } : {}) })), faces);
  // A writer's line break: the first run of every line after the first starts a new line.
  for (let k = 1; k < lines.length; k++) {
    const first = runs.find((r) => r.span === k);
    if (first) first.breakBefore = true;
  }
  const block: StyledTextBlock = {
    type: 'text', role: spec.role, tag: spec.role === 'title' ? 'Title' : 'P', ...(spec.position ? { source: spec.position } : {}),
    align: spec.align, indentChars: spec.indentChars ?? 0, fontRole: spec.fontRole, sizePt: spec.sizePt, blankLinesBefore: 0, runs,
  };
  if (spec.endIndentChars !== undefined) block.endIndentChars = spec.endIndentChars;
  if (spec.hangAt !== undefined && spec.hangAt > 0) block.hangAt = spec.hangAt;
  return [block];
}

/** A centred title-block line in its face and size; empty when it has no text. */
function centredLine(preset: Preset, faces: FacePicker, role: BlockRole, text: string | undefined, position?: Position, fontRole: FontRole = 'titleBlock'): StyledTextBlock[] {
  return metaBlock({ role, lines: text ? [text] : [], position, fontRole, sizePt: fontRole === 'title' ? preset.titleSizePt : fontRole === 'body' ? preset.bodySizePt : preset.titleBlockSizePt, align: 'center' }, faces);
}

/** The title in its written lines, then subtitle, notes and the 原标题 line when the preset prints it. */
function titleLines(meta: SpeechMeta, preset: Preset, faces: FacePicker): StyledTextBlock[] {
  const at = meta.positions ?? {};
  const centred = (role: BlockRole, text: string | undefined, position?: Position) => centredLine(preset, faces, role, text, position);
  const out = [
    ...metaBlock({ role: 'title', lines: meta.titleLines?.length ? meta.titleLines : [meta.title], position: at.title, fontRole: 'title', sizePt: preset.titleSizePt, align: 'center' }, faces),
    ...centred('subtitle', meta.subtitle, at.subtitle),
    ...(meta.notes ?? []).flatMap((n) => centred('note', n)),
  ];
  if (preset.printOriginalTitle && meta.originalTitle && meta.originalTitle !== meta.title) {
    out.push(...centred('originalTitle', originalTitleLine(meta.originalTitle), at.originalTitle));
  }
  return out;
}

/**
 * The title-block lines of a speech (issuer header included); empty when it has none. Under an
 * issuer header come the 文号 and then the title; without one the 文号 goes under the title. The head
 * of an order whose title belongs to the regulation it issues is the issuer and the 令号 only
 * (GB/T 9704-2012 10.2); the title follows the 落款.
 */
export function titleBlock(meta: SpeechMeta, preset: Preset, faces: FacePicker): StyledTextBlock[] {
  const f = meta.furniture;
  const at = meta.positions ?? {};
  const centred = (role: BlockRole, text: string | undefined, position?: Position, fontRole: FontRole = 'titleBlock') => centredLine(preset, faces, role, text, position, fontRole);
  const order = f?.titleAfterClosing === true;
  const issuer = centred('issuer', f?.issuer?.text, f?.issuer?.position, 'title');
  const docNumber = centred('docNumber', f?.docNumber?.text, f?.docNumber?.position, 'body');
  const title = order ? [] : titleLines(meta, preset, faces);
  let out: StyledTextBlock[];
  if (issuer.length > 0) {
    // Under an issuer header the 文号 (or 令号) stands two blank lines down and the title two lines
    // under it (GB/T 9704-2012 7.2.4, 7.3.1, 10.2).
    if (docNumber[0]) docNumber[0].blankLinesBefore = 2;
    if (title[0] && docNumber.length > 0) title[0].blankLinesBefore = 2;
    out = [...issuer, ...docNumber, ...title];
  } else {
    // Without a header (a reprint), the 文号 is printed centred under the title.
    out = [...title, ...docNumber];
  }
  // Speaker and date in the order written (date first when the writer put it first).
  const dateFirst = (meta.order ?? []).indexOf('date') >= 0 && (meta.order ?? []).indexOf('date') < (meta.order ?? []).indexOf('speaker');
  const speaker = centred('speaker', meta.speaker, at.speaker);
  const date = centred('date', meta.date, at.date);
  const byline = dateFirst ? [...date, ...speaker] : [...speaker, ...date];
  if (byline[0]) byline[0].blankLinesBefore = 1;
  return [...out, ...byline];
}

/**
 * The title of the document printed after the 落款: the regulation an order issues (the speech's
 * title), or the document a 印发 notice issues; empty for any other text.
 */
export function issuedTitleBlock(meta: SpeechMeta, preset: Preset, faces: FacePicker): StyledTextBlock[] {
  const f = meta.furniture;
  const issued = f?.issuedTitle;
  const out = f?.titleAfterClosing === true ? titleLines(meta, preset, faces)
    : issued ? metaBlock({ role: 'title', lines: [issued.text], position: issued.position, fontRole: 'title', sizePt: preset.titleSizePt, align: 'center' }, faces)
    : [];
  if (out[0]) out[0].blankLinesBefore = 1;
  return out;
}

/** 主送机关 (flush left, under the title block). */
export function addresseeBlock(meta: SpeechMeta, preset: Preset, faces: FacePicker): StyledTextBlock[] {
  const a = meta.furniture?.addressee;
  return metaBlock({ role: 'addressee', lines: a ? [a.text] : [], position: a?.position, fontRole: 'body', sizePt: preset.bodySizePt, align: 'justify' }, faces);
}

/** Where an attachment line's name begins: after 附件： and a number (1. 1． 1、 （1）), if any. */
function nameStart(text: string): number {
  return /^(?:附件[：:]\s*)?(?:(?:\d+|[一二三四五六七八九十]+)[.．、]\s*|[（(]\d+[）)]\s*)?/u.exec(text)![0].length;
}

/** Width of a line in character cells: Han and full-width marks one, Latin and digits about half. */
function cells(text: string): number {
  let n = 0;
  for (const ch of text) n += isCellChar(ch.codePointAt(0)!) ? 1 : 0.5;
  return n;
}

/** 附件说明, then 落款 and 成文日期 (GB/T 9704-2012 7.3.4–7.3.5, without a seal). */
export function closingBlocks(meta: SpeechMeta, preset: Preset, faces: FacePicker): StyledTextBlock[] {
  const f = meta.furniture;
  if (!f) return [];
  const body = { fontRole: 'body' as const, sizePt: preset.bodySizePt };
  // 附件：1.… then 2.… under the 1. (GB/T 9704-2012 7.3.4: the names line up under the first one's).
  const lead = /^附件[：:]\s*/.exec(f.attachments?.[0]?.text ?? '')?.[0];
  const under = lead ? 2 + cells(lead) : 2;
  // A long name wraps under its own first character: after 附件： and the number (GB/T 9704-2012 7.3.4).
  const attachments = (f.attachments ?? []).flatMap((a, k) =>
    metaBlock({ role: 'attachment', lines: [a.text], position: a.position, ...body, align: 'justify', indentChars: k === 0 ? 2 : under, hangAt: nameStart(a.text.trim()) }, faces));
  if (attachments[0]) attachments[0].blankLinesBefore = 1;
  const signature = f.signature ?? [];
  const name = Math.max(0, ...signature.map((s) => cells(s.text.trim())));
  const date = f.signedDate ? cells(f.signedDate.text.trim()) : 0;
  // The name ends two characters in; the date starts two characters right of the name's start.
  // A date longer than that takes the two characters itself and pushes the name left.
  let nameEnd = 2;
  let dateEnd = name - date;
  if (dateEnd < 2) {
    dateEnd = 2;
    nameEnd = date + 4 - name;
  }
  const closing = [
    ...signature.flatMap((s) => metaBlock({ role: 'signature', lines: [s.text], position: s.position, ...body, align: 'right', endIndentChars: signature.length > 0 ? nameEnd : 2 }, faces)),
    ...(f.signedDate ? metaBlock({ role: 'signedDate', lines: [f.signedDate.text], position: f.signedDate.position, ...body, align: 'right', endIndentChars: signature.length > 0 ? dateEnd : 2 }, faces) : []),
  ];
  if (closing[0]) closing[0].blankLinesBefore = 1;
  return [...attachments, ...closing];
}
