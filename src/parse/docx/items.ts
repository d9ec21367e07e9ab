/**
 * What the document walk produces before line numbers are known: paragraphs as characters with
 * a bold flag each, and tables as cell text. Findings ride on the item they concern and get
 * their position when items are numbered (text box paragraphs are inserted after their anchor,
 * so numbers are only final at the end).
 */
import type { Severity } from '../../diagnostics/diagnostic.ts';

/** A diagnostic before its position is known. */
export interface Finding {
  /** How bad it is. */
  severity: Severity;
  /** Stable rule id, `docx/…`. */
  ruleId: string;
  /** One-line message. */
  message: string;
  /** How to fix it, when there is something to say. */
  hint?: string;
}

/** One paragraph's visible text. */
export interface ParagraphItem {
  /** Discriminant. */
  kind: 'paragraph';
  /** The text, one code point per entry. */
  chars: string[];
  /** Whether each code point is set bold (same length as `chars`). */
  bold: boolean[];
  /** What was noticed in this paragraph. */
  findings: Finding[];
  /** Where the writer typed a soft line break (Shift+Enter), as code-point offsets into `chars`. */
  breaks?: number[];
  /** The soft breaks separate furniture typed one per line (`附件：1.…` / `2.…`, a 落款 over its date): each line stays a line. */
  furniture?: boolean;
  /** Title or subtitle by paragraph style. */
  role?: 'title' | 'subtitle';
  /** Outline level, 0-based (`w:outlineLvl`, Heading 1 = 0), when the paragraph has one. */
  outline?: number;
  /** Whether the paragraph is centred. */
  centered?: boolean;
}

/** One cell's text and whether all of it is bold. */
export interface CellItem {
  /** The cell's paragraphs joined. */
  text: string;
  /** Whether every visible character of the cell is bold (header detection). */
  allBold: boolean;
}

/** A table with its cell text. */
export interface TableItem {
  /** Discriminant. */
  kind: 'table';
  /** Rows of cells, top to bottom. */
  rows: CellItem[][];
  /** Whether the first row is marked as a repeating header row (`w:tblHeader`). */
  headerMarked: boolean;
  /** What was noticed in this table. */
  findings: Finding[];
}

/** A block of the document in reading order. */
export type Item = ParagraphItem | TableItem;

/** Whether a code point is whitespace for trimming and bold-range purposes. */
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /^[\s\u3000\u00a0]$/u.test(ch);
}

/** Shorten `s` for quoting in a message. */
export function excerpt(s: string, max = 20): string {
  const cps = [...s.trim()];
  return cps.length > max ? `${cps.slice(0, max).join('')}…` : cps.join('');
}
