/**
 * The few style facts the reader needs from `word/styles.xml`: whether a style makes text bold,
 * and which list a paragraph style numbers its paragraphs with. `w:basedOn` chains are followed.
 */
import { child, childrenNamed, isOn, path, val, type XmlNode } from './xml.ts';

/** A list reference: `w:numPr` resolved to numbers. */
export interface NumRef {
  /** The `w:num` instance id; 0 means "no numbering". */
  numId: number;
  /** List level, 0-based. */
  ilvl: number;
}

/** Resolved style lookups. */
export interface Styles {
  /** Bold from a paragraph style (its run properties), undefined when the style does not say. */
  paragraphBold(styleId: string | undefined): boolean | undefined;
  /** Bold from a character style, undefined when the style does not say. */
  characterBold(styleId: string | undefined): boolean | undefined;
  /** The numbering a paragraph style applies, if any. */
  paragraphNumbering(styleId: string | undefined): Partial<NumRef> | undefined;
  /** The `w:num` a numbering style (list style) stands for, for `w:numStyleLink`. */
  numberingStyleNumId(styleId: string): number | undefined;
  /** Title or subtitle, when the paragraph style (or one it is based on) is Word's Title/Subtitle. */
  paragraphRole(styleId: string | undefined): 'title' | 'subtitle' | undefined;
  /** Outline level (0-based, as `w:outlineLvl`) from the style chain, or a built-in heading style's. */
  outlineLevel(styleId: string | undefined): number | undefined;
  /** Paragraph alignment (`w:jc`) from the style chain. */
  alignment(styleId: string | undefined): string | undefined;
  /** Bold from the document defaults. */
  defaultBold: boolean;
  /** The id of the default paragraph style. */
  defaultParagraphStyle: string | undefined;
}

/** Read `w:numPr` into numbers; missing parts stay undefined. */
export function readNumPr(numPr: XmlNode | undefined): Partial<NumRef> | undefined {
  if (!numPr) return undefined;
  const out: Partial<NumRef> = {};
  const numId = val(numPr, 'w:numId');
  const ilvl = val(numPr, 'w:ilvl');
  if (numId !== undefined) out.numId = Number(numId);
  if (ilvl !== undefined) out.ilvl = Number(ilvl);
  return out;
}

/** Build style lookups from the parsed styles part (absent part → no styles). */
export function readStyles(part: XmlNode[] | undefined): Styles {
  const byId = new Map<string, XmlNode>();
  let defaultParagraphStyle: string | undefined;
  const root = path(part, 'w:styles');
  for (const s of childrenNamed(root, 'w:style')) {
    const id = s.attrs['w:styleId'];
    if (!id) continue;
    byId.set(`${s.attrs['w:type'] ?? 'paragraph'}:${id}`, s);
    if (s.attrs['w:type'] === 'paragraph' && isOn({ name: '', attrs: { 'w:val': s.attrs['w:default'] ?? '0' }, children: [] })) {
      defaultParagraphStyle = id;
    }
  }
  const defaultBold = isOn(path(root, 'w:docDefaults', 'w:rPrDefault', 'w:rPr', 'w:b')) ?? false;

  // Walk the basedOn chain until `pick` finds a value; guards against cycles.
  function inherit<T>(type: string, id: string | undefined, pick: (s: XmlNode) => T | undefined): T | undefined {
    const seen = new Set<string>();
    while (id && !seen.has(id)) {
      seen.add(id);
      const s = byId.get(`${type}:${id}`);
      if (!s) return undefined;
      const v = pick(s);
      if (v !== undefined) return v;
      id = val(s, 'w:basedOn');
    }
    return undefined;
  }
  const bold = (s: XmlNode): boolean | undefined => isOn(child(child(s, 'w:rPr'), 'w:b'));

  const nameOf = (s: XmlNode): string => (val(s, 'w:name') ?? '').toLowerCase();
  const role = (s: XmlNode): 'title' | 'subtitle' | undefined => {
    const n = nameOf(s);
    const id = (s.attrs['w:styleId'] ?? '').toLowerCase();
    if (n === 'title' || id === 'title' || n === '标题' && !/\d/.test(id)) return 'title';
    if (n === 'subtitle' || id === 'subtitle' || n === '副标题') return 'subtitle';
    return undefined;
  };
  const outline = (s: XmlNode): number | undefined => {
    const lvl = val(child(s, 'w:pPr'), 'w:outlineLvl');
    if (lvl !== undefined && Number(lvl) < 9) return Number(lvl);
    const m = /^(?:heading|标题)\s*(\d)$/.exec(nameOf(s));
    return m ? Number(m[1]) - 1 : undefined;
  };

  return {
    paragraphRole: (id) => inherit('paragraph', id, role),
    outlineLevel: (id) => inherit('paragraph', id, outline),
    alignment: (id) => inherit('paragraph', id ?? defaultParagraphStyle, (s) => val(child(s, 'w:pPr'), 'w:jc')),
    paragraphBold: (id) => inherit('paragraph', id ?? defaultParagraphStyle, bold),
    characterBold: (id) => inherit('character', id, bold),
    paragraphNumbering: (id) => inherit('paragraph', id ?? defaultParagraphStyle, (s) => readNumPr(child(child(s, 'w:pPr'), 'w:numPr'))),
    numberingStyleNumId: (id) => inherit('numbering', id, (s) => readNumPr(child(child(s, 'w:pPr'), 'w:numPr'))?.numId),
    defaultBold,
    defaultParagraphStyle,
  };
}
