/** Tiny constructors for model nodes, so parsers and tests read as the tree they build. */
import type {
  Block,
  Credit,
  Emphasis,
  Heading,
  Inline,
  Lead,
  Paragraph,
  Placeholder,
  Position,
  Salutation,
  Speech,
  SpeechMeta,
  Table,
  TableCell,
  TableRow,
  Text,
} from './types.ts';

/** Attach `position` only when given, so nodes made in code stay free of `position: undefined`. */
function at<T extends object>(node: T, position?: Position): T {
  if (position) (node as { position?: Position }).position = position;
  return node;
}

/** A speech with defaults for the required meta fields. */
export function speech(meta: Partial<SpeechMeta> & { title: string }, children: Block[] = [], position?: Position): Speech {
  const full: SpeechMeta = { credits: [] as Credit[], lang: 'zh-CN', ...meta };
  return at({ type: 'speech', meta: full, children }, position);
}

/** A text leaf. */
export function text(value: string, position?: Position): Text {
  return at({ type: 'text', value }, position);
}

/** A placeholder leaf (the blank as written). */
export function placeholder(value: string, position?: Position): Placeholder {
  return at({ type: 'placeholder', value }, position);
}

/** Emphasised inline content. */
export function emphasis(children: Inline[], position?: Position): Emphasis {
  return at({ type: 'emphasis', children }, position);
}

/** A run-in lead; `depth` only for `kind: 'heading'`. */
export function lead(kind: Lead['kind'], marker: string, children: Inline[], depth?: Lead['depth'], position?: Position): Lead {
  const node: Lead = { type: 'lead', kind, marker, children };
  if (kind === 'heading' && depth) node.depth = depth;
  return at(node, position);
}

/** A heading on its own line. */
export function heading(depth: Heading['depth'], marker: string, children: Inline[], position?: Position): Heading {
  return at({ type: 'heading', depth, marker, children }, position);
}

/** A body paragraph. */
export function paragraph(children: Inline[], position?: Position): Paragraph {
  return at({ type: 'paragraph', children }, position);
}

/** A salutation line. */
export function salutation(children: Inline[], position?: Position): Salutation {
  return at({ type: 'salutation', children }, position);
}

/** A table cell. */
export function tableCell(children: Inline[], position?: Position): TableCell {
  return at({ type: 'tableCell', children }, position);
}

/** A table row. */
export function tableRow(children: TableCell[], position?: Position): TableRow {
  return at({ type: 'tableRow', children }, position);
}

/** A table; `header` marks row 0 as a header row. */
export function table(header: boolean, children: TableRow[], position?: Position): Table {
  return at({ type: 'table', header, children }, position);
}
