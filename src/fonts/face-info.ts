/** What the index keeps of a face: names, weight, outline type and embedding rights, read from its tables. */
import type { Font } from 'fontkit';
import { nameRecords, tableTags } from '../adapters/fontkit.ts';
import type { EmbeddingRights, FaceInfo, FaceSource } from './types.ts';

/** Embedding rights from OS/2 fsType (OpenType spec: 0x2 restricted, 0x4 preview & print, 0x8 editable). */
export function embeddingRights(fsType: number): EmbeddingRights {
  // The spec says the least restrictive bit wins when several are (wrongly) set.
  if (fsType & 0x8) return 'editable';
  if (fsType & 0x4) return 'preview-print';
  if (fsType & 0x2) return 'restricted';
  return 'installable';
}

/** fontkit decodes fsType into named flags; put the bits back. */
function fsTypeBits(font: Font): number {
  const t = font['OS/2']?.fsType as unknown;
  if (typeof t === 'number') return t;
  if (!t || typeof t !== 'object') return 0;
  const f = t as Record<string, boolean>;
  return (f.noEmbedding ? 0x2 : 0) | (f.viewOnly ? 0x4 : 0) | (f.editable ? 0x8 : 0);
}

/** Every family and full name of a face, all languages (name IDs 1, 4, 16, 21), English first. */
export function faceNames(font: Font): string[] {
  const records = nameRecords(font);
  const out: string[] = [];
  for (const id of ['preferredFamily', 'fontFamily', 'fullName', 'wwsFamilyName']) {
    const byLang = records[id];
    if (!byLang) continue;
    const langs = Object.keys(byLang).sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : 0));
    for (const lang of langs) {
      const v = byLang[lang];
      if (typeof v === 'string' && v.trim() && !out.includes(v.trim())) out.push(v.trim());
    }
  }
  if (font.postscriptName && !out.includes(font.postscriptName)) out.push(font.postscriptName);
  return out;
}

/** Container format from the file name (fontkit sniffs the bytes itself; this is for reports). */
export function formatOf(file: string): FaceInfo['format'] {
  const ext = file.toLowerCase().split('.').pop() ?? '';
  if (ext === 'otf' || ext === 'ttc' || ext === 'woff' || ext === 'woff2') return ext;
  if (ext === 'otc') return 'ttc';
  return 'ttf';
}

/** Describe one parsed face. */
export function faceInfo(font: Font, file: string, index: number, source: FaceSource): FaceInfo {
  const tables = new Set(tableTags(font));
  const names = faceNames(font);
  return {
    file,
    index,
    postscriptName: font.postscriptName ?? names[0] ?? `face${index}`,
    family: names[0] ?? font.familyName ?? font.postscriptName,
    names,
    weight: font['OS/2']?.usWeightClass ?? 400,
    outline: tables.has('glyf') ? 'glyf' : tables.has('CFF ') || tables.has('CFF2') ? 'cff' : 'glyf',
    format: formatOf(file),
    embedding: embeddingRights(fsTypeBits(font)),
    source,
  };
}
