/**
 * hb-subset (HarfBuzz in wasm, the build `subset-font` ships) driven directly, so the expensive
 * part happens once per process per face instead of once per document: `subset-font` re-reads the
 * 15 MB file, converts WOFF in pure JS (fontverter/pako: ~1.8 s for LXGW WenKai) and creates and
 * sanitizes a new HarfBuzz face on every call — 0.7–2 s per DOCX. Here a face is created from the
 * SFNT bytes fontkit already holds (WOFF was unpacked with zlib at load) once per process; a
 * document only pays for its subset plan. The calls and settings are those of subset-font 2.x with
 * `targetFormat: 'truetype'` (all layout features kept, default name ids, hinting kept), so the
 * subsets are byte-identical to what it wrote (tests/render-docx checks against it).
 */
import { readFileSync } from 'node:fs';
import type { Font } from 'fontkit';
import { parsedBytes } from '../../adapters/fontkit.ts';
import { HB_MEMORY_MODE_WRITABLE, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG, newHarfBuzz, type HarfBuzz } from '../../adapters/harfbuzz.ts';
import { isWoff, woffToSfnt } from '../../fonts/woff.ts';

/** Whether bytes start like a single TrueType/OpenType font (not a collection, WOFF or WOFF2). */
function isSfnt(b: Uint8Array): boolean {
  const tag = b.length >= 12 ? ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0 : 0;
  return tag === 0x00010000 || tag === 0x74727565 /* true */ || tag === 0x4f54544f /* OTTO */;
}

/**
 * The SFNT bytes of a face: those fontkit parsed (no second copy read from disk), else the file,
 * unpacked when it is WOFF 1.0. Undefined for containers hb-subset cannot take directly (WOFF2).
 */
function sfntBytes(font: Font, file: string): Uint8Array | undefined {
  const held = parsedBytes(font);
  if (held && isSfnt(held)) return held;
  const bytes = readFileSync(file);
  if (isSfnt(bytes)) return bytes;
  if (isWoff(bytes)) return woffToSfnt(bytes);
  return undefined;
}

/** A face loaded in its own HarfBuzz instance. */
interface HbFace {
  h: HarfBuzz;
  face: number;
}

/**
 * HarfBuzz faces by fontkit font (parsed once per process, so one HarfBuzz face per face file and
 * process); a font re-parsed after its file changed gets a new one.
 */
const faces = new WeakMap<Font, HbFace | null>();

function faceOf(font: Font, file: string): HbFace | undefined {
  const known = faces.get(font);
  if (known !== undefined) return known ?? undefined;
  const bytes = sfntBytes(font, file);
  if (!bytes) {
    faces.set(font, null);
    return undefined;
  }
  const h = newHarfBuzz();
  const data = h.malloc(bytes.byteLength);
  if (data === 0) throw new Error(`[docx] ${file} is too large for hb-subset (64 MB)`);
  new Uint8Array(h.memory.buffer).set(bytes, data);
  // The face reads the bytes in place; they stay allocated as long as the process. Not preprocessed
  // (hb_subset_preprocess): it copies every table, which does not fit beside a CJK face in 64 MB,
  // and saved under a millisecond per subset.
  const blob = h.hb_blob_create(data, bytes.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = { h, face: h.hb_face_create(blob, 0) };
  h.hb_blob_destroy(blob);
  faces.set(font, face);
  return face;
}

/**
 * A TrueType subset of a single-font file holding the glyphs of `text` (plus what layout features
 * reach from them). Undefined when the file is not one HarfBuzz takes here (the caller falls back).
 * Throws when hb-subset fails.
 */
export function hbSubset(font: Font, file: string, text: string): Uint8Array | undefined {
  const loaded = faceOf(font, file);
  if (!loaded) return undefined;
  const { h, face } = loaded;
  const input = h.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('[docx] hb_subset_input_create_or_fail failed');
  let subset = 0;
  try {
    // Keep every layout feature (hb-subset's --layout-features=*), as subset-font does by default.
    const features = h.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    h.hb_set_clear(features);
    h.hb_set_invert(features);
    const unicodes = h.hb_subset_input_unicode_set(input);
    for (const c of text) h.hb_set_add(unicodes, c.codePointAt(0)!);
    subset = h.hb_subset_or_fail(face, input);
  } finally {
    h.hb_subset_input_destroy(input);
  }
  if (subset === 0) throw new Error(`[docx] hb-subset failed on ${file}`);
  const blob = h.hb_face_reference_blob(subset);
  try {
    const offset = h.hb_blob_get_data(blob, 0);
    const length = h.hb_blob_get_length(blob);
    if (length === 0) throw new Error(`[docx] hb-subset produced an empty font from ${file}`);
    // A copy: the next call reuses this memory.
    return new Uint8Array(h.memory.buffer, offset, length).slice();
  } finally {
    h.hb_blob_destroy(blob);
    h.hb_face_destroy(subset);
  }
}
