/**
 * `word/fontTable.xml` and its relationships, written whole: docx cannot give embedded fonts
 * stable keys, `w:altName` or a GB2312 charset. Every name used in rFonts is listed, so Word
 * knows its charset and, in system mode, the fallback to try.
 * Reference: ECMA-376 Part 1 §17.8.3; ../shared/notes/typesetting.md §4.3.
 */
import type { EmbeddedFont } from './embed-fonts.ts';
import { SYSTEM_FACES } from './font-names.ts';
import { escapeXml } from '../xml.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const FONT_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font';

/** w:sig of a simplified-Chinese face: CJK ranges, code page bits Latin 1 + GB2312 (ECMA-376 §17.8.3.16). */
const GB2312_SIG = '<w:sig w:usb0="00000003" w:usb1="288F0000" w:usb2="00000016" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"/>';

/** A font table entry. */
export interface FontEntry {
  /** Name as used in rFonts. */
  name: string;
  /** Embedded data and its 1-based file number, when embedded. */
  embedded?: { font: EmbeddedFont; n: number };
  /** Whether it is a Chinese (GB2312) face rather than a Latin one. */
  chinese: boolean;
}

/** Path of the obfuscated file of the nth embedded font (1-based), relative to `word/`. */
export const fontFilePath = (n: number): string => `fonts/font${n}.odttf`;

/** The font table XML for the given entries (embedded ones are numbered in order). */
export function fontTableXml(entries: FontEntry[]): string {
  const fonts = entries.map((e) => {
    const system = Object.values(SYSTEM_FACES).find((f) => f.name === e.name);
    const chinese = e.chinese;
    const parts = [
      system ? `<w:altName w:val="${escapeXml(system.altName)}"/>` : '',
      `<w:charset w:val="${chinese ? '86' : '00'}"/>`,
      `<w:family w:val="${chinese ? 'modern' : 'roman'}"/>`,
      `<w:pitch w:val="${chinese ? 'fixed' : 'variable'}"/>`,
      // Unicode ranges and code pages of a GB2312 face (SimSun's): what Word matches a substitute by.
      chinese ? GB2312_SIG : '',
      e.embedded ? `<w:embedRegular r:id="rIdFont${e.embedded.n}" w:fontKey="${e.embedded.font.key}" w:subsetted="1"/>` : '',
    ];
    return `<w:font w:name="${escapeXml(e.name)}">${parts.join('')}</w:font>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W}" xmlns:r="${R}">${fonts.join('')}</w:fonts>`;
}

/** The relationships of the font table (one per embedded font). */
export function fontTableRelsXml(embeddedCount: number): string {
  const rels = Array.from(
    { length: embeddedCount },
    (_, i) => `<Relationship Id="rIdFont${i + 1}" Type="${FONT_REL}" Target="${fontFilePath(i + 1)}"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
}
