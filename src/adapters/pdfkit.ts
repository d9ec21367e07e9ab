/**
 * Every use of pdfkit beyond its typed public API, in one place (tests/adapters/pdfkit.test.ts
 * fails when a pdfkit release changes any of it):
 * - the document catalog, page tree and structure tree root as dictionaries (page labels,
 *   outline destinations, the role map), the outline items' data, and the XMP writer;
 * - the current font, and Han text without shaping (`selectFont`). pdfkit lays out every `text()`
 *   string through fontkit's OpenType engine (GSUB/GPOS lookups, ~20 ms of a 5k-character PDF),
 *   yet for Han characters, CJK and general punctuation and full-width forms it only ever yields
 *   each character's own glyph at its hmtx advance (checked over the bundled faces and the sample
 *   speeches), and the layout measured them that way (fonts/measurer.ts sums per-code-point
 *   advances). Such strings get those glyphs straight from the cmap here; anything else — Latin
 *   letters and digits (kerning), combining marks, variation selectors, format characters — still
 *   goes through fontkit. The glyph objects are fontkit's own (cached per id), so the PDF's bytes
 *   are the same.
 */
import { deflateSync } from 'node:zlib';
import type { Font, Glyph } from 'fontkit';

/** A PDF dictionary as pdfkit holds it before writing. */
export type PdfDict = Record<string, unknown>;

/** pdfkit's PDFReference, the parts used (not in its typings). */
interface ReferenceInternals {
  compress: boolean;
  buffer: Uint8Array[];
  finalize(): void;
}

/** pdfkit's document internals used here (not in its typings). */
interface DocumentInternals {
  ref?(data?: PdfDict): ReferenceInternals;
  _root?: { data?: PdfDict & { Pages?: { data?: { Kids?: unknown[] } } } };
  _font?: unknown;
  _addInfo?: () => void;
  appendXML?(xml: string): void;
  getStructTreeRoot?(): { data?: PdfDict };
  outline?: OutlineItem;
}

/** A bookmark as pdfkit builds it: its children are added through it, its dictionary is open. */
export interface OutlineItem {
  /** Add a child bookmark. */
  addItem(title: string, options: { expanded?: boolean; fit?: boolean; pageNumber?: number }): OutlineItem;
  /** The outline item dictionary written for it (/Dest, /Count…). */
  outlineData: { Dest?: unknown[]; Count?: number };
}

const doc = (pdf: PDFKit.PDFDocument) => pdf as unknown as DocumentInternals;

function fail(what: string): never {
  throw new Error(`[pdf] this pdfkit version has no ${what}; src/adapters/pdfkit.ts needs updating`);
}

/** The document catalog (/Root), to add entries such as /PageLabels. */
export function catalog(pdf: PDFKit.PDFDocument): PdfDict {
  return doc(pdf)._root?.data ?? fail('_root.data');
}

/** The references of the pages made so far, in order (outline destinations name them). */
export function pageRefs(pdf: PDFKit.PDFDocument): readonly unknown[] {
  return doc(pdf)._root?.data?.Pages?.data?.Kids ?? fail('_root.data.Pages.data.Kids');
}

/** The structure tree root's dictionary (/RoleMap goes there). */
export function structTreeRootDict(pdf: PDFKit.PDFDocument): PdfDict {
  return doc(pdf).getStructTreeRoot?.().data ?? fail('getStructTreeRoot().data');
}

/** The outline root, whose items expose their dictionaries. */
export function outlineRoot(pdf: PDFKit.PDFDocument): OutlineItem {
  const root = doc(pdf).outline;
  if (typeof root?.addItem !== 'function' || !root.outlineData) fail('outline.outlineData');
  return root;
}

/** Write `xml` as the XMP descriptions, in place of those pdfkit writes (unescaped) itself. */
export function replaceXmpDescriptions(pdf: PDFKit.PDFDocument, xml: string): void {
  const d = doc(pdf);
  if (typeof d._addInfo !== 'function' || typeof d.appendXML !== 'function') fail('_addInfo');
  d._addInfo = () => d.appendXML!(xml);
}

/**
 * Deflate this document's streams at zlib `level` instead of pdfkit's fixed default (6). pdfkit
 * has no option for it; each stream object it creates gets compressed here just before pdfkit
 * writes it, and pdfkit then writes those bytes as they are (its own deflate skipped). At level 6
 * the file is byte-identical to pdfkit's own (tests/adapters/pdfkit.test.ts).
 */
export function setDeflateLevel(pdf: PDFKit.PDFDocument, level: number): void {
  const d = doc(pdf);
  if (typeof d.ref !== 'function') fail('ref()');
  const ref = d.ref.bind(pdf);
  d.ref = (data?: PdfDict) => {
    const r = ref(data);
    if (typeof r.compress !== 'boolean' || !Array.isArray(r.buffer) || typeof r.finalize !== 'function') {
      fail('PDFReference.compress/buffer/finalize');
    }
    const finalize = r.finalize;
    r.finalize = function (this: ReferenceInternals) {
      if (this.compress && this.buffer.length > 0) {
        this.buffer = [deflateSync(Buffer.concat(this.buffer), { level })];
        this.compress = false; // /Filter /FlateDecode is set already (by write)
      }
      finalize.call(this);
    };
    return r;
  };
}

/** pdfkit's EmbeddedFont, the parts used. */
interface EmbeddedFontInternals {
  font?: Font;
  scale?: number;
  layout?: (text: string, features?: unknown, onlyWidth?: boolean) => LaidOut;
}



/** What EmbeddedFont.layout returns, in 1000 units per em. */
interface LaidOut {
  glyphs: Glyph[] | null;
  positions: Position[] | null;
  advanceWidth: number;
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/**
 * Code points that shape to their own glyph: general punctuation (minus the zero-width and
 * bidi format characters), CJK radicals to unified ideographs (incl. CJK punctuation, kana,
 * bopomofo, enclosed forms), compatibility ideographs, vertical and small forms, full-width forms,
 * and the supplementary ideograph planes.
 */
function plain(cp: number): boolean {
  if (cp >= 0x2e80) {
    return (
      cp <= 0x9fff ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe10 && cp <= 0xfe1f) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff01 && cp <= 0xffef) ||
      (cp >= 0x20000 && cp <= 0x3ffff)
    );
  }
  return cp >= 0x2010 && cp <= 0x2027;
}

/** Glyphs per code point, per font (fontkit caches the glyph objects themselves by id). */
const glyphCache = new WeakMap<Font, Map<number, Glyph>>();

function glyphsOf(font: Font, text: string): Glyph[] | undefined {
  let cache = glyphCache.get(font);
  if (!cache) glyphCache.set(font, (cache = new Map()));
  const glyphs: Glyph[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!plain(cp)) return undefined;
    let g = cache.get(cp);
    if (!g) cache.set(cp, (g = font.glyphForCodePoint(cp)));
    glyphs.push(g);
  }
  return glyphs;
}

const patched = new WeakSet<object>();

/** Make a pdfkit font lay out plain Han strings without fontkit's shaper (idempotent). */
export function useFastLayout(pdfFont: unknown): void {
  const f = pdfFont as EmbeddedFontInternals;
  if (!f || patched.has(f) || typeof f.layout !== 'function' || !f.font || typeof f.scale !== 'number') return;
  patched.add(f);
  const original = f.layout.bind(f);
  const font = f.font;
  const scale = f.scale;
  f.layout = (text, features, onlyWidth) => {
    const glyphs = features || text.length === 0 ? undefined : glyphsOf(font, text);
    if (!glyphs) return original(text, features, onlyWidth);
    // As fontkit + pdfkit compute it: each advance scaled to 1000/em, summed in order.
    const positions: Position[] = [];
    let advanceWidth = 0;
    for (const g of glyphs) {
      const advance = g.advanceWidth * scale;
      positions.push({ xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance });
      advanceWidth += advance;
    }
    return onlyWidth ? { glyphs: null, positions: null, advanceWidth } : { glyphs, positions, advanceWidth };
  };
}

/**
 * Register a face fontkit has parsed already (pdfkit takes any object with `layout`, see
 * PDFFontFactory.open, though its typings say path or buffer): it would re-read and re-parse a
 * path for every document.
 */
export function registerParsedFont(pdf: PDFKit.PDFDocument, key: string, font: Font): void {
  pdf.registerFont(key, font as unknown as string);
}

/** pdfkit's current font object (an EmbeddedFont once a face is selected). */
export function currentFont(pdf: PDFKit.PDFDocument): unknown {
  return doc(pdf)._font;
}

/** Select a face and size, with the fast layout on its pdfkit font. */
export function selectFont(pdf: PDFKit.PDFDocument, key: string, sizePt: number): void {
  pdf.font(key).fontSize(sizePt);
  useFastLayout(currentFont(pdf));
}
