/**
 * Page-number footers. Official: "— N —" of text 一字线 (U+2014) around a PAGE field, 4号 宋体,
 * odd pages right and even pages left, one character in from the block edge (GB/T 9704 7.5).
 * Reading copy: "第 N 页 / 共 M 页" centred. Not `w:pgNumType numberInDash`: it draws hyphens.
 * Reference: ../shared/notes/typesetting.md §4.6.
 */
import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import type { Preset } from '../../style/preset.ts';
import { ptToHalfPt } from '../../style/units.ts';
import type { DocxGeometry } from './geometry.ts';
import type { FontNamer } from './font-names.ts';
import type { FontUsage } from './font-usage.ts';

/** Footers of the section: `even` only when odd and even pages differ. */
export interface DocxFooters {
  /** Footer of odd pages (all pages when `even` is absent). */
  default: Footer;
  /** Footer of even pages. */
  even?: Footer;
}

/** Text the page-number face must be able to draw besides the digits. */
const PAGE_NUMBER_TEXT = '— 第页共/';

/** Build the footers for a preset. */
export function buildFooters(p: Preset, g: DocxGeometry, names: FontNamer, usage: FontUsage): DocxFooters {
  usage.useRole('pageNumber', PAGE_NUMBER_TEXT);
  // Word draws the field result itself, so every slot names the page-number face (宋体 digits).
  const face = names.role('pageNumber');
  const run = {
    font: { ascii: face, hAnsi: face, eastAsia: face, cs: face, hint: 'eastAsia' },
    size: ptToHalfPt(p.pageNumberSizePt),
    sizeComplexScript: ptToHalfPt(p.pageNumberSizePt),
  };
  const parts: ({ text: string } | { field: (typeof PageNumber)[keyof typeof PageNumber] })[] =
    p.pageNumberFormat === 'dash'
      ? [{ text: '— ' }, { field: PageNumber.CURRENT }, { text: ' —' }]
      : [{ text: '第 ' }, { field: PageNumber.CURRENT }, { text: ' 页 / 共 ' }, { field: PageNumber.TOTAL_PAGES }, { text: ' 页' }];
  const paragraph = (side: 'left' | 'right' | 'center') =>
    new Paragraph({
      alignment: side === 'left' ? AlignmentType.LEFT : side === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
      // Exactly one page-number line tall, so `w:footer` puts its top 7 mm under the block.
      spacing: { before: 0, after: 0, line: g.footerLine, lineRule: LineRuleType.EXACT },
      indent: {
        firstLine: 0,
        firstLineChars: 0,
        left: side === 'left' ? g.pageNumberInset : 0,
        right: side === 'right' ? g.pageNumberInset : 0,
      },
      children: parts.map((t) => ('text' in t ? new TextRun({ ...run, text: t.text }) : new TextRun({ ...run, children: [t.field] }))),
    });
  if (p.pageNumberPlacement === 'center') return { default: new Footer({ children: [paragraph('center')] }) };
  return {
    default: new Footer({ children: [paragraph('right')] }),
    even: new Footer({ children: [paragraph('left')] }),
  };
}
