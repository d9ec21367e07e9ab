/**
 * Parse each font file once per process: fontkit objects are shared by every document and every
 * FontSet, since re-parsing a 15 MB CJK font per document doubles the time and memory of a build.
 */
import '../adapters/brotli.ts'; // before fontkit: its WOFF2 decoder loads on first use
import * as fontkit from 'fontkit';
import type { Font, FontCollection } from 'fontkit';
import { fastCmap, lazyGlyphNames, lazyLoca } from '../adapters/fontkit.ts';
import { checkFontFile, fontFileBytes } from './shared-bytes.ts';

/** Which face of a file: its index in a collection or its PostScript name. */
export type FaceSelector = number | string;

const files = new Map<string, Font | FontCollection>();
/** Collections build new Font objects on every `.fonts` access, so the faces are cached too. */
const faceLists = new Map<string, Font[]>();

function isCollection(f: Font | FontCollection): f is FontCollection {
  return Array.isArray((f as FontCollection).fonts);
}

/** Parse a file (cached): a single font, or a collection. Throws on unreadable or non-font files. */
export function openFontFile(file: string): Font | FontCollection {
  let parsed = files.get(file);
  if (!parsed) {
    checkFontFile(file);
    parsed = fontkit.create(fontFileBytes(file));
    files.set(file, parsed);
  }
  return parsed;
}

/** Every face of a file (cached), in collection order. */
export function facesOf(file: string): Font[] {
  let faces = faceLists.get(file);
  if (!faces) {
    const parsed = openFontFile(file);
    faces = isCollection(parsed) ? parsed.fonts : [parsed];
    // Glyph names are never used, and decoding them is most of a cold build's font time; glyph
    // offsets and the cmap are used, but restructure reads them one number at a time.
    for (const face of faces) {
      lazyGlyphNames(face);
      lazyLoca(face);
      fastCmap(face);
    }
    faceLists.set(file, faces);
  }
  return faces;
}

/** One face of a file (cached), or undefined when the collection has no such face. */
export function openFace(file: string, selector: FaceSelector = 0): { font: Font; index: number } | undefined {
  const faces = facesOf(file);
  if (typeof selector === 'number') {
    const font = faces[selector];
    return font ? { font, index: selector } : undefined;
  }
  const index = faces.findIndex((f) => f.postscriptName === selector);
  const font = faces[index];
  return font ? { font, index } : undefined;
}

