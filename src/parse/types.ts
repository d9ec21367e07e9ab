/**
 * The parsers' shared contract. Every input format ends in the same structure detection over
 * source lines, so a Word draft and a plain-text file typed the same way give the same model.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Speech, Table } from '../model/types.ts';

/** Input formats speechdoc reads. */
export type InputFormat = 'text' | 'markdown' | 'json' | 'docx';

/** One logical source line handed to structure detection. */
export interface SourceLine {
  /** The line's text (no line terminator). */
  text: string;
  /** 1-based line number in the source (for a Word draft: the paragraph number). */
  line: number;
  /** Code points of the source line before `text` (a paragraph split out of a run-together line, or text after removed clutter); 0 when absent. */
  column?: number;
  /** Set on a line break the writer typed inside one Word paragraph or title (Shift+Enter): the line continues the previous one. */
  softBreak?: boolean;
  /** The Word paragraph style says title or subtitle (Title/标题, Subtitle/副标题): the writer's own hint. */
  style?: 'title' | 'subtitle';
  /** Outline level from a Word heading style or `w:outlineLvl` (1 = top), clamped to the model's 1–4. */
  outlineLevel?: 1 | 2 | 3 | 4;
  /** The Word paragraph is centred (a title-block hint at the top of a draft). */
  centered?: boolean;
  /** Length in code points of a bold run at the line start (Word drafts): a lead candidate. */
  boldPrefixLength?: number;
  /** Code-point ranges [start, end) the writer emphasised elsewhere in the line. */
  emphasis?: Array<[number, number]>;
  /** A table that stands at this place instead of text (Word drafts, Markdown). */
  table?: Table;
}

/** Options common to all parsers. */
export interface ParseOptions {
  /** The file name, used in diagnostics. */
  file?: string;
  /** Apply punctuation/width normalization (on by default); each change is an info diagnostic. */
  normalize?: boolean;
  /** Limits on unpacking zip-based drafts (.docx); defaults in src/parse/docx/package.ts. */
  packageLimits?: {
    /** Most uncompressed bytes of XML read from one package. */
    maxInflatedBytes: number;
    /** Most entries one package may hold. */
    maxParts: number;
  };
}

/** What every parser returns. */
export interface ParseResult {
  /** The speech; undefined when the input could not be read at all. */
  speech: Speech | undefined;
  /** Everything noticed, errors included. */
  diagnostics: Diagnostic[];
  /** The source lines the findings' positions count (the decoded text, or the Word reader's paragraphs), for quoting them. */
  lines?: string[];
}
