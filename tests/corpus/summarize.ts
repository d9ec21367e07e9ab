/**
 * The corpus check's view of a parsed speech: title block, salutations, furniture and the heading
 * outline, as short strings only (expectation files must never hold corpus passages).
 */
import { blockText, inlineText } from '../../src/model/to-plain-text.ts';
import type { Speech } from '../../src/model/types.ts';

/** Longest string kept for a heading, salutation or furniture line. */
export const CUT = 12;

/** What `npm run corpus` compares for one file. */
export interface CorpusSummary {
  /** Printed title lines, each cut to 2 × CUT characters (empty when the text has no title). */
  titleLines: string[];
  /** Subtitle, cut to CUT characters, or null. */
  subtitle: string | null;
  /** Speaker line, or null. */
  speaker: string | null;
  /** Date line, or null. */
  date: string | null;
  /** Title-block notes. */
  notes: string[];
  /** Salutation blocks, each cut to CUT characters. */
  salutations: string[];
  /** Furniture lines, each cut to CUT characters: doc number, issuer, addressee, signature, signed date, attachments; `closesBefore` the block the 落款 prints before when text follows it, `titleAfterClosing` for an order, `issuedTitle` for a 印发 notice. */
  furniture: Record<string, string | string[]>;
  /** Heading count per depth, `{ "1": 3, "2": 7 }` (depths without headings left out). */
  headings: Record<string, number>;
  /** The first five headings, marker + text, each cut to CUT characters. */
  firstHeadings: string[];
}

const cut = (s: string): string => ([...s].length > CUT ? [...s].slice(0, CUT).join('') : s);

/** The summary of one parsed speech. */
export function summarize(speech: Speech): CorpusSummary {
  const m = speech.meta;
  const headings: Record<string, number> = {};
  const first: string[] = [];
  const salutations: string[] = [];
  for (const b of speech.children) {
    if (b.type === 'salutation') salutations.push(cut(inlineText(b.children)));
    if (b.type !== 'heading') continue;
    headings[String(b.depth)] = (headings[String(b.depth)] ?? 0) + 1;
    if (first.length < 5) first.push(cut(b.marker + inlineText(b.children)));
  }
  const furniture: Record<string, string | string[]> = {};
  const f = m.furniture ?? {};
  if (f.issuer) furniture.issuer = cut(f.issuer.text);
  if (f.docNumber) furniture.docNumber = cut(f.docNumber.text);
  if (f.addressee) furniture.addressee = cut(f.addressee.text);
  if (f.signature?.length) furniture.signature = f.signature.map((l) => cut(l.text));
  if (f.signedDate) furniture.signedDate = cut(f.signedDate.text);
  if (f.attachments?.length) furniture.attachments = f.attachments.map((l) => cut(l.text));
  // Where the 落款 prints when the text goes on past it: before this block (and the title with it, for an order).
  const after = f.closesAt !== undefined ? speech.children[f.closesAt] : undefined;
  if (after) furniture.closesBefore = cut(blockText(after));
  if (f.titleAfterClosing) furniture.titleAfterClosing = 'yes';
  if (f.issuedTitle) furniture.issuedTitle = cut(f.issuedTitle.text);
  return {
    titleLines: (m.titleLines ?? (m.title ? [m.title] : [])).map((t) => ([...t].length > CUT * 2 ? [...t].slice(0, CUT * 2).join('') : t)),
    subtitle: m.subtitle ? cut(m.subtitle) : null,
    speaker: m.speaker ?? null,
    date: m.date ?? null,
    notes: m.notes ?? [],
    salutations,
    furniture,
    headings,
    firstHeadings: first,
  };
}

/** Field-by-field differences between what was expected and what was found (empty when they match). */
export function compare(expected: CorpusSummary, found: CorpusSummary): string[] {
  const out: string[] = [];
  for (const key of Object.keys(expected) as Array<keyof CorpusSummary>) {
    const e = JSON.stringify(expected[key]);
    const f = JSON.stringify(found[key]);
    if (e !== f) out.push(`${key}: expected ${e}, found ${f}`);
  }
  return out;
}
