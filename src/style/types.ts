/**
 * The style stage's contract: a speech with every printing decision settled once — which blocks
 * are printed and in what order, each block's role and structure tag, the exact printed text
 * (title-block lines, markers, the 原标题 line, credits), and for every run its font role, the face
 * that draws it (per-character fallback included), size, weight and placeholder flag. The layout
 * engine (PDF), the DOCX renderer and the coverage report all read this and decide none of it again.
 * Plain JSON: no functions, no font objects (faces are named by `LoadedFace.key`).
 */
import type { Position, SpeechMeta } from '../model/types.ts';
import type { FontRole } from '../fonts/roles.ts';
import type { FaceLookup, GlyphCoverage } from '../fonts/types.ts';
import type { Warned } from '../diagnostics/diagnostic.ts';
import type { Preset } from './preset.ts';

/** What a printed block is; each renderer maps it to its paragraph look (DOCX style, PDF tag). */
export type BlockRole =
  /** 发文机关标志 / order header above the title (上海市人民政府令). */
  | 'issuer'
  /** The title, its lines as the writer broke them. */
  | 'title'
  /** ——在…上的讲话. */
  | 'subtitle'
  /** A bracketed title-block note: （摘要）, （节选）. */
  | 'note'
  /** The （原标题：…） line, when the preset prints it. */
  | 'originalTitle'
  /** 发文字号 (京经信发〔2022〕87号), centred under the title block. */
  | 'docNumber'
  /** Speaker line. */
  | 'speaker'
  /** Date line under the title. */
  | 'date'
  /** 主送机关, flush left under the title block. */
  | 'addressee'
  /** 同志们：. */
  | 'salutation'
  /** A heading on its own line. */
  | 'heading'
  /** A body paragraph. */
  | 'paragraph'
  /** A table. */
  | 'table'
  /** 附件说明 line under the body, indented two characters. */
  | 'attachment'
  /** 落款 organ or signer, right-aligned two characters in (右空二字). */
  | 'signature'
  /** 成文日期 under the signature, right-aligned. */
  | 'signedDate'
  /** A credit line (编辑：…), when the preset prints them. */
  | 'credit';

/** Tagged-PDF structure type of a block (Title is role-mapped to H1 in the PDF). */
export type StructureTag = 'Title' | 'H1' | 'H2' | 'H3' | 'H4' | 'P' | 'Table';

/** What a run is in the text, independent of how it looks. */
export type RunRole =
  /** Ordinary text of its block. */
  | 'text'
  /** A heading's sequence marker (一、（一）1.（1）), printed before the heading text. */
  | 'marker'
  /** An enumerated run-in point (一是…。, 第一，…). */
  | 'lead'
  /** A run-in heading opening a paragraph (（一）…。). */
  | 'runInHeading';

/** A stretch of text with one look and one drawing face. */
export interface StyledRun {
  /** The characters exactly as printed (never empty). */
  text: string;
  /** What the text is. */
  role: RunRole;
  /** Depth of a run-in heading (`role: 'runInHeading'`). */
  depth?: 2 | 3 | 4;
  /** Inside writer-marked emphasis (Markdown `**…**`, a bold Word run). */
  emphasis: boolean;
  /** An unfilled blank (XX, ○○, 某某…) the writer still has to complete. */
  placeholder: boolean;
  /**
   * Font role of the run's look (title, body, heading1…, lead). Latin letters and digits of the
   * run are still drawn by the `latin` role's face: see `faceKey`.
   */
  fontRole: FontRole;
  /**
   * Key of the face that draws these characters (`LoadedFace.key`): the role's face, the latin
   * face for Latin text, or the fallback face for characters the role's face lacks. Runs are split
   * wherever the drawing face changes.
   */
  faceKey: string;
  /** Role whose fallback chain chose `faceKey`: `fontRole` for cell characters, `latin` for Latin text. */
  faceRole: FontRole;
  /** Drawn by a fallback face: `faceKey` serves neither `faceRole` nor `fontRole`. */
  fallback?: boolean;
  /** No face has these characters: they print as blanks or boxes of the role's face. */
  missing?: boolean;
  /** Size in points. */
  sizePt: number;
  /** Printed bold (emphasis, a bold heading depth, `leadStyle: 'bold'`). */
  bold: boolean;
  /** Bold is synthesized (fill + stroke) because the face has no bold cut; always so for bundled faces. */
  fauxBold: boolean;
  /**
   * Index of the model text the run came from, counted through its block (or cell): runs split
   * only because their face changes share it, so a renderer can keep the writer's pieces apart.
   */
  span: number;
  /** The run starts a new line the writer broke (a multi-line title keeps the writer's breaks). */
  breakBefore?: boolean;
  /** Source span of the node the run came from. */
  position?: Position;
}

/** How a text block's lines sit in the measure: justified, every line centred, or every line flush right. */
export type BlockAlign = 'justify' | 'center' | 'right';

/** A block of running text: title-block line, heading, salutation, paragraph, credit line. */
export interface StyledTextBlock {
  /** Discriminant. */
  type: 'text';
  /** What the block is. */
  role: BlockRole;
  /** Its PDF structure tag. */
  tag: StructureTag;
  /** Heading depth (`role: 'heading'`). */
  depth?: 1 | 2 | 3 | 4;
  /** Index of the model block in `speech.children` it came from; absent for title-block and credit lines. */
  node?: number;
  /** Source span of the block. */
  source?: Position;
  /** Justified (all lines but the last), every line centred, or every line flush right. */
  align: BlockAlign;
  /** First-line indent, in characters of the block's size. */
  indentChars: number;
  /** Characters left empty at the right end of right-aligned lines (右空二字 = 2). */
  endIndentChars?: number;
  /**
   * Lines after the first start under the character at this UTF-16 offset of the block's text:
   * a long attachment name wraps under its own first character (GB/T 9704-2012 7.3.4).
   */
  hangAt?: number;
  /** Font role of the block's text (its runs may differ: leads, fallback faces). */
  fontRole: FontRole;
  /** Size of the block's text in points (one size per block: it decides the grid cell). */
  sizePt: number;
  /** Empty grid lines before the block (the title block's spacing); dropped at a page top. */
  blankLinesBefore: number;
  /** Bookmark text for a heading (marker included). */
  outline?: string;
  /** The runs, in reading order (concatenated they are the printed text of the block). */
  runs: StyledRun[];
}

/** One cell of a styled table. */
export interface StyledCell {
  /** The cell's runs (body role). */
  runs: StyledRun[];
  /** Source span of the cell. */
  source?: Position;
}

/** One row of a styled table. */
export interface StyledRow {
  /** Whether this is the header row (repeated on each page the table continues on). */
  header: boolean;
  /** The cells, left to right; short rows are as written (renderers pad them). */
  cells: StyledCell[];
}

/** A table block. */
export interface StyledTableBlock {
  /** Discriminant. */
  type: 'table';
  /** Always `table`. */
  role: 'table';
  /** Always `Table`. */
  tag: 'Table';
  /** Index of the model block in `speech.children`. */
  node: number;
  /** Source span of the table. */
  source?: Position;
  /** Size of the cells' text in points. */
  sizePt: number;
  /** Empty grid lines before the table. */
  blankLinesBefore: number;
  /** Number of columns (the widest row). */
  columns: number;
  /** The rows, top to bottom; the header row, when there is one, first. */
  rows: StyledRow[];
}

/** Any printed block. */
export type StyledBlock = StyledTextBlock | StyledTableBlock;

/** A speech ready for layout and rendering. */
export interface StyledSpeech {
  /** The model's metadata (document properties, bookmarks' title). */
  meta: SpeechMeta;
  /** The preset the decisions were made with (geometry, grid and page numbers for the renderers). */
  preset: Preset;
  /** Every printed block, in reading order: title block, body, credits. */
  blocks: StyledBlock[];
  /** Keys of the faces some run is drawn with, sorted. */
  facesUsed: string[];
  /** Characters no face has, each once, in order of first use (the runs holding them are `missing`). */
  missing: MissingGlyph[];
}

/** A character no face has, at its first use. */
export type MissingGlyph = GlyphCoverage['missing'][number];

/** What the style stage needs of the fonts (the fonts module's measurer is one). */
export type { FaceLookup } from '../fonts/types.ts';

/**
 * The style stage's result; its diagnostics are `fonts/missing-glyph` (once per character, at its
 * first use) and `fonts/fallback` (once per role and face).
 */
export type Styled = Warned<StyledSpeech>;
