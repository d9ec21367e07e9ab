/**
 * Index font files by every name they carry, so a face can be asked for as 仿宋_GB2312, FangSong or
 * FZXiaoBiaoSong-B05S. Parsed objects are dropped after reading the names: an index of hundreds of
 * system fonts must not keep their bytes in memory.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import '../adapters/brotli.ts'; // before fontkit: its WOFF2 decoder loads on first use
import * as fontkit from 'fontkit';
import type { Font, FontCollection } from 'fontkit';
import type { FaceInfo, FaceSource } from './types.ts';
import { faceInfo } from './face-info.ts';
import { readFontHeaders } from './read-headers.ts';

const FONT_FILE = /\.(ttf|otf|ttc|otc|woff2?)$/i;

/**
 * Files in a fonts folder nobody means as a face: hidden and desktop files (.DS_Store, Thumbs.db,
 * desktop.ini) and the documents that come with faces (README, licences such as OFL.txt).
 */
const NOT_MEANT_AS_FONT = /^\.|^(thumbs\.db|desktop\.ini)$|\.(md|txt|pdf|html?|url|rtf|docx?)$|^(readme|licen[cs]e|copying|ofl)\b/i;

/** Every font file under a directory, recursively, sorted; a missing directory has none. */
export function fontFiles(dir: string, others?: string[]): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...fontFiles(p, others));
    else if ((e.isFile() || e.isSymbolicLink()) && FONT_FILE.test(e.name)) out.push(p);
    else if (others && e.isFile() && !NOT_MEANT_AS_FONT.test(e.name)) others.push(p);
  }
  return out.sort();
}

/** Reads the bytes of a font file; injectable so tests can count reads. */
export type FontReader = (file: string) => Uint8Array;

/** The faces of one file (one per face of a collection). Throws when the file is not a font. */
export function indexFontFile(file: string, source: FaceSource, read: FontReader = readFontHeaders): FaceInfo[] {
  const parsed = fontkit.create(Buffer.from(read(file))) as Font | FontCollection;
  const faces = Array.isArray((parsed as FontCollection).fonts) ? (parsed as FontCollection).fonts : [parsed as Font];
  return faces.map((f, i) => faceInfo(f, file, i, source));
}

/** Index a whole directory; files that are not fonts are returned as `unreadable`. */
export function indexDirectory(
  dir: string,
  source: FaceSource,
  read?: FontReader,
): { faces: FaceInfo[]; unreadable: string[]; ignored: string[] } {
  const faces: FaceInfo[] = [];
  const unreadable: string[] = [];
  const ignored: string[] = [];
  for (const file of fontFiles(dir, ignored)) {
    try {
      faces.push(...indexFontFile(file, source, read));
    } catch {
      unreadable.push(file);
    }
  }
  return { faces, unreadable, ignored: ignored.sort() };
}

/** Size and mtime of a file, the cache key of its index entry; undefined when it is gone. */
export function fileStamp(file: string): { size: number; mtimeMs: number } | undefined {
  try {
    const s = statSync(file);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return undefined;
  }
}
