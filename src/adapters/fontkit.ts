/**
 * Every use of fontkit beyond its typed public API, in one place (tests/adapters/fontkit.test.ts
 * fails when a fontkit release changes any of it):
 * - the name table's decoded records and the table directory (face names, outline type);
 * - the SFNT bytes a parsed font holds (handed to HarfBuzz, no second copy);
 * - a faster TrueType subsetter (`useFastSubset`, for pdfkit's embedding). fontkit's TTFSubset
 *   fully decodes every glyph it copies (all points and flags) only to learn whether it is
 *   composite: ~15 ms of a 900-glyph document. The sign of the glyph's first int16
 *   (numberOfContours) says that; only composites are decoded, to renumber their components.
 *   The bytes are identical (tested). Variable fonts, CFF, and a fontkit whose internals differ
 *   keep fontkit's own path. The subset file is then written directly rather than through
 *   restructure (which encodes loca, hmtx and glyf one value at a time), in fontkit's layout, with
 *   the glyph-independent tables taken from fontkit's own encoding of a one-glyph subset;
 * - the `post` table without its glyph names until something asks for them (`lazyGlyphNames`):
 *   pdfkit reads only the header (italic angle, fixed pitch), but fontkit decodes a version 2
 *   table whole — LXGW WenKai's 16,000 names cost ~100 ms of every cold build.
 */
import type { Font } from 'fontkit';

/** A face's horizontal metrics per glyph id, in font units, read from its hmtx bytes. */
export interface HorizontalMetrics {
  /** Advance width (fontkit's `glyph.advanceWidth`). */
  advance(gid: number): number;
  /** Left side bearing (fontkit's `glyph._getMetrics().leftBearing`). */
  leftBearing(gid: number): number;
}

const metricsOf = new WeakMap<Font, HorizontalMetrics | null>();

/**
 * The face's hmtx read in place: the numbers fontkit's glyph metrics give (a glyph past the long
 * metrics takes the last advance and its own bearing), without fontkit's glyph object work —
 * `_getMetrics` decodes each glyph's header for a vertical-metrics fallback nobody here reads.
 * Undefined for a variable face (HVAR adjusts advances), a face whose tables are not plain in the
 * parsed bytes (WOFF), or an hmtx shorter than hhea and maxp say.
 */
export function horizontalMetrics(font: Font): HorizontalMetrics | undefined {
  const known = metricsOf.get(font);
  if (known !== undefined) return known ?? undefined;
  const f = internals(font) as FontInternals & { type?: string; hhea?: { numberOfMetrics?: number }; maxp?: { numGlyphs?: number } };
  const table = f.directory?.tables.hmtx;
  const bytes = f.stream?.buffer;
  const long = f.hhea?.numberOfMetrics;
  const glyphs = f.maxp?.numGlyphs;
  let m: HorizontalMetrics | null = null;
  if (f.type === 'TTF' && table && bytes instanceof Uint8Array && !f._variationProcessor && !f.directory?.tables.fvar &&
    typeof long === 'number' && typeof glyphs === 'number' && long > 0 && table.offset + table.length <= bytes.length &&
    4 * long + 2 * Math.max(0, glyphs - long) <= table.length) {
    const v = new DataView(bytes.buffer, bytes.byteOffset + table.offset, table.length);
    const lastAdvance = v.getUint16(4 * (long - 1));
    const shortCount = Math.max(0, glyphs - long);
    m = {
      advance: (gid) => (gid < long ? v.getUint16(4 * gid) : lastAdvance),
      leftBearing: (gid) => (gid < long ? v.getInt16(4 * gid + 2) : gid - long < shortCount ? v.getInt16(4 * long + 2 * (gid - long)) : 0),
    };
  }
  metricsOf.set(font, m);
  return m ?? undefined;
}

/** Receives a glyph outline as fontkit's path commands would give it, in font units, y up. */
export interface OutlineSink {
  /** `moveTo`: a contour starts at (x, y). */
  moveTo(x: number, y: number): void;
  /** `lineTo`. */
  lineTo(x: number, y: number): void;
  /** `quadraticCurveTo` through the control point (cx, cy). */
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void;
  /** `closePath`. */
  closePath(): void;
}

/** Where a face's glyf data is in its parsed bytes, for `simpleOutline`. */
interface GlyfPlace {
  /**
   * The face's bytes. Read by index, not through a DataView: an outline is decoded on the cold
   * path of every build (the index page's thumbnails), where code runs in V8's first tiers and a
   * DataView getter is a call per byte (the sample's first thumbnail: ~2x the time).
   */
  bytes: Uint8Array;
  /** glyf table offset within the bytes. */
  glyf: number;
  /** glyf table length. */
  length: number;
  /** fontkit's loca, in bytes from the table start. */
  loca: number[];
}

const glyfPlaces = new WeakMap<Font, GlyfPlace | null>();

function glyfPlace(font: Font): GlyfPlace | null {
  let place = glyfPlaces.get(font);
  if (place !== undefined) return place;
  const f = internals(font) as FontInternals & { type?: string };
  const table = f.directory?.tables.glyf;
  const bytes = f.stream?.buffer;
  place = null;
  if (f.type === 'TTF' && table && bytes instanceof Uint8Array && !f._variationProcessor && Array.isArray(f.loca?.offsets) && table.offset + table.length <= bytes.length) {
    place = { bytes, glyf: table.offset, length: table.length, loca: f.loca.offsets };
  }
  glyfPlaces.set(font, place);
  return place;
}

/**
 * The outline of a simple TrueType glyph, decoded from the glyf bytes in place and handed to
 * `sink` as the very commands fontkit's `glyph.path` holds (TTFGlyph._decodeSimple, _getContours
 * and _getPath: implied on-curve midpoints, a contour starting off-curve at its last point or
 * their midpoint), without its point objects. False when fontkit must do it: a composite glyph,
 * a variable or WOFF face, data running past the glyph.
 */
export function simpleOutline(font: Font, gid: number, sink: OutlineSink): boolean {
  const place = glyfPlace(font);
  if (!place) return false;
  const start = place.loca[gid];
  const end = place.loca[gid + 1];
  if (start === undefined || end === undefined || end < start || end > place.length) return false;
  if (start === end) return true; // no data: no contours
  const b = place.bytes;
  let p = place.glyf + start;
  const limit = place.glyf + end;
  if (p + 10 > limit) return false;
  const contours = ((b[p]! << 24) >> 16) | b[p + 1]!; // int16
  if (contours < 0) return false;
  if (contours === 0) return true;
  p += 10;
  if (p + 2 * contours + 2 > limit) return false;
  const endPts = new Uint16Array(contours);
  for (let i = 0; i < contours; i++, p += 2) endPts[i] = (b[p]! << 8) | b[p + 1]!;
  p += 2 + ((b[p]! << 8) | b[p + 1]!); // instructions
  const numCoords = endPts[contours - 1]! + 1;
  // A repeat may run past the last point (damaged data): fontkit keeps the extra flags, which
  // then take coordinates too; so is done here, the array grown for them.
  let flags = new Uint8Array(numCoords);
  let n = 0;
  while (n < numCoords) {
    if (p >= limit) return false;
    const flag = b[p++]!;
    flags[n++] = flag;
    if (flag & 8) {
      if (p >= limit) return false;
      let repeat = b[p++]!;
      if (n + repeat > flags.length) {
        const more = new Uint8Array(n + repeat);
        more.set(flags);
        flags = more;
      }
      for (; repeat > 0; repeat--) flags[n++] = flag;
    }
  }
  const count = n;
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let axis = 0; axis < 2; axis++) {
    const out = axis === 0 ? xs : ys;
    const shortBit = axis === 0 ? 2 : 4;
    const sameBit = axis === 0 ? 16 : 32;
    let prev = 0;
    for (let i = 0; i < count; i++) {
      const flag = flags[i]!;
      if (flag & shortBit) {
        if (p + 1 > limit) return false;
        const d = b[p++]!;
        prev += flag & sameBit ? d : -d;
      } else if (!(flag & sameBit)) {
        if (p + 2 > limit) return false;
        prev += ((b[p]! << 24) >> 16) | b[p + 1]!; // int16
        p += 2;
      }
      out[i] = prev;
    }
  }
  const endContour = new Uint8Array(count);
  for (const e of endPts) if (e < count) endContour[e] = 1;
  const on = (i: number) => (flags[i]! & 1) !== 0;
  let first = 0;
  for (let k = 0; k < count; k++) {
    if (!endContour[k]) continue;
    outlineContour(first, k, xs, ys, on, sink);
    first = k + 1;
  }
  return true;
}

/** One contour [a, b] as TTFGlyph._getPath draws it. */
function outlineContour(a: number, b: number, xs: Float64Array, ys: Float64Array, on: (i: number) => boolean, sink: OutlineSink): void {
  // The start: the first point when on the curve, else the last when it is, else their midpoint.
  let fx = xs[a]!;
  let fy = ys[a]!;
  let j = a;
  let curve = false;
  let cx = 0;
  let cy = 0;
  if (on(a)) j = a + 1;
  else {
    if (on(b)) (fx = xs[b]!), (fy = ys[b]!);
    else (fx = (xs[a]! + xs[b]!) / 2), (fy = (ys[a]! + ys[b]!) / 2);
    curve = true;
    cx = fx;
    cy = fy;
  }
  sink.moveTo(fx, fy);
  for (; j <= b; j++) {
    const px = j === a ? fx : xs[j - 1]!;
    const py = j === a ? fy : ys[j - 1]!;
    const prevOn = j === a ? !curve || on(b) : on(j - 1);
    const x = xs[j]!;
    const y = ys[j]!;
    if (prevOn && on(j)) sink.lineTo(x, y);
    else if (prevOn) (curve = true), (cx = x), (cy = y);
    else if (!on(j)) {
      sink.quadraticCurveTo(px, py, (px + x) / 2, (py + y) / 2);
      (curve = true), (cx = x), (cy = y);
    } else {
      sink.quadraticCurveTo(cx, cy, x, y);
      curve = false;
    }
  }
  if (curve) sink.quadraticCurveTo(cx, cy, fx, fy);
  sink.closePath();
}

/** Decoded name records by name id, then language: `{ fontFamily: { en: 'Noto Serif SC' } }`. */
export type NameRecords = Record<string, Record<string, string> | undefined>;

/** The internals read here (not in fontkit's typings). */
interface FontInternals {
  name?: { records?: NameRecords };
  directory?: { tables: Record<string, { offset: number; length: number } | undefined> };
  _tables?: Record<string, unknown>;
  _decodeTable?(table: unknown): Record<string, unknown>;
  stream?: { buffer?: unknown };
  _variationProcessor?: unknown;
  loca?: { offsets: number[]; version?: number };
  createSubset(): SubsetInternals;
  getGlyph(id: number): { advanceWidth: number; _getMetrics(): { leftBearing: number }; _decode(): { components?: { glyphID: number; pos: number }[] } | null };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array } | null;
}
interface SubsetInternals {
  _addGlyph?: (gid: number) => number;
  includeGlyph(gid: number): number;
  encode?: () => Uint8Array;
  glyphs?: number[];
  glyf?: Uint8Array[];
  loca?: { offsets: number[]; version?: number };
  hmtx?: { metrics: { advance: number; bearing: number }[]; bearings?: number[] };
  offset?: number;
}

const internals = (font: Font) => font as unknown as FontInternals;

/** The face's name records (all ids and languages); empty when fontkit exposes none. */
export function nameRecords(font: Font): NameRecords {
  return internals(font).name?.records ?? {};
}

/** The tags of the face's tables (`glyf`, `CFF `, `fvar`…). */
export function tableTags(font: Font): string[] {
  return Object.keys(internals(font).directory?.tables ?? {});
}

/** The bytes fontkit parsed this face from (a single SFNT, or a collection's whole file). */
export function parsedBytes(font: Font): Uint8Array | undefined {
  const held = internals(font).stream?.buffer;
  return held instanceof Uint8Array ? held : undefined;
}

/** What of fontkit's internals a face lacks for the fast subsetter (empty: all there). */
export function missingSubsetInternals(font: Font): string[] {
  const f = internals(font);
  const missing: string[] = [];
  if (!f.directory?.tables) missing.push('directory.tables');
  if (typeof f.createSubset !== 'function') missing.push('createSubset');
  if (typeof f._getTableStream !== 'function') missing.push('_getTableStream');
  if (!Array.isArray(f.loca?.offsets)) missing.push('loca.offsets');
  const glyph = typeof f.getGlyph === 'function' ? f.getGlyph(0) : undefined;
  if (typeof glyph?._decode !== 'function') missing.push('Glyph._decode');
  if (typeof glyph?._getMetrics !== 'function') missing.push('Glyph._getMetrics');
  const subset = typeof f.createSubset === 'function' ? f.createSubset() : undefined;
  if (typeof subset?._addGlyph !== 'function') missing.push('TTFSubset._addGlyph');
  return missing;
}

/** What of fontkit's internals a face lacks for `lazyGlyphNames` (empty: all there). */
export function missingPostInternals(font: Font): string[] {
  const f = internals(font);
  const missing: string[] = [];
  if (!f._tables || typeof f._tables !== 'object') missing.push('_tables');
  if (typeof f._decodeTable !== 'function') missing.push('_decodeTable');
  if (!(f.stream?.buffer instanceof Uint8Array)) missing.push('stream.buffer');
  return missing;
}

/** The post fields after the version that a version 2 table decodes only on demand. */
const POST_V2_FIELDS = ['numberOfGlyphs', 'glyphNameIndex', 'names'] as const;

/**
 * Give a face a `post` table whose header is read now (32 bytes) and whose glyph names are decoded
 * by fontkit itself the first time they are read. Only version 2 tables (the ones with names);
 * anything else, or a fontkit without these internals, is left as it is. Idempotent.
 */
export function lazyGlyphNames(font: Font): void {
  const f = internals(font);
  const table = f.directory?.tables.post;
  const bytes = f.stream?.buffer;
  if (!table || !(bytes instanceof Uint8Array) || !f._tables || typeof f._decodeTable !== 'function' || 'post' in f._tables) return;
  if (table.length < 32 || table.offset + table.length > bytes.length) return;
  const v = new DataView(bytes.buffer, bytes.byteOffset + table.offset, 32);
  const fixed = (at: number) => v.getInt32(at) / 65536;
  if (fixed(0) !== 2) return;
  let full: Record<string, unknown> | undefined;
  const decode = () => (full ??= f._decodeTable!(table));
  const post: Record<string, unknown> = {
    version: 2,
    italicAngle: fixed(4),
    underlinePosition: v.getInt16(8),
    underlineThickness: v.getInt16(10),
    isFixedPitch: v.getUint32(12),
    minMemType42: v.getUint32(16),
    maxMemType42: v.getUint32(20),
    minMemType1: v.getUint32(24),
    maxMemType1: v.getUint32(28),
  };
  for (const k of POST_V2_FIELDS) Object.defineProperty(post, k, { get: () => decode()[k], enumerable: true });
  f._tables.post = post;
}

/** What of fontkit's internals a face lacks for `lazyLoca` (empty: all there). */
export function missingLocaInternals(font: Font): string[] {
  const missing = missingPostInternals(font);
  if (!internals(font).directory?.tables.loca) missing.push('directory.tables.loca');
  return missing;
}

/**
 * Give a TrueType face a `loca` table read straight from its bytes the first time it is asked for,
 * as fontkit would decode it: `{ version, offsets }`, offsets in bytes (a short table's doubled,
 * `_processed` set as fontkit's process() sets it). fontkit decodes the table through restructure
 * one number at a time, ~10 ms per CJK face (65,536 offsets) in every process that subsets or
 * measures it; a DataView loop takes a fraction of a millisecond. A WOFF or WOFF2 face, a table that
 * does not end on a whole offset, or a fontkit without these internals, is left to fontkit. Idempotent.
 */
export function lazyLoca(font: Font): void {
  const f = internals(font);
  const table = f.directory?.tables.loca;
  const bytes = f.stream?.buffer;
  const tables = f._tables;
  // Only a plain TrueType file holds its tables as they are: WOFF2 (and WOFF) rebuild them.
  if ((f as { type?: string }).type !== 'TTF') return;
  if (!table || !(bytes instanceof Uint8Array) || !tables || typeof f._decodeTable !== 'function' || 'loca' in tables) return;
  if (table.offset + table.length > bytes.length) return;
  let loca: Record<string, unknown> | undefined;
  const read = (): Record<string, unknown> => {
    const version = (f as { head?: { indexToLocFormat?: number } }).head?.indexToLocFormat;
    const size = version === 0 ? 2 : 4;
    if ((version !== 0 && version !== 1) || table.length % size !== 0) return f._decodeTable!(table);
    const v = new DataView(bytes.buffer, bytes.byteOffset + table.offset, table.length);
    const offsets: number[] = new Array(table.length / size);
    if (version === 0) for (let i = 0; i < offsets.length; i++) offsets[i] = v.getUint16(i * 2) << 1;
    else for (let i = 0; i < offsets.length; i++) offsets[i] = v.getUint32(i * 4);
    return version === 0 ? { version, offsets, _processed: true } : { version, offsets };
  };
  Object.defineProperty(tables, 'loca', { configurable: true, enumerable: true, get: () => (loca ??= read()) });
}

/** A restructure LazyArray's elements where it reads them: the stream's bytes, the first one's offset, the count. */
function lazyElements(a: unknown, size: number): { view: DataView; base: number; length: number } | undefined {
  const v = a as { stream?: { buffer?: unknown }; base?: unknown; length?: unknown; get?: unknown } | undefined;
  const bytes = v?.stream?.buffer;
  if (!v || typeof v.get !== 'function' || typeof v.base !== 'number' || typeof v.length !== 'number' || !(bytes instanceof Uint8Array)) return undefined;
  if (!Number.isInteger(v.length) || v.base < 0 || v.base + v.length * size > bytes.length) return undefined;
  return { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), base: v.base, length: v.length };
}

/** fontkit's cmap subtable, the fields its lookup reads. */
interface CmapSubtable {
  version?: number;
  nGroups?: number;
  segCount?: number;
  groups?: unknown;
  startCode?: unknown;
  endCode?: unknown;
  idDelta?: unknown;
  idRangeOffset?: unknown;
  glyphIndexArray?: unknown;
}

/** Format 12/13 (groups of code points): fontkit's binary search over a typed copy of the groups. */
function groupsLookup(cmap: CmapSubtable): ((cp: number) => number) | undefined {
  const g = lazyElements(cmap.groups, 12);
  if (!g || g.length !== cmap.nGroups) return undefined;
  const n = g.length;
  const t = new Uint32Array(3 * n);
  for (let i = 0; i < 3 * n; i++) t[i] = g.view.getUint32(g.base + 4 * i);
  const constant = cmap.version === 13;
  return (cp) => {
    let min = 0;
    let max = n - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      if (cp < t[3 * mid]!) max = mid - 1;
      else if (cp > t[3 * mid + 1]!) min = mid + 1;
      else return constant ? t[3 * mid + 2]! : t[3 * mid + 2]! + (cp - t[3 * mid]!);
    }
    return 0;
  };
}

/** Format 4 (segments of the BMP): fontkit's binary search over typed copies of the segment arrays. */
function segmentsLookup(cmap: CmapSubtable): ((cp: number) => number) | undefined {
  const n = cmap.segCount;
  if (typeof n !== 'number') return undefined;
  const parts = [cmap.startCode, cmap.endCode, cmap.idDelta, cmap.idRangeOffset].map((a) => lazyElements(a, 2));
  const gia = lazyElements(cmap.glyphIndexArray, 2);
  if (!gia || parts.some((p) => !p || p.length !== n)) return undefined;
  const read = (p: { view: DataView; base: number; length: number }, signed: boolean): Int32Array => {
    const out = new Int32Array(p.length);
    for (let i = 0; i < p.length; i++) out[i] = signed ? p.view.getInt16(p.base + 2 * i) : p.view.getUint16(p.base + 2 * i);
    return out;
  };
  const [start, end, delta, rangeOffset] = [read(parts[0]!, false), read(parts[1]!, false), read(parts[2]!, true), read(parts[3]!, false)];
  // An odd range offset would make fontkit read between two entries: such a table stays with fontkit.
  if (rangeOffset.some((r) => r % 2 !== 0)) return undefined;
  const glyphs = read(gia, false);
  return (cp) => {
    let min = 0;
    let max = n - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      if (cp < start[mid]!) max = mid - 1;
      else if (cp > end[mid]!) min = mid + 1;
      else {
        const ro = rangeOffset[mid]!;
        let gid: number;
        if (ro === 0) gid = cp + delta[mid]!;
        else {
          const index = ro / 2 + (cp - start[mid]!) - (n - mid);
          gid = index >= 0 && index < glyphs.length ? glyphs[index]! : 0;
          if (gid !== 0) gid += delta[mid]!;
        }
        return gid & 0xffff;
      }
    }
    return 0;
  };
}

const cmapPatched = new WeakSet<object>();

/**
 * Look code points up in the face's Unicode cmap (format 4 or 12/13) from typed copies of the
 * subtable, with fontkit's own search. fontkit reads each group or segment through restructure the
 * first time its binary search touches it: 2-10 ms per face for a document's first thousand Han
 * characters, in every process (and `hasGlyphForCodePoint` down a fallback chain costs the same).
 * Lookups with a variation selector, re-encoded (non-Unicode) cmaps and other formats stay with
 * fontkit. Idempotent.
 */
export function fastCmap(font: Font): void {
  if (cmapPatched.has(font)) return;
  cmapPatched.add(font);
  let processor: { lookup?: (cp: number, vs?: number) => number; encoding?: unknown; cmap?: CmapSubtable } | undefined;
  try {
    processor = (font as unknown as { _cmapProcessor?: typeof processor })._cmapProcessor;
  } catch {
    return; // a damaged cmap: fontkit reports it where it is used
  }
  const own = processor?.lookup;
  if (!processor || typeof own !== 'function' || processor.encoding || !processor.cmap) return;
  const v = processor.cmap.version;
  const fast = v === 12 || v === 13 ? groupsLookup(processor.cmap) : v === 4 ? segmentsLookup(processor.cmap) : undefined;
  if (!fast) return;
  const fallback = own.bind(processor);
  processor.lookup = (cp: number, vs?: number) => (vs ? fallback(cp, vs) : fast(cp));
}

const patched = new WeakSet<object>();

/** What the subset writer copies of one glyph: read once per face for the process (a face's glyphs never change). */
interface GlyphCopy {
  /** The glyph's bytes where fontkit parsed them (a view, no copy). */
  bytes: Uint8Array;
  /** Its hmtx entry (read only). */
  metric: { advance: number; bearing: number };
  /** A composite's components: glyph id and where that id sits in `bytes`; undefined for a simple glyph. */
  components: readonly { glyphID: number; pos: number }[] | undefined;
}

/** Glyph copies per face, by glyph id. */
const glyphCopies = new WeakMap<FontInternals, (GlyphCopy | undefined)[]>();

/**
 * A glyph's copy, read the first time any document of the process embeds it. The glyph object is
 * made then, first, as fontkit's _addGlyph makes it (a component first made here has no code
 * points); every later call would only have got fontkit's cached object back. Undefined when its
 * bytes are not plainly in the parsed face (then `addGlyph` reads them as fontkit does).
 */
function glyphCopy(font: FontInternals, gid: number): GlyphCopy | undefined {
  let copies = glyphCopies.get(font);
  if (!copies) glyphCopies.set(font, (copies = []));
  const known = copies[gid];
  if (known) return known;
  const glyph = font.getGlyph(gid);
  const place = glyfPlace(font as unknown as Font);
  const from = place?.loca[gid];
  const to = place?.loca[gid + 1];
  if (!place || from === undefined || to === undefined || from > to || place.glyf + to > place.bytes.byteLength) return undefined;
  const bytes = new Uint8Array(place.bytes.buffer, place.bytes.byteOffset + place.glyf + from, to - from);
  const copy: GlyphCopy = { bytes, ...glyphParts(font, gid, glyph, bytes) };
  copies[gid] = copy;
  return copy;
}

/** A glyph's hmtx entry and, when its bytes are a composite's (numberOfContours < 0), its components. */
function glyphParts(font: FontInternals, gid: number, glyph: ReturnType<FontInternals['getGlyph']>, bytes: Uint8Array): Omit<GlyphCopy, 'bytes'> {
  const hm = horizontalMetrics(font as unknown as Font);
  return {
    metric: hm ? { advance: hm.advance(gid), bearing: hm.leftBearing(gid) } : { advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing },
    components: bytes.length >= 2 && (bytes[0]! & 0x80) !== 0 ? (glyph._decode()?.components ?? []) : undefined,
  };
}

/** Copy one glyph into the subset, as fontkit's TTFSubset._addGlyph does. */
function addGlyph(font: FontInternals, subset: Required<SubsetInternals>, gid: number): number {
  const copy = glyphCopy(font, gid);
  let buffer: Uint8Array;
  let metric: { advance: number; bearing: number };
  let components: readonly { glyphID: number; pos: number }[] | undefined;
  if (copy) ({ bytes: buffer, metric, components } = copy);
  else {
    const glyph = font.getGlyph(gid);
    const start = font.loca!.offsets[gid]!;
    const end = font.loca!.offsets[gid + 1]!;
    const stream = font._getTableStream('glyf')!;
    stream.pos += start;
    buffer = stream.readBuffer(end - start);
    ({ metric, components } = glyphParts(font, gid, glyph, buffer));
  }
  if (components) {
    // Copy, then point the components at their subset ids.
    buffer = new Uint8Array(buffer);
    const view = new DataView(buffer.buffer);
    for (const component of components) view.setUint16(component.pos, subset.includeGlyph(component.glyphID));
  }
  subset.glyf.push(buffer);
  subset.loca.offsets.push(subset.offset);
  subset.hmtx.metrics.push(metric);
  subset.offset += buffer.length;
  return subset.glyf.length - 1;
}

/** A subset file's tables in fontkit's order; null where the bytes depend on the glyphs (loca, glyf, hmtx). */
type TableLayout = { tag: string; bytes: Uint8Array | null }[];

/** The tables of a face's subsets, from fontkit's own encoding of a one-glyph subset. */
const layouts = new WeakMap<object, TableLayout | false>();

const GLYPH_TABLES = new Set(['loca', 'glyf', 'hmtx']);

/**
 * Read the table directory fontkit writes for a subset: its order of tables, and the bytes of
 * those that do not depend on the glyphs (head, hhea and maxp as fontkit re-encodes them, the
 * hinting tables). False when the file is not what this writer reproduces.
 */
function tableLayout(file: Uint8Array): TableLayout | false {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (file.length < 12) return false;
  const n = v.getUint16(4);
  const out: TableLayout = [];
  let at = 12 + 16 * n;
  for (let i = 0; i < n; i++) {
    const e = 12 + 16 * i;
    const tag = String.fromCharCode(file[e]!, file[e + 1]!, file[e + 2]!, file[e + 3]!);
    const offset = v.getUint32(e + 8);
    const length = v.getUint32(e + 12);
    if (v.getUint32(e + 4) !== 0 || offset !== at || offset + length > file.length) return false;
    at += length;
    out.push({ tag, bytes: GLYPH_TABLES.has(tag) ? null : file.slice(offset, offset + length) });
  }
  const tags = out.map((t) => t.tag);
  if (at !== file.length || !['head', 'hhea', 'maxp', ...GLYPH_TABLES].every((t) => tags.includes(t))) return false;
  if (out.find((t) => t.tag === 'hhea')!.bytes!.length < 36 || out.find((t) => t.tag === 'maxp')!.bytes!.length < 6) return false;
  return out;
}

/**
 * TTFSubset.encode without restructure: the same glyph loop, then the file written directly —
 * fontkit's directory (tag `true`, checksums 0, tables back to back in its order), loca in the
 * face's format, hmtx as advance + bearing per glyph, glyf the copied glyphs, the other tables as
 * fontkit encodes them with hhea.numberOfMetrics and maxp.numGlyphs set to the glyph count.
 */
function encodeSubset(font: FontInternals, s: Required<SubsetInternals>, layout: TableLayout): Uint8Array {
  s.glyf = [];
  s.offset = 0;
  s.loca = { offsets: [], version: font.loca!.version! };
  s.hmtx = { metrics: [], bearings: [] };
  let i = 0;
  while (i < s.glyphs.length) s._addGlyph(s.glyphs[i++]!);
  s.loca.offsets.push(s.offset);
  const count = s.glyf.length;
  const shortLoca = s.loca.version === 0;
  const size = (tag: string, bytes: Uint8Array | null): number =>
    bytes ? bytes.length : tag === 'loca' ? s.loca.offsets.length * (shortLoca ? 2 : 4) : tag === 'glyf' ? s.offset : 4 * s.hmtx.metrics.length;
  const numTables = layout.length;
  let total = 12 + 16 * numTables;
  for (const t of layout) total += size(t.tag, t.bytes);
  const file = new Uint8Array(total);
  const v = new DataView(file.buffer);
  const maxPowerOf2 = Math.pow(2, Math.floor(Math.log(numTables) / Math.LN2));
  file.set([0x74, 0x72, 0x75, 0x65]); // 'true'
  v.setUint16(4, numTables);
  v.setUint16(6, maxPowerOf2 * 16);
  v.setUint16(8, Math.log(maxPowerOf2) / Math.LN2);
  v.setUint16(10, numTables * 16 - maxPowerOf2 * 16);
  let at = 12 + 16 * numTables;
  layout.forEach((t, k) => {
    const e = 12 + 16 * k;
    for (let c = 0; c < 4; c++) file[e + c] = t.tag.charCodeAt(c);
    const length = size(t.tag, t.bytes);
    v.setUint32(e + 8, at);
    v.setUint32(e + 12, length);
    if (t.bytes) {
      file.set(t.bytes, at);
      if (t.tag === 'hhea') v.setUint16(at + 34, s.hmtx.metrics.length);
      if (t.tag === 'maxp') v.setUint16(at + 4, count);
    } else if (t.tag === 'loca') {
      let p = at;
      for (const o of s.loca.offsets) {
        if (shortLoca) (v.setUint16(p, o >>> 1), (p += 2));
        else (v.setUint32(p, o), (p += 4));
      }
    } else if (t.tag === 'glyf') {
      let p = at;
      for (const g of s.glyf) (file.set(g, p), (p += g.length));
    } else {
      let p = at;
      for (const m of s.hmtx.metrics) (v.setUint16(p, m.advance), v.setInt16(p + 2, m.bearing), (p += 4));
    }
    at += length;
  });
  return file;
}

/** Make a static TrueType font's subsets copy glyphs without decoding them (idempotent). */
export function useFastSubset(font: Font): void {
  const f = internals(font);
  const tables = f.directory?.tables;
  if (patched.has(f) || !tables || !tables.glyf || tables['CFF '] || tables.gvar || f._variationProcessor) return;
  if (typeof f.createSubset !== 'function' || typeof f._getTableStream !== 'function') return;
  patched.add(f);
  const original = f.createSubset.bind(f);
  f.createSubset = () => {
    const subset = original();
    const s = subset as Required<SubsetInternals>;
    const fallback = s._addGlyph?.bind(s);
    if (!fallback) return subset;
    // encode() creates glyf/loca/hmtx/offset just before copying glyphs: check them per call.
    s._addGlyph = (gid: number) =>
      Array.isArray(s.glyf) && s.loca && s.hmtx && typeof s.offset === 'number' ? addGlyph(f, s, gid) : fallback(gid);
    const encode = s.encode?.bind(s);
    if (!encode || !Array.isArray(s.glyphs) || typeof f.loca?.version !== 'number') return subset;
    s.encode = () => {
      let layout = layouts.get(f);
      if (layout === undefined) layouts.set(f, (layout = tableLayout(original().encode!())));
      return layout ? encodeSubset(f, s, layout) : encode();
    };
    return subset;
  };
}
