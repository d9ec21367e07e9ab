/**
 * The document's styles. Word's built-ins keep their English names (Normal, Title, Subtitle,
 * heading 1–4, Date, Salutation): Word and WPS recognise a built-in by its name and show it in the
 * user's language (正文, 标题, 副标题, 标题 1–4, 日期, 称呼), and the navigation pane, outline view
 * and a TOC depend on them. The project's own styles are named in Chinese, as a Chinese clerk finds
 * them in the style gallery: 讲话人, 落款, 成文日期, 稿件信息, 表格文字, 表格表头, 表格数字 and the
 * character styles 要点句, 段首标题 2–4, 占位符. No style uses Word numbering: markers (一、（一）1.)
 * stay text.
 * Reference: ../shared/notes/typesetting.md §4.3, §4.5; ECMA-376 Part 1 §17.7.4.9 (style name).
 */
import { AlignmentType, LineRuleType, type IStylesOptions, type IParagraphStyleOptions } from 'docx';
import type { FontRole } from '../../fonts/roles.ts';
import type { Preset } from '../../style/preset.ts';
import { ptToHalfPt, ptToTwip } from '../../style/units.ts';
import type { DocxGeometry } from './geometry.ts';
import type { FontNamer } from './font-names.ts';

/** Style ids used by the document body. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  speaker: 'Speaker',
  date: 'Date',
  salutation: 'Salutation',
  signature: 'Signature',
  signedDate: 'SignedDate',
  credit: 'Credit',
  tableText: 'TableText',
  tableHeader: 'TableHeader',
  tableNumber: 'TableNumber',
  lead: 'LeadSentence',
  placeholder: 'Placeholder',
  heading: (depth: 1 | 2 | 3 | 4) => `Heading${depth}`,
  runInHeading: (depth: 2 | 3 | 4) => `RunInHeading${depth}`,
} as const;

/** rFonts for a role: the role's face for East Asian text, the latin face for ASCII/Latin-1. */
export function roleFonts(names: FontNamer, role: FontRole) {
  const latin = names.role('latin');
  // hint eastAsia: quotes, dashes and the middle dot take the Chinese face, not Times.
  return { eastAsia: names.role(role), ascii: latin, hAnsi: latin, cs: latin, hint: 'eastAsia' };
}

/** Inputs shared by the style builders. */
export interface StyleContext {
  /** The preset. */
  preset: Preset;
  /** Geometry in twips. */
  geometry: DocxGeometry;
  /** Role → font name. */
  names: FontNamer;
  /** Whether placeholders get a yellow highlight. */
  highlightPlaceholders: boolean;
  /** BCP 47 language of the text (w:lang w:eastAsia), e.g. zh-CN. */
  lang: string;
  /** Characters left empty right of the 落款 and of the 成文日期 (右空二字; the style stage's endIndentChars). */
  closing: { signature: number; signedDate: number };
}

const NO_INDENT = { firstLine: 0, firstLineChars: 0, left: 0, right: 0 };

/** A paragraph style of ours on Normal, in the style gallery, whose next paragraph is Normal again. */
function onNormal(id: string, name: string): Pick<IParagraphStyleOptions, 'id' | 'name' | 'basedOn' | 'next' | 'quickFormat'> {
  return { id, name, basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true };
}

function centred(id: string, name: string, role: FontRole, sizePt: number, c: StyleContext): IParagraphStyleOptions {
  // A title-block line of another size than the body's gets the tracking of its own size, as the
  // PDF scales the cell (the Title's is written by the package pass: docx omits a 0).
  const tracking = role === 'titleBlock' && sizePt !== c.preset.bodySizePt ? { characterSpacing: c.geometry.titleBlockTracking } : {};
  return {
    ...onNormal(id, name),
    // The lines break where the PDF's do (w:br, handout-layout.ts); one character of slack on each
    // side keeps a line that just fits the PDF's measure from wrapping again where Word or
    // LibreOffice set it a little wider (LibreOffice adds 3.2 pt between Han and digits, measured).
    paragraph: { alignment: AlignmentType.CENTER, indent: { ...NO_INDENT, left: -ptToTwip(sizePt), right: -ptToTwip(sizePt) } },
    run: { font: roleFonts(c.names, role), size: ptToHalfPt(sizePt), sizeComplexScript: ptToHalfPt(sizePt), ...tracking },
  };
}

function heading(depth: 1 | 2 | 3 | 4, c: StyleContext): IParagraphStyleOptions {
  const { preset: p, geometry: g } = c;
  return {
    ...onNormal(STYLE.heading(depth), `heading ${depth}`),
    paragraph: {
      keepNext: true,
      outlineLevel: depth - 1,
      indent: { firstLineChars: p.firstLineIndentChars * 100, firstLine: g.bodyIndent, left: 0, right: 0 },
    },
    run: {
      font: roleFonts(c.names, p.headingRoles[depth]),
      size: ptToHalfPt(p.headingSizePt),
      sizeComplexScript: ptToHalfPt(p.headingSizePt),
      bold: p.headingBold[depth],
      boldComplexScript: p.headingBold[depth],
    },
  };
}

/**
 * A 落款 line or the 成文日期 under it: flush right with `endChars` characters left empty
 * (右空二字; the date starts two characters right of the name, GB/T 9704-2012 7.3.5.2), kept on
 * the page with the line below and never split, as the PDF keeps them. The indent is in twips of
 * the tracked advance (the PDF's cell): LibreOffice ignores the *Chars indent units.
 */
function closing(id: string, name: string, endChars: number, c: StyleContext): IParagraphStyleOptions {
  const advance = c.geometry.bodyAdvance;
  return {
    ...onNormal(id, name),
    paragraph: { keepNext: true, keepLines: true, alignment: AlignmentType.RIGHT, indent: { ...NO_INDENT, right: Math.round(endChars * advance) } },
  };
}

/** Build the docx styles option. */
export function buildStyles(c: StyleContext): IStylesOptions {
  const { preset: p, geometry: g } = c;
  const body = ptToHalfPt(p.bodySizePt);
  const title = centred(STYLE.title, 'Title', 'title', p.titleSizePt, c);
  // A title line takes a whole number of grid lines (1 for 22 pt in the 29 pt grid) as in the PDF;
  // "single" would give Noto's 1.44 em line box and push the title onto two grid lines.
  const titlePitch = g.linePitch * p.titleLinePitchLines;
  return {
    default: {
      document: {
        run: {
          font: roleFonts(c.names, 'body'),
          size: body,
          sizeComplexScript: body,
          characterSpacing: g.tracking,
          language: { value: 'en-US', eastAsia: c.lang },
        },
        // The paragraph defaults (East Asian switches docx cannot write) come from the package pass.
      },
    },
    paragraphStyles: [
      {
        id: STYLE.normal,
        name: 'Normal',
        quickFormat: true,
        paragraph: { indent: { firstLineChars: p.firstLineIndentChars * 100, firstLine: g.bodyIndent } },
      },
      {
        ...title,
        paragraph: { ...title.paragraph, spacing: { line: titlePitch, lineRule: LineRuleType.EXACT } },
      },
      centred(STYLE.subtitle, 'Subtitle', 'titleBlock', p.titleBlockSizePt, c),
      centred(STYLE.speaker, '讲话人', 'titleBlock', p.titleBlockSizePt, c),
      centred(STYLE.date, 'Date', 'titleBlock', p.titleBlockSizePt, c),
      heading(1, c),
      heading(2, c),
      heading(3, c),
      heading(4, c),
      { ...onNormal(STYLE.salutation, 'Salutation'), paragraph: { indent: NO_INDENT } },
      closing(STYLE.signature, '落款', c.closing.signature, c),
      closing(STYLE.signedDate, '成文日期', c.closing.signedDate, c),
      // Credits (编辑：…, 来源：…) are set flush left and justified, as in the PDF.
      { id: STYLE.credit, name: '稿件信息', basedOn: STYLE.normal, paragraph: { indent: NO_INDENT } },
      { id: STYLE.tableText, name: '表格文字', basedOn: STYLE.normal, paragraph: { indent: NO_INDENT, alignment: AlignmentType.LEFT } },
      {
        id: STYLE.tableHeader,
        name: '表格表头',
        basedOn: STYLE.tableText,
        // Bold, set like the other cells (flush left), as the PDF sets the header row.
        run: { bold: true, boldComplexScript: true },
      },
      { id: STYLE.tableNumber, name: '表格数字', basedOn: STYLE.tableText, paragraph: { alignment: AlignmentType.RIGHT } },
    ],
    characterStyles: [
      {
        id: STYLE.lead,
        name: '要点句',
        quickFormat: true,
        run:
          p.leadStyle === 'role' ? { font: roleFonts(c.names, 'lead') } : p.leadStyle === 'bold' ? { bold: true, boldComplexScript: true } : {},
      },
      ...([2, 3, 4] as const).map((d) => ({
        id: STYLE.runInHeading(d),
        name: `段首标题 ${d}`,
        run: { font: roleFonts(c.names, p.headingRoles[d]), bold: p.headingBold[d] },
      })),
      {
        id: STYLE.placeholder,
        name: '占位符',
        quickFormat: true,
        run: c.highlightPlaceholders ? { highlight: 'yellow' as const } : {},
      },
    ],
  };
}
