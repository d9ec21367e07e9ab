/** Types for `subset-font` (HarfBuzz hb-subset in wasm), which ships none. */
declare module 'subset-font' {
  /** Options of one subsetting call. */
  interface SubsetFontOptions {
    /** Output container; 'truetype' (alias 'sfnt') gives a bare TrueType file. */
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    /** Extra name ids kept in the `name` table (hb-subset keeps 0–6 by default). */
    preserveNameIds?: number[];
    /** Skip the GSUB glyph closure. */
    noLayoutClosure?: boolean;
  }
  /** Subset a font (SFNT, WOFF or WOFF2) to the characters of `text`. */
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
