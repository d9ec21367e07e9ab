/**
 * Page geometry in Word's units (twips, half-points), derived from the preset only.
 * Reference: ../shared/notes/typesetting.md §0, §4.1, §4.2, §4.6; GB/T 9704-2012 5.2, 7.5.
 */
import type { Preset } from '../../style/preset.ts';
import { mmToTwip, ptToTwip } from '../../style/units.ts';

/** Everything the section, styles and footers need, in twips unless named otherwise. */
export interface DocxGeometry {
  /** Paper width. */
  pageWidth: number;
  /** Paper height. */
  pageHeight: number;
  /** Top margin (天头). */
  marginTop: number;
  /** Right margin: paper − left margin − block width. */
  marginRight: number;
  /** Bottom margin: paper − top margin − block height. */
  marginBottom: number;
  /** Left margin (订口). */
  marginLeft: number;
  /** Text block width: the preset's, widened by a hair when the tracked characters need it. */
  blockWidth: number;
  /** Grid line pitch: the block height over the lines per page, rounded down so they all fit. */
  linePitch: number;
  /** Run character spacing (w:spacing w:val, twentieths of a point) that makes the line hold its characters. */
  tracking: number;
  /** The same for the title's size: the PDF sets a title character in the body cell scaled to its size. */
  titleTracking: number;
  /** The same for the subtitle, speaker and date lines' size. */
  titleBlockTracking: number;
  /** First-line indent of body text: the indent characters at their tracked advance. */
  bodyIndent: number;
  /** One body character's tracked advance: the unit of every indent counted in characters. */
  bodyAdvance: number;
  /** Distance from the paper bottom to the bottom of the footer paragraph. */
  footerDistance: number;
  /** Height of the footer paragraph (exactly one page-number size). */
  footerLine: number;
  /** Inset of the page number from the block edge (空一字). */
  pageNumberInset: number;
}

/** Twips a full line's block holds beyond its characters' advances, for LibreOffice (measured, see below). */
const LINE_SPARE_TW = 19;

/** Derive the geometry from a preset. */
export function docxGeometry(p: Preset): DocxGeometry {
  const pageWidth = mmToTwip(p.pageWidthMm);
  const pageHeight = mmToTwip(p.pageHeightMm);
  const marginTop = mmToTwip(p.marginTopMm);
  const marginLeft = mmToTwip(p.marginLeftMm);
  const marginBottom = mmToTwip(p.pageHeightMm - p.marginTopMm - p.blockHeightMm);
  const blockHeight = pageHeight - marginTop - marginBottom;
  const nominalWidth = mmToTwip(p.blockWidthMm);
  // The character cell (15.79 pt for 28 in 156 mm) is narrower than a 16 pt glyph, so each glyph
  // gives back the difference as run character spacing, to the nearest twentieth of a point: −0.2 pt.
  // Measured in LibreOffice 7.4: −0.25 pt (rounding down) makes it drop punctuation it hangs at line
  // ends (9 marks lost in the sample); −0.2 pt loses none.
  const trackingAt = (sizePt: number) => Math.round(((nominalWidth / p.charsPerLine) * sizePt) / p.bodySizePt - ptToTwip(sizePt));
  const tracking = trackingAt(p.bodySizePt);
  const advance = ptToTwip(p.bodySizePt) + tracking;
  // The line must hold all its advances, and a little more: LibreOffice 7.4 measures text in
  // whole device units, so a full line of 28 × 316 tw = 8848 tw needs a few twips of spare (8848
  // gave 27 a line, 8853 gave 28), and how many decides whether it draws a mark it hangs past the
  // margin after a full line whose runs change face (a 要点句 in 楷体) or hold a ——. Measured over
  // the 39 corpus texts (texts in which LibreOffice dropped a hung mark, by spare): 14 tw 3, 16 tw
  // 29, 17 tw 34, 18 tw 1, 19 tw 0, 20 tw 6, 21 tw 9, 23 tw 2. So LINE_SPARE_TW is 19: for the
  // official preset the block is 8867 tw (156.4 mm) instead of 8845 tw, the right margin 1452 tw
  // (25.6 mm), inside GB/T 9704's ±1 mm. Word, which does not hang marks with overflowPunct off,
  // sets the same 28 characters a line either way.
  const blockWidth = Math.max(nominalWidth, p.charsPerLine * advance + LINE_SPARE_TW);
  const footerLine = ptToTwip(p.pageNumberSizePt);
  // GB/T 9704 7.5: the page-number line starts 7 mm below the block; Word measures the footer
  // distance from the paper edge to the footer's bottom, and the footer paragraph is exactly one line.
  const footerTopFromBottom = mmToTwip(p.pageHeightMm - p.marginTopMm - p.blockHeightMm - p.pageNumberGapMm);
  return {
    pageWidth,
    pageHeight,
    marginTop,
    marginRight: pageWidth - marginLeft - blockWidth,
    marginBottom,
    marginLeft,
    blockWidth,
    linePitch: Math.floor(blockHeight / p.linesPerPage),
    tracking,
    titleTracking: trackingAt(p.titleSizePt),
    titleBlockTracking: trackingAt(p.titleBlockSizePt),
    bodyIndent: p.firstLineIndentChars * advance,
    bodyAdvance: advance,
    footerDistance: footerTopFromBottom - footerLine,
    footerLine,
    pageNumberInset: p.pageNumberInsetChars * ptToTwip(p.pageNumberSizePt),
  };
}
