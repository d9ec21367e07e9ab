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
 *   are the same. What does need the shaper is shaped once per face for the whole process;
 * - the output (`collectOutput`): pdfkit pushes every piece of the file (each object header,
 *   dictionary, stream and xref line) through its Readable stream, with its own per-character
 *   string-to-bytes loop; here the pieces are gathered directly and joined once at the end;
 * - the text operators themselves (`showText`): the frame has placed every run, so each is written
 *   as pdfkit's `text()` would write it, in one chunk, without its wrapping and width passes, from
 *   the current font's subset, /W widths and ToUnicode entries (the same bytes, tested).
 */
import type { Font, Glyph } from 'fontkit';
import { horizontalMetrics } from './fontkit.ts';

/** A PDF dictionary as pdfkit holds it before writing. */
export type PdfDict = Record<string, unknown>;

/** pdfkit's PDFReference, the parts used (not in its typings). */
interface ReferenceInternals {
  /** Whether pdfkit will deflate the stream itself when it writes the object. */
  compress: boolean;
  /** The stream's pieces so far. */
  buffer: Uint8Array[];
  /** The document it belongs to. */
  document?: unknown;
  /** Byte offset of the object in the file (the xref entry), set as it is written. */
  offset?: number;
  /** Writes the object (dictionary and stream) into the file. */
  finalize(): void;
}

/** The references' shared prototype, marked once its finalize keeps background deflates in order. */
interface ReferencePrototype {
  finalize(this: ReferenceInternals): void;
  [ORDERED]?: boolean;
}

/** Marks PDFReference.prototype as patched by deflateStreams. */
const ORDERED = Symbol('speechdoc.orderedFinalize');
/** A document's deflate state (`DeflateState`), set by deflateStreams. */
const DEFLATE = Symbol('speechdoc.deflate');

/** An object finalized while a deflate before it (or its own) still runs. */
interface Held {
  /** The object. */
  ref: ReferenceInternals;
  /** What it writes, once known (a stream's only when its deflate is done). */
  pieces?: (string | Uint8Array)[];
}

/** A document's background deflate. */
interface DeflateState {
  /** Deflates a stream's bytes, now or later. */
  deflate: (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;
  /** Objects waiting to be written, in pdfkit's order; the first is always one still deflating. */
  held: Held[];
}

/** pdfkit's document internals used here (not in its typings). */
interface DocumentInternals {
  ref?(data?: PdfDict): ReferenceInternals;
  /** Appends a piece of the file (a string gets a newline) and advances `_offset`, the xref's byte count. */
  _write?(data: string | Uint8Array): void;
  _offset?: number;
  /** Records a written object's offset; writes the xref once every object is written and `end()` was called. */
  _refEnd?(ref: ReferenceInternals): void;
  push?(chunk: unknown): boolean;
  _root?: { data?: PdfDict & { Pages?: { data?: { Kids?: unknown[] } } } };
  _font?: unknown;
  _addInfo?: () => void;
  appendXML?(xml: string): void;
  getStructTreeRoot?(): { data?: PdfDict };
  outline?: OutlineItem;
  /** Set by deflateStreams. */
  [DEFLATE]?: DeflateState;
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
 * Deflate this document's streams with `deflate` instead of pdfkit's own zlib call: at a level of
 * our choosing (pdfkit's is fixed at 6), and, when `deflate` answers with a promise, on another
 * thread (render/deflate.ts). pdfkit has no option for either: each stream object is compressed here
 * when pdfkit finalizes it, and pdfkit then writes those bytes as they are (its own deflate skipped).
 *
 * The file must not depend on which deflate finishes first (builds are reproducible), so objects are
 * written in exactly the order pdfkit finalizes them: one whose deflate is still running holds back
 * every object finalized after it, and each is written once all before it are. pdfkit writes nothing
 * else between objects, and writes its xref only when every object has been written (`_waiting`
 * reaches 0), so the bytes are the ones a synchronous deflate gives: at level 6, pdfkit's own
 * (tests/adapters/pdfkit.test.ts). A deflate error fails the document (its `error` event).
 */
export function deflateStreams(pdf: PDFKit.PDFDocument, deflate: (data: Uint8Array) => Uint8Array | Promise<Uint8Array>): void {
  const d = doc(pdf);
  // Through the class, not each new reference: pdfkit's constructor made some (catalog, page tree…)
  // before this is called, and they must queue behind a stream still deflating like any other.
  const proto = d._root ? (Object.getPrototypeOf(d._root) as ReferencePrototype) : undefined;
  if (!proto || typeof proto.finalize !== 'function') fail('PDFReference.prototype.finalize');
  if (typeof d._write !== 'function' || typeof d._refEnd !== 'function' || typeof d._offset !== 'number') fail('_write/_refEnd/_offset');
  if (!proto[ORDERED]) {
    const finalize = proto.finalize;
    proto.finalize = function (this: ReferenceInternals) {
      const owner = this.document as (DocumentInternals & { emit(event: 'error', e: Error): void }) | undefined;
      const state = owner?.[DEFLATE];
      if (!owner || !state) return finalize.call(this);
      if (typeof this.compress !== 'boolean' || !Array.isArray(this.buffer)) fail('PDFReference.compress/buffer');
      if (this.compress && this.buffer.length > 0) {
        const packed = state.deflate(Buffer.concat(this.buffer));
        const done = (out: Uint8Array) => {
          this.buffer = [out];
          this.compress = false; // /Filter /FlateDecode is set already (by write)
        };
        if (packed instanceof Uint8Array) done(packed);
        else {
          const waiting: Held = { ref: this };
          state.held.push(waiting);
          packed.then(
            (out) => {
              done(out);
              waiting.pieces = written(owner, () => finalize.call(this));
              release(owner, state);
            },
            (e: Error) => owner.emit('error', e),
          );
          return;
        }
      }
      if (state.held.length === 0) return finalize.call(this);
      // Written now into pieces, sent later: pdfkit clears some dictionaries right after finalizing
      // them (a structure element's /K), so the object's text must be taken at this moment.
      state.held.push({ ref: this, pieces: written(owner, () => finalize.call(this)) });
    };
    proto[ORDERED] = true;
  }
  d[DEFLATE] = { deflate, held: [] };
}

/** What `finalize` writes, captured instead of appended to the file (and its `_refEnd` held back). */
function written(owner: DocumentInternals, finalize: () => void): (string | Uint8Array)[] {
  const pieces: (string | Uint8Array)[] = [];
  const { _write: write, _refEnd: refEnd } = owner;
  owner._write = (piece) => void pieces.push(piece);
  owner._refEnd = () => {};
  try {
    finalize();
  } finally {
    owner._write = write;
    owner._refEnd = refEnd;
  }
  return pieces;
}

/** Append the held objects whose turn has come: each at the file's current end, as pdfkit would have. */
function release(owner: DocumentInternals, state: DeflateState): void {
  while (state.held[0]?.pieces) {
    const { ref, pieces } = state.held.shift()!;
    ref.offset = owner._offset;
    for (const piece of pieces!) owner._write!(piece);
    owner._refEnd!(ref);
  }
}

/**
 * The document's bytes, gathered as pdfkit writes them: its `_write` appends each piece here
 * instead of pushing it through the document's Readable stream, and the file is complete when
 * pdfkit ends the stream (`push(null)`, after the trailer). A string piece becomes its low bytes
 * plus a newline, as pdfkit's own `_write` makes it (Buffer's latin1 truncates each UTF-16 unit to
 * 8 bits just as pdfkit's `charCodeAt(i) & 0xff` loop). Call right after creating the document,
 * before anything reads its stream: the header written on creation is taken from the stream.
 */
export function collectOutput(pdf: PDFKit.PDFDocument): Promise<Uint8Array> {
  const d = doc(pdf);
  if (typeof d._write !== 'function' || typeof d._offset !== 'number' || typeof d.push !== 'function') fail('_write/_offset/push');
  const chunks: Uint8Array[] = [];
  // The header pdfkit wrote when it was created waits in the stream (nothing reads it yet).
  const head = pdf.read() as Buffer | null;
  if (head) chunks.push(head);
  return new Promise((resolve, reject) => {
    d._write = (data) => {
      const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
      chunks.push(bytes);
      d._offset! += bytes.length;
    };
    const push = d.push!.bind(pdf);
    d.push = (chunk) => {
      if (chunk !== null) return push(chunk);
      resolve(new Uint8Array(Buffer.concat(chunks)));
      return false;
    };
    pdf.on('error', reject);
  });
}

/** pdfkit's EmbeddedFont, the parts used. */
interface EmbeddedFontInternals {
  font?: Font;
  scale?: number;
  layout?: (text: string, features?: unknown, onlyWidth?: boolean) => LaidOut;
  /** Resource name on the page (`F1`…). */
  id?: string;
  /** The font's indirect object (a page's /Font resource entry). */
  ref?(): unknown;
  /** Glyph ids as 4-digit subset hex, and positions in 1000/em: what `_fragment` writes. */
  encode?(text: string, features?: unknown): [string[], Position[]];
  /** The document's subset of the face; `mapping` is fontkit's Subset's: subset glyph id per face glyph id. */
  subset?: { includeGlyph(gid: number): number; mapping?: Record<number, number> };
  /** Advance per subset glyph id, 1000/em (the /W array). */
  widths?: (number | undefined)[];
  /** Code points per subset glyph id (the ToUnicode map). */
  unicode?: (number[] | undefined)[];
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

/** Each face's glyph-per-code-point lookup (fontkit caches the glyph objects themselves by id). */
const glyphTables = new WeakMap<Font, (cp: number) => Glyph>();

/** The face's glyph for a code point (fontkit's own glyph object, from the cmap), each looked up once per process. */
function glyphTable(font: Font): (cp: number) => Glyph {
  let table = glyphTables.get(font);
  if (!table) {
    const byCp = new Map<number, Glyph>();
    table = (cp) => {
      let g = byCp.get(cp);
      if (!g) byCp.set(cp, (g = font.glyphForCodePoint(cp)));
      return g;
    };
    glyphTables.set(font, table);
  }
  return table;
}

function glyphsOf(font: Font, text: string): Glyph[] | undefined {
  const glyphOf = glyphTable(font);
  const glyphs: Glyph[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!plain(cp)) return undefined;
    glyphs.push(glyphOf(cp));
  }
  return glyphs;
}

/** Shaped strings kept per face; a bound so a long batch cannot grow the cache without limit. */
const SHAPED_LIMIT = 20_000;
/** What pdfkit's own layout made of a shaped string, per face, for every document of the process. */
const shapedCache = new WeakMap<Font, Map<string, LaidOut>>();

/**
 * pdfkit's layout of a string that needs the shaper, made once per face: fontkit's shaping depends
 * on the face and the string only, and its glyph objects are the face's own (cached by id), so
 * every document gets what its own layout would have made. pdfkit caches these per document;
 * the years, numbers, page numbers and Latin words of a batch repeat from one document to the next.
 */
function shapedRun(font: Font, text: string, layout: (text: string) => LaidOut): LaidOut {
  let cache = shapedCache.get(font);
  if (!cache) shapedCache.set(font, (cache = new Map()));
  let run = cache.get(text);
  if (!run) {
    run = layout(text);
    if (cache.size >= SHAPED_LIMIT) cache.clear();
    cache.set(text, run);
  }
  return run;
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
    if (features || text.length === 0) return original(text, features, onlyWidth);
    const glyphs = glyphsOf(font, text);
    if (!glyphs) {
      const run = shapedRun(font, text, original);
      return onlyWidth ? { glyphs: null, positions: null, advanceWidth: run.advanceWidth } : run;
    }
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

/** pdfkit's document internals the text writer uses (not in its typings). */
interface TextInternals {
  _font?: EmbeddedFontInternals | null;
  _fontSize?: number;
  page?: { height: number; fonts: Record<string, unknown>; write(chunk: Uint8Array): void };
}

/** pdfkit's number formatting in content streams (PDFObject.number): rounded to 6 decimals. */
function num(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/**
 * Subset glyph id per code point, per pdfkit font of one document, kept in two tables per face for
 * the whole process (no table made per document): the id, and the document it belongs to (a
 * number per pdfkit font, `fontStamp`); an entry of another document reads as not shown yet. Past
 * the BMP, a map per pdfkit font. A stale or overwritten entry only sends the character down the
 * first-sight path again, whose steps are idempotent (includeGlyph, widths, ToUnicode).
 */
interface FaceIds {
  /** `fontStamp` of the document whose subset id `gid` holds, per BMP code point (0: none). */
  stamp: Int32Array;
  /** Subset glyph id per BMP code point, valid where `stamp` is the document's. */
  gid: Int32Array;
}
const faceIds = new WeakMap<Font, FaceIds>();
const stamps = new WeakMap<EmbeddedFontInternals, number>();
const astralIds = new WeakMap<EmbeddedFontInternals, Map<number, number>>();
let lastStamp = 0;

/** The number of one document's pdfkit font, made on first use. */
function fontStamp(f: EmbeddedFontInternals): number {
  let n = stamps.get(f);
  if (n === undefined) stamps.set(f, (n = ++lastStamp));
  return n;
}

function faceIdsOf(font: Font): FaceIds {
  let t = faceIds.get(font);
  if (!t) faceIds.set(font, (t = { stamp: new Int32Array(0x10000), gid: new Int32Array(0x10000) }));
  return t;
}

/** Subset glyph ids of the run being written (reused run after run; grown as needed). */
let runGids = new Int32Array(256);

/** Subset glyphs whose ToUnicode entry this document has set, per pdfkit font of one document. */
const unicodeSet = new WeakMap<EmbeddedFontInternals, Set<number>>();

/**
 * The ToUnicode entry of a subset glyph: the first code point this document showed it for.
 * pdfkit takes a glyph's `codePoints`, but fontkit caches glyph objects by id for the process, so
 * where two code points share a glyph (… and ⋯, ① and ➀: 488 glyphs of Noto Serif SC) a glyph
 * kept the code point of whichever document of the batch met it first — the PDF then extracted ⋯
 * for …, and its bytes depended on the other files of the batch.
 */
function setUnicode(f: EmbeddedFontInternals, gid: number, cp: number): void {
  let set = unicodeSet.get(f);
  if (!set) unicodeSet.set(f, (set = new Set()));
  if (set.has(gid)) return;
  set.add(gid);
  f.unicode![gid] = [cp];
}

/**
 * The subset glyph ids of a plain Han string into `runGids`, as `EmbeddedFont.encode` makes them
 * (each glyph added to the subset in text order, its /W width and ToUnicode entry set when first
 * seen); their count, or -1 when some character is not plain (the caller shapes it instead).
 */
function plainGids(f: EmbeddedFontInternals, text: string): number {
  const stamp = fontStamp(f);
  const ids = faceIdsOf(f.font!);
  if (runGids.length < text.length) runGids = new Int32Array(2 * text.length);
  const out = runGids;
  // Most strings hold only characters this document has shown already: one lookup each.
  let n = 0;
  let unseen = false;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const gid = shownGid(f, ids, stamp, cp);
    if (gid >= 0) out[n++] = gid;
    else if (plain(cp)) unseen = true;
    else return -1;
  }
  return unseen ? addPlain(f, stamp, ids, text) : n;
}

/** The subset glyph id this document gave a code point, or -1 when it has not shown it yet. */
function shownGid(f: EmbeddedFontInternals, ids: FaceIds, stamp: number, cp: number): number {
  if (cp <= 0xffff) return ids.stamp[cp] === stamp ? ids.gid[cp]! : -1;
  return astralIds.get(f)?.get(cp) ?? -1;
}

/** plainGids for a plain string with characters not shown yet: they join the subset in text order. */
function addPlain(f: EmbeddedFontInternals, stamp: number, ids: FaceIds, text: string): number {
  const font = f.font!;
  const hm = horizontalMetrics(font);
  const glyphOf = glyphTable(font);
  const out = runGids;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    let gid = shownGid(f, ids, stamp, cp);
    if (gid < 0) {
      const g = glyphOf(cp);
      gid = f.subset!.includeGlyph(g.id);
      if (f.widths![gid] == null) f.widths![gid] = (hm ? hm.advance(g.id) : g.advanceWidth) * f.scale!;
      setUnicode(f, gid, cp);
      if (cp <= 0xffff) {
        ids.stamp[cp] = stamp;
        ids.gid[cp] = gid;
      } else {
        let astral = astralIds.get(f);
        if (!astral) astralIds.set(f, (astral = new Map()));
        astral.set(cp, gid);
      }
    }
    out[n++] = gid;
  }
  return n;
}

/** ASCII of the hex digits. */
const HEX_DIGITS = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/**
 * `head`, then the n glyph ids of `runGids` as `_fragment`'s 4-digit hex (`0000${id.toString(16)}`
 * .slice(-4): the low 16 bits), then `tail`, as one buffer (the strings are ASCII).
 */
function hexOperator(head: string, n: number, tail: string): Buffer {
  const buf = Buffer.allocUnsafe(head.length + 4 * n + tail.length);
  let at = buf.write(head, 0, 'latin1');
  const gids = runGids;
  for (let k = 0; k < n; k++) {
    const g = gids[k]!;
    buf[at++] = HEX_DIGITS[(g >>> 12) & 15]!;
    buf[at++] = HEX_DIGITS[(g >>> 8) & 15]!;
    buf[at++] = HEX_DIGITS[(g >>> 4) & 15]!;
    buf[at++] = HEX_DIGITS[g & 15]!;
  }
  buf.write(tail, at, 'latin1');
  return buf;
}

/**
 * The glyph-showing operators of `_fragment` for shaped text (kerning adjustments in TJ, glyphs
 * moved by GPOS set with their own Tm), line by line; x and y are the text origin in PDF space.
 */
function shapedOperators(f: EmbeddedFontInternals, text: string, x: number, y: number, size: number): string[] {
  const [encoded, positions] = f.encode!(text);
  // ToUnicode from this text's own code points for the glyphs the cmap gives them (pdfkit's encode
  // took the process-wide glyph objects' code points); glyphs the shaper substituted keep theirs.
  const mapping = f.subset!.mapping!;
  const glyphOf = glyphTable(f.font!);
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const gid = mapping[glyphOf(cp).id];
    if (gid !== undefined) setUnicode(f, gid, cp);
  }
  const out: string[] = [];
  const scale = size / 1000;
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number) => {
    if (last < cur) {
      const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
      commands.push(`<${encoded.slice(last, cur).join('')}> ${num(-advance)}`);
    }
    last = cur;
  };
  const flush = (i: number) => {
    addSegment(i);
    if (commands.length > 0) {
      out.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let i: number;
  for (i = 0; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      out.push(`1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    x += pos.xAdvance * scale;
  }
  flush(i);
  return out;
}

/**
 * Show `text` with its origin at x on the baseline y (points from the page top), in the current
 * font and size, with `Tc` cs, filled (and stroked too for faux bold): the content-stream bytes of
 * `pdf.text(text, x, y, { lineBreak: false, baseline: 'alphabetic', characterSpacing: cs, fill,
 * stroke })`, written in one piece. pdfkit's text() lays the string out three times (two widths it
 * does not need here, then the glyphs) and writes ten separate chunks; plain Han strings take
 * their glyph ids from a per-document table here. The text cursor (`pdf.x`/`pdf.y`) is left as
 * it was: every run is placed by the frame. tests/adapters/pdfkit.test.ts compares the bytes.
 */
export function showText(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, cs: number, fauxBold: boolean): void {
  if (text.length === 0) return;
  const d = pdf as unknown as TextInternals;
  const f = d._font;
  const page = d.page;
  if (!f || typeof f.id !== 'string' || typeof f.ref !== 'function' || typeof f.encode !== 'function') fail('_font.id/ref/encode');
  if (!f.subset || typeof f.subset.mapping !== 'object' || !Array.isArray(f.widths) || !Array.isArray(f.unicode) || !f.font || typeof f.scale !== 'number') {
    fail('_font.subset.mapping/widths/unicode');
  }
  if (!page || typeof page.height !== 'number' || typeof page.write !== 'function' || !page.fonts) fail('page.height/write/fonts');
  if (typeof d._fontSize !== 'number') fail('_fontSize');
  if (text.includes('\n')) {
    // pdfkit shows each line of such a string at the same origin; not a case of the frame's runs.
    pdf.text(text, x, y, { lineBreak: false, baseline: 'alphabetic', characterSpacing: cs, fill: fauxBold || undefined, stroke: fauxBold || undefined });
    return;
  }
  if (page.fonts[f.id] == null) page.fonts[f.id] = f.ref();
  const size = d._fontSize;
  // _fragment: flip to PDF space (1 0 0 -1 0 h cm), origin at (x, h - y) for the alphabetic baseline.
  const py = page.height - y;
  let s = `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(py)} Tm\n/${f.id} ${num(size)} Tf`;
  if (fauxBold) s += '\n2 Tr';
  if (cs) s += `\n${num(cs)} Tc`;
  const n = plainGids(f, text);
  // As bytes, with the newline pdfkit appends to a string chunk (the operators are ASCII).
  if (n >= 0) page.write(hexOperator(`${s}\n[<`, n, '> 0] TJ\nET\nQ\n'));
  else {
    for (const op of shapedOperators(f, text, x, py, size)) s += `\n${op}`;
    page.write(Buffer.from(`${s}\nET\nQ\n`, 'latin1'));
  }
}
