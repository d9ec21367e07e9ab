/**
 * Font embedding: a TrueType subset of each used face (hb-subset, see hb-subset.ts; fontkit's subsets
 * lack cmap/name/OS/2 and cannot stand alone), obfuscated as `word/fonts/fontN.odttf` with a key
 * derived from the subset's bytes so two builds are identical.
 * Skipped with a diagnostic: faces whose fsType forbids editable embedding, CFF faces (Word
 * ignores embedded CFF fonts) and faces inside collections (hb-subset rejects them).
 * Reference: ECMA-376 Part 1 §17.8.1 (font embedding and obfuscation); ../shared/notes/libraries.md.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { LoadedFace } from '../../fonts/types.ts';
import { faceFamily } from './font-names.ts';
import type { FaceUsage } from './font-usage.ts';
import { hbSubset } from './hb-subset.ts';
import { renameFamily } from './rename-font.ts';

/** One embedded font, ready for the package. */
export interface EmbeddedFont {
  /** Family name written in rFonts and the font table: the face's family plus a tag of the subset. */
  name: string;
  /** The face's own family name, as first written in the document's XML. */
  family: string;
  /** The face it came from. */
  face: LoadedFace;
  /** Font key GUID, `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`, from a hash of the subset. */
  key: string;
  /** Obfuscated subset bytes (the `.odttf` file). */
  odttf: Uint8Array;
}

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
    const text = [...u.chars].sort().join('');
    const ttf = hbSubset(u.face.font, u.face.info.file, text) ?? (await subsetFromFile(u.face.info.file, text));
    // A name of its own per subset: Word and LibreOffice keep one embedded font per family name
    // for every open document, so two speeches with different subsets of one face would otherwise
    // borrow each other's glyphs and show blanks (see rename-font.ts).
    const unique = subsetName(name, ttf);
    const renamed = renameFamily(ttf, unique);
    const key = fontKey(renamed);
    fonts.push({ name: unique, family: name, face: u.face, key, odttf: obfuscate(renamed, key) });
  }
  return { fonts, diagnostics };
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
