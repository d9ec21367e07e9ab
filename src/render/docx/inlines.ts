/**
 * Inline nodes → docx runs. Runs take their look from character styles (lead, placeholder) or
 * `w:b` (emphasis); a run's characters that the role's face lacks are split into runs naming the
 * fallback face, so Word and LibreOffice draw them with the face the PDF uses.
 */
import { TextRun } from 'docx';
import type { FontRole } from '../../fonts/roles.ts';
import type { FontSet } from '../../fonts/types.ts';
import type { Inline, Lead } from '../../model/types.ts';
import type { Preset } from '../../style/preset.ts';
import type { FontNamer } from './font-names.ts';
import type { FontUsage } from './font-usage.ts';
import { punctuationLooks, type PunctuationLook } from './punctuation.ts';
import { STYLE } from './styles.ts';

/** What building runs needs. */
export interface InlineContext {
  /** The preset (lead style, heading roles). */
  preset: Preset;
  /** The fonts, for per-character fallback. */
  fonts: FontSet;
  /** Role and face names. */
  names: FontNamer;
  /** Character use per face, for the subsets. */
  usage: FontUsage;
  /** Whether placeholders are highlighted. */
  highlightPlaceholders: boolean;
}

/** Formatting inherited down the inline tree. */
interface RunLook {
  /** Role whose face draws the text. */
  role: FontRole;
  /** Character style id. */
  style?: string;
  /** Direct bold (emphasis). */
  bold?: boolean;
  /** Direct yellow highlight (placeholders). */
  highlight?: boolean;
}

/** Build the runs of inline content set in `role`. */
export function inlineRuns(nodes: readonly Inline[], role: FontRole, c: InlineContext): TextRun[] {
  return nodes.flatMap((n) => nodeRuns(n, { role }, c));
}

/** Build the runs of a plain string set in `role`. */
export function textRuns(text: string, role: FontRole, c: InlineContext): TextRun[] {
  return splitByFace(text, { role }, c);
}

function nodeRuns(n: Inline, look: RunLook, c: InlineContext): TextRun[] {
  switch (n.type) {
    case 'text':
      return splitByFace(n.value, look, c);
    case 'placeholder':
      // The highlight is also direct formatting: LibreOffice ignores highlight in character styles.
      return splitByFace(n.value, { ...look, style: STYLE.placeholder, highlight: c.highlightPlaceholders }, c);
    case 'emphasis':
      return n.children.flatMap((k) => nodeRuns(k, { ...look, bold: true }, c));
    case 'lead':
      return n.children.flatMap((k) => nodeRuns(k, leadLook(n.kind, n.depth, look, c.preset), c));
    default:
      throw new Error(`[docx] Cannot render unknown inline \`${(n as { type: string }).type}\``);
  }
}

function leadLook(kind: Lead['kind'], depth: 2 | 3 | 4 | undefined, look: RunLook, p: Preset): RunLook {
  if (kind === 'heading' && depth) return { ...look, role: p.headingRoles[depth], style: STYLE.runInHeading(depth) };
  if (p.leadStyle === 'none') return look;
  return { ...look, role: p.leadStyle === 'role' ? 'lead' : look.role, style: STYLE.lead };
}

/** Characters XML 1.0 cannot carry (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/F). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Split text into runs of the role face and of fallback faces for characters it lacks. */
function splitByFace(raw: string, look: RunLook, c: InlineContext): TextRun[] {
  // A stray control character would make the whole package unreadable to Word.
  const text = raw.replace(NOT_XML, '');
  if (!text) return [];
  const roleFace = c.fonts.role(look.role);
  const looks = punctuationLooks(text);
  const parts: { text: string; face?: string; punct: PunctuationLook }[] = [];
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const face = cp < 0x80 || roleFace.font.hasGlyphForCodePoint(cp) ? undefined : c.fonts.faceFor(look.role, cp);
    const faceName = face ? c.names.face(face) : undefined;
    if (face && faceName) c.usage.useFace(face, ch, look.role);
    else c.usage.useRole(look.role, ch);
    const punct = looks[i++];
    const last = parts[parts.length - 1];
    if (last && last.face === faceName && last.punct === punct) last.text += ch;
    else parts.push({ text: ch, face: faceName, punct });
  }
  return parts.map((p) => {
    const cjk = p.face ?? c.names.role(look.role);
    const font =
      p.punct === 'cjk'
        ? { font: { ascii: cjk, hAnsi: cjk, eastAsia: cjk, hint: 'eastAsia' } }
        : p.face
          ? { font: { eastAsia: p.face, hint: 'eastAsia' } }
          : {};
    return new TextRun({
      text: p.text,
      ...(look.style ? { style: look.style } : {}),
      ...(look.bold ? { bold: true, boldComplexScript: true } : {}),
      ...(look.highlight ? { highlight: 'yellow' as const } : {}),
      ...font,
    });
  });
}
