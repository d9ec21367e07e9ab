/**
 * Style presets: the one source of truth for page geometry, grid, sizes and per-element choices,
 * read by the layout engine (PDF) and the DOCX renderer alike.
 * Reference: GB/T 9704-2012 clauses 5.2, 7.3, 7.5; ../shared/notes/typesetting.md §0, §2.3, §6.
 */
import type { FontRole } from '../fonts/roles.ts';
import { PT_PER_MM } from './units.ts';

/** Names of the presets shipped. */
export type PresetName = 'official' | 'reading';

/** Page number format: GB/T 9704 "— N —", or the reading copy's "第 N 页 / 共 M 页". */
export type PageNumberFormat = 'dash' | 'ofTotal';

/** Where page numbers sit: GB/T 9704 outside edge (odd right, even left) or centred. */
export type PageNumberPlacement = 'outside' | 'center';

/** How a run-in lead (一是…。) is set: in its own role face, or in the body face made bold, or not at all. */
export type LeadStyle = 'role' | 'bold' | 'none';

/** A complete style preset; all lengths in millimetres or points as their names say. */
export interface Preset {
  /** Preset name, as given on the command line. */
  name: PresetName;
  /** Paper width (A4: 210). */
  pageWidthMm: number;
  /** Paper height (A4: 297). */
  pageHeightMm: number;
  /** White above the text block (天头), 37 mm in GB/T 9704. */
  marginTopMm: number;
  /** White left of the text block (订口), 28 mm. */
  marginLeftMm: number;
  /** Text block (版心) width, 156 mm. */
  blockWidthMm: number;
  /** Text block height, 225 mm. */
  blockHeightMm: number;
  /** Grid lines per full page (22). */
  linesPerPage: number;
  /** Han characters per full line (28). */
  charsPerLine: number;
  /** Body size in points (3号 = 16). */
  bodySizePt: number;
  /** Title size in points (2号 = 22). */
  titleSizePt: number;
  /** Heading size in points (16, as body). */
  headingSizePt: number;
  /** Subtitle, speaker and date line size in points. */
  titleBlockSizePt: number;
  /** Page number size in points (4号 = 14). */
  pageNumberSizePt: number;
  /** Grid lines a title line occupies (a 22 pt title in a 29 pt grid takes one). */
  titleLinePitchLines: number;
  /** First-line indent of paragraphs and headings, in characters. */
  firstLineIndentChars: number;
  /** Page number text format. */
  pageNumberFormat: PageNumberFormat;
  /** Page number placement. */
  pageNumberPlacement: PageNumberPlacement;
  /** Distance from the block's bottom edge down to the top of the page-number line box (7 mm). */
  pageNumberGapMm: number;
  /** Inset of the page number from the block edge, in page-number characters (空一字 = 1). */
  pageNumberInsetChars: number;
  /** Font role per heading depth. */
  headingRoles: Record<1 | 2 | 3 | 4, FontRole>;
  /** Bold (synthetic if the face has no bold cut) per heading depth. */
  headingBold: Record<1 | 2 | 3 | 4, boolean>;
  /** How run-in leads are set. */
  leadStyle: LeadStyle;
  /** Keep a paragraph whole on one page when it fits (reading copy). */
  keepParagraphsWhole: boolean;
  /** Minimum lines of a paragraph left at a page bottom or carried to a page top (widow/orphan control). */
  minLinesAtBreak: number;
  /** Print credit lines (编辑：…) at the end of the document. */
  printCredits: boolean;
  /** Print the 原标题 line under the title block when it differs from the title. */
  printOriginalTitle: boolean;
}

/** GB/T 9704-2012: A4, block 156 × 225 mm at 37/28 mm, 22 × 28 grid, 3号 body, "— N —" outside. */
export const OFFICIAL: Preset = {
  name: 'official',
  pageWidthMm: 210,
  pageHeightMm: 297,
  marginTopMm: 37,
  marginLeftMm: 28,
  blockWidthMm: 156,
  blockHeightMm: 225,
  linesPerPage: 22,
  charsPerLine: 28,
  bodySizePt: 16,
  titleSizePt: 22,
  headingSizePt: 16,
  titleBlockSizePt: 16,
  pageNumberSizePt: 14,
  titleLinePitchLines: 1,
  firstLineIndentChars: 2,
  pageNumberFormat: 'dash',
  pageNumberPlacement: 'outside',
  pageNumberGapMm: 7,
  pageNumberInsetChars: 1,
  headingRoles: { 1: 'heading1', 2: 'heading2', 3: 'heading3', 4: 'heading3' },
  headingBold: { 1: false, 2: false, 3: false, 4: false },
  leadStyle: 'role',
  keepParagraphsWhole: false,
  // 撑满版心: pages fill the block; a page ends short only for a heading or a 孤字 (layout/paginate/keep.ts).
  minLinesAtBreak: 1,
  printCredits: false,
  printOriginalTitle: false,
};

/**
 * The speaker's large-print reading copy (讲稿大字版): 22 pt text, generous pitch, "第 N 页 / 共 M 页",
 * paragraphs split with at least two lines on each side of a page break. Same paper and margins; 12 lines × 20 characters.
 */
export const READING: Preset = {
  ...OFFICIAL,
  name: 'reading',
  linesPerPage: 14,
  charsPerLine: 20,
  bodySizePt: 22,
  titleSizePt: 26,
  headingSizePt: 22,
  titleBlockSizePt: 22,
  pageNumberSizePt: 14,
  pageNumberFormat: 'ofTotal',
  pageNumberPlacement: 'center',
  // Paragraphs split with two lines or more on each side: kept whole, a 3-page speech took 7 pages.
  keepParagraphsWhole: false,
  minLinesAtBreak: 2,
};

/** All presets by name. */
export const PRESETS: Record<PresetName, Preset> = { official: OFFICIAL, reading: READING };

/** Geometry derived from a preset, in points (page origin top-left). */
export interface PageGeometry {
  /** Paper width. */
  pageWidthPt: number;
  /** Paper height. */
  pageHeightPt: number;
  /** Left edge of the text block. */
  blockLeftPt: number;
  /** Top edge of the text block. */
  blockTopPt: number;
  /** Block width. */
  blockWidthPt: number;
  /** Block height. */
  blockHeightPt: number;
  /** Grid line pitch: block height / lines per page (28.99 pt for the official preset). */
  linePitchPt: number;
  /** Character cell: block width / chars per line (15.79 pt for the official preset). */
  cellPt: number;
}

/** Compute the page geometry of a preset. */
export function pageGeometry(p: Preset): PageGeometry {
  const k = PT_PER_MM;
  const blockWidthPt = p.blockWidthMm * k;
  const blockHeightPt = p.blockHeightMm * k;
  return {
    pageWidthPt: p.pageWidthMm * k,
    pageHeightPt: p.pageHeightMm * k,
    blockLeftPt: p.marginLeftMm * k,
    blockTopPt: p.marginTopMm * k,
    blockWidthPt,
    blockHeightPt,
    linePitchPt: blockHeightPt / p.linesPerPage,
    cellPt: blockWidthPt / p.charsPerLine,
  };
}
