/**
 * Font embedding (`--docx-fonts embed`): a TrueType subset of each used face (hb-subset, see
 * hb-subset.ts; fontkit's subsets lack cmap/name/OS/2 and cannot stand alone), obfuscated as
 * `word/fonts/fontN.odttf` with a key derived from the subset's bytes so two builds are identical.
 *
 * Which characters, under which name. Word and LibreOffice keep one embedded font per family name
 * for every open document (measured in LibreOffice: two-documents.test.ts), and a subset holds only
 * what it was cut for, so a character typed later is drawn by another face (Word documents the same
 * for "embed only the characters used"). Hence:
 * - a face whose used characters all lie in the standard set (GB2312's 7445 characters, ASCII,
 *   Latin-1, 〇 and a few more) is embedded with the whole standard set under its real family name: every such
 *   document carries the same bytes under that name, so sharing the name is harmless, the font box
 *   shows the real name, and nearly anything a user types is in the face (~2 MB per CJK face, the
 *   named limit of this mode);
 * - a face drawing anything beyond that (a rare 人名 character) gets a subset of exactly the used
 *   characters and a name of its own (family + tag of the subset, rename-font.ts), since two such
 *   subsets under one name would borrow each other's glyphs.
 * Skipped with a diagnostic: faces whose fsType forbids editable embedding, CFF faces (Word
 * ignores embedded CFF fonts) and faces inside collections (hb-subset rejects them).
 * Reference: ECMA-376 Part 1 §17.8.1 (font embedding and obfuscation); ../shared/notes/libraries.md.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { LoadedFace } from '../../fonts/types.ts';
import { faceFamily } from './font-names.ts';
import { ALWAYS_CHARS, type FaceUsage } from './font-usage.ts';
import { hbSubset } from './hb-subset.ts';
import { renameFamily } from './rename-font.ts';

/** One embedded font, ready for the package. */
export interface EmbeddedFont {
  /** Family name written in rFonts and the font table: the face's own, or its family plus a tag of the subset. */
  name: string;
  /** The face's own family name, as first written in the document's XML. */
  family: string;
  /** The face it came from. */
  face: LoadedFace;
  /** Font key GUID, `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`, from a hash of the subset. */
  key: string;
  /** Obfuscated subset bytes (the `.odttf` file). */
  odttf: Uint8Array;
  /** Whether it holds the standard set under the real name (else exactly the used characters, renamed). */
  standard: boolean;
}

/** GB2312: rows 0xA1–0xA9 (symbols) and 0xB0–0xF7 (6763 hanzi), decoded once. */
function gb2312(): string {
  const decoder = new TextDecoder('gbk');
  let out = '';
  for (let row = 0xa1; row <= 0xf7; row++) {
    if (row > 0xa9 && row < 0xb0) continue;
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(new Uint8Array([row, cell]));
      const cp = ch.codePointAt(0)!;
      // Unassigned GB2312 cells decode to GBK's private-use characters or U+FFFD.
      if (ch.length === 1 && cp !== 0xfffd && (cp < 0xe000 || cp > 0xf8ff)) out += ch;
    }
  }
  return out;
}

const printable = (from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');

/** Beyond GB2312 but common in official texts: 〇 of dates (二〇二四年), the horizontal bar, bullets. */
const COMMON_EXTRA = '\u3007\u2015\u2022\u2027';

/**
 * What a face embedded under its real name holds: GB2312, printable ASCII, Latin-1, a few common
 * extras, the always-kept characters. Made on first use (decoding GB2312 is ~10 ms that a DOCX
 * without embedded fonts, the default, never needs).
 */
let standardSet: { chars: string; set: Set<string> } | undefined;
function standard(): { chars: string; set: Set<string> } {
  if (!standardSet) {
    const chars = [...new Set(gb2312() + printable(0x20, 0x7e) + printable(0xa0, 0xff) + COMMON_EXTRA + ALWAYS_CHARS)].sort().join('');
    standardSet = { chars, set: new Set(chars) };
  }
  return standardSet;
}

/** Standard-set subsets per face: the same bytes for every document, so cut once per process. */
const standardCache = new WeakMap<object, Uint8Array>();

/** Subset and obfuscate every embeddable face used; say why the others are not embedded. */
export async function embedFonts(used: FaceUsage[]): Promise<{ fonts: EmbeddedFont[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const fonts: EmbeddedFont[] = [];
  const names = new Set<string>();
  for (const u of used) {
    const name = faceFamily(u.face);
    const reason = notEmbeddable(u.face);
    if (reason) {
      diagnostics.push(
        diagnostic('warning', 'docx/font-not-embeddable', `字体“${name}”未嵌入 Word 文档：${reason}；Word 将用已安装的字体替代。`),
      );
      continue;
    }
    // Two faces with one legacy family name would be one font to Word; keep the first.
    if (names.has(name)) {
      diagnostics.push(diagnostic('warning', 'docx/font-name-clash', `字体“${name}”有两个不同字面，只嵌入第一个（${u.face.info.postscriptName} 未嵌入）。`));
      continue;
    }
    names.add(name);
    const font = u.face.font;
    if ([...u.chars].every((ch) => standard().set.has(ch) || !font.hasGlyphForCodePoint(ch.codePointAt(0)!))) {
      let ttf = standardCache.get(font);
      if (!ttf) standardCache.set(font, (ttf = await subset(u.face, standard().chars)));
      const key = fontKey(ttf);
      fonts.push({ name, family: name, face: u.face, key, odttf: obfuscate(ttf, key), standard: true });
      continue;
    }
    const ttf = await subset(u.face, [...u.chars].sort().join(''));
    // A name of its own per subset (see the file comment and rename-font.ts).
    const unique = subsetName(name, ttf);
    const renamed = renameFamily(ttf, unique);
    const key = fontKey(renamed);
    fonts.push({ name: unique, family: name, face: u.face, key, odttf: obfuscate(renamed, key), standard: false });
  }
  return { fonts, diagnostics };
}

async function subset(face: LoadedFace, text: string): Promise<Uint8Array> {
  return hbSubset(face.font, face.info.file, text) ?? (await subsetFromFile(face.info.file, text));
}

/** Containers hb-subset.ts does not unpack (WOFF2): subset-font converts them, slowly, per call. */
async function subsetFromFile(file: string, text: string): Promise<Uint8Array> {
  const { default: subsetFont } = await import('subset-font');
  return new Uint8Array(await subsetFont(await readFile(file), text, { targetFormat: 'truetype' }));
}

function notEmbeddable(face: LoadedFace): string | undefined {
  const i = face.info;
  if (i.embedding === 'restricted' || i.embedding === 'preview-print') return `其授权（fsType ${i.embedding}）不允许在可编辑文档中嵌入`;
  if (i.outline === 'cff') return `${i.postscriptName} 是 CFF（PostScript）轮廓字体，Word 不使用嵌入的 CFF 字体`;
  if (i.format === 'ttc' || i.index !== 0) return `${i.postscriptName} 位于字体集合（.ttc）中，无法单独子集化`;
  return undefined;
}

/** Word allows font names under 32 characters: family (cut to 24) + space + 6 hex digits of the subset's hash. */
export function subsetName(family: string, subset: Uint8Array): string {
  const tag = createHash('sha256').update(subset).digest('hex').slice(0, 6).toUpperCase();
  return `${family.slice(0, 24).trimEnd()} ${tag}`;
}

/** A GUID made from the font's hash: random keys would make every build differ. */
export function fontKey(data: Uint8Array): string {
  const h = createHash('sha256').update(data).digest('hex').slice(0, 32).toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`;
}

/**
 * ECMA-376 font obfuscation: XOR the first 32 bytes with the key's 16 bytes taken in reverse
 * order of its hex string.
 */
export function obfuscate(data: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/[{}-]/g, '');
  const bytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(30 - 2 * i, 32 - 2 * i), 16));
  const out = new Uint8Array(data);
  for (let i = 0; i < 32 && i < out.length; i++) out[i] = out[i]! ^ bytes[i % 16]!;
  return out;
}
