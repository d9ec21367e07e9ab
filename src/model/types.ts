/**
 * The speech model: the only thing that passes between parsers and renderers.
 *
 * A unist-style tree (https://github.com/syntax-tree/unist): every node has a `type`, parents have
 * `children`, literals have `value`, and every node produced from a source file carries `position`
 * so that a diagnostic can point at the source line. Block nodes are a flat list (mdast style):
 * a heading does not contain the paragraphs that follow it; `sections()` gives that view.
 */

/** One place in the source file. */
export interface Point {
  /** 1-based line number in the decoded source. */
  line: number;
  /** 1-based column, counted in Unicode code points. */
  column: number;
  /** 0-based offset in UTF-16 code units into the decoded source, when known. */
  offset?: number;
}

/** The span of source text a node came from. */
export interface Position {
  /** First character of the span. */
  start: Point;
  /** Position just after the last character of the span. */
  end: Point;
}

/** Fields shared by every node. */
export interface NodeBase {
  /** Where the node came from; absent for nodes made in code. */
  position?: Position;
}

/** A credit line kept out of the body, e.g. `编辑：何利军`. */
export interface Credit {
  /** The label as written, without the colon: 编辑, 责任编辑, 来源, 审核, 校对… */
  label: string;
  /** What follows the colon. */
  value: string;
  /** Source line of the credit. */
  position?: Position;
}

/** One line of the source kept in meta (furniture, notes, removed clutter), with where it stood. */
export interface MetaLine {
  /** The line's text as normalized, without surrounding whitespace. */
  text: string;
  /** Source span of the line (or of the part of a line the text came from). */
  position?: Position;
}

/** The lines of the title block a writer may put in any order. */
export type TitleBlockPart = 'title' | 'subtitle' | 'speaker' | 'date' | 'note';

/**
 * Furniture of an official text (GB/T 9704-2012 §7): the parts around the body that a notice,
 * measure or order carries and a speech usually does not. Renderers print each where §7 puts it.
 */
export interface Furniture {
  /** 发文字号 line, e.g. `京经信发〔2022〕87号` or `（第19号）` under an order header; printed centred under the title block (§7.2.4). */
  docNumber?: MetaLine;
  /** Issuer header above the title of an order or a 红头 notice, e.g. `上海市人民政府令`; printed centred above the title (§7.2.3). */
  issuer?: MetaLine;
  /** 主送机关 line ending in ：, e.g. `各区人民政府，市政府各委、办、局：`; printed flush left under the title (§7.3.2). */
  addressee?: MetaLine;
  /** 附件说明 lines (`附件：1.…`, continuation lines `2.…`), printed one line under the body, indented two characters (§7.3.5). */
  attachments?: MetaLine[];
  /** 落款 organ or signer lines at the end (`北京市经济和信息化局`, `市长　应勇`); printed right-aligned above the date (§7.3.5). */
  signature?: MetaLine[];
  /** 成文日期 at the end (`2022年11月21日`); printed right-aligned under the signature (§7.3.5). */
  signedDate?: MetaLine;
  /**
   * Index in the speech's `children` of the first block after the 落款 when the text goes on past
   * it — the document a 印发 notice or an order issues follows the 落款 (§7.3.5, §10.2) — so the
   * 附件说明 and 落款 print right before that block; absent when the 落款 closes the whole text.
   */
  closesAt?: number;
  /** An order (`…令` with a 令号) whose title heads the regulation it issues: the order's own head is the issuer and 令号 only, the title prints after the 落款 (§10.2). */
  titleAfterClosing?: boolean;
  /** Title of the document a 印发 notice issues, the line right under the notice's 落款 (`关于推进…的指导意见`); printed centred in the title face after the 落款, before `children[closesAt]`. */
  issuedTitle?: MetaLine;
}

/** What kind of clutter a removed line was. */
export type RemovedKind =
  | 'originalTitle'
  | 'source'
  | 'editor'
  | 'link'
  | 'citation'
  | 'photo'
  | 'dateline'
  | 'html'
  | 'repeatedTitle'
  | 'intro';

/** A piece of web or database clutter kept out of the printed body, kept here so nothing disappears silently. */
export interface Removed {
  /** What it was: 原标题, 来源, 编辑, 原文链接, 【法宝引证码】, photo credit, dateline, HTML tag, repeated title, 全文如下 intro. */
  kind: RemovedKind;
  /** The removed text as written (HTML tags included), trimmed. */
  text: string;
  /** Where it stood in the source. */
  position?: Position;
}

/** Facts about the speech that are not body text; they fill the title block and file metadata. */
export interface SpeechMeta {
  /** Main title as plain text for metadata and search: title lines joined, letter spacing removed, no 原标题 prefix. */
  title: string;
  /** Main title as printed, one entry per line: the writer's breaks and letter spacing kept; absent means `[title]`. */
  titleLines?: string[];
  /** Subtitle line, `——在…上的讲话`; any written dash (—, ――, --, ----) normalized to —— when normalizing. */
  subtitle?: string;
  /** Speaker line, e.g. `县委书记　张三`, or a letter-spaced `邓　小　平` as written. */
  speaker?: string;
  /** Date line as printed, e.g. `（2020年2月20日）`, `（2015年9月3日，北京）` — brackets included when written so. */
  date?: string;
  /** Title-block notes in brackets under the title, e.g. `（摘要）`, `（节选）`, `（根据直播整理）`, in source order. */
  notes?: string[];
  /** The order the title-block parts were written in (e.g. date before speaker), for renderers that keep it. */
  order?: TitleBlockPart[];
  /** The meeting or occasion, when given separately (front matter, JSON). */
  occasion?: string;
  /** The original title from a `原标题：` line of a reposted speech. */
  originalTitle?: string;
  /** Credit lines (编辑, 责任编辑, 来源, 审核…) taken out of the body, in source order. */
  credits: Credit[];
  /** Furniture of an official text (文号, 主送, 落款, 附件); absent for a plain speech. */
  furniture?: Furniture;
  /** Clutter kept out of the printed text (原文链接, 【法宝引证码】, photo credits, datelines, HTML, a repeated title), in source order. */
  removed?: Removed[];
  /** BCP 47 language of the text; `zh-CN` unless the source says otherwise. */
  lang: string;
  /** Source positions of the title block lines, keyed by the meta field they filled (`title` spans all title lines). */
  positions?: Partial<Record<'title' | 'subtitle' | 'speaker' | 'date' | 'originalTitle', Position>>;
}

/** Plain text. */
export interface Text extends NodeBase {
  type: 'text';
  /** The characters, already normalized (full-width punctuation in Chinese context). */
  value: string;
}

/** An unfilled blank the writer still has to complete: XX, XXX, ××, ＸＸ, ○○, ___, 某某, 【待核实】. */
export interface Placeholder extends NodeBase {
  type: 'placeholder';
  /** The blank exactly as written. */
  value: string;
}

/** Emphasised text the writer marked (Markdown `**…**` or a bold Word run not at a paragraph start). */
export interface Emphasis extends NodeBase {
  type: 'emphasis';
  /** The emphasised content. */
  children: Inline[];
}

/**
 * A run-in lead sentence inside a paragraph, set in the lead role: `一是全力抓好疫情防控。`,
 * `第一，…`, or a run-in heading `（一）强化责任落实。`. A run-in heading only opens a paragraph;
 * points may also follow a sentence end mid-paragraph (GB style keeps 一是…二是… in one paragraph).
 * The marker text stays inside `children` (it is part of the sentence as printed).
 */
export interface Lead extends NodeBase {
  type: 'lead';
  /** What kind of lead: an enumerated point (一是/第一), a run-in heading (（一）…。), or a regulation article number (第一条, the lead spans the number and a bracketed caption only). */
  kind: 'point' | 'heading' | 'article';
  /** The marker as written: `一是`, `第一，`, `（一）`, `1.`. Empty when the lead has none (a bold opening sentence). */
  marker: string;
  /** Heading depth for `kind: 'heading'` (2–4); absent for points. */
  depth?: 2 | 3 | 4;
  /** The sentence, marker included. */
  children: Inline[];
}

/** Inline (phrasing) content. */
export type Inline = Text | Placeholder | Emphasis | Lead;

/** A section heading on its own line: `一、…` (1), `（一）…` (2), `1.…` (3), `（1）…` (4); 第X章 (1), 第X节 (2); a bare `一` or a short unnumbered line between paragraphs. */
export interface Heading extends NodeBase {
  type: 'heading';
  /** Level: 1 一、, 2 （一）, 3 1., 4 （1）. */
  depth: 1 | 2 | 3 | 4;
  /** The sequence marker as written (`一、`, `（一）`, `1.`, `（1）`, `一`, `第一章`); empty for a heading without one. */
  marker: string;
  /** Regulation structure: `chapter` for 第X章 (depth 1, centred by GB practice), `section` for 第X节 (depth 2); absent for sequence-marked or unnumbered headings. */
  kind?: 'chapter' | 'section';
  /** Heading text after the marker. */
  children: Inline[];
}

/** A body paragraph: first line indented two characters, justified. */
export interface Paragraph extends NodeBase {
  type: 'paragraph';
  /** Paragraph content; `lead`s stand at the start or after a sentence end, never nested. */
  children: Inline[];
}

/** The salutation (称呼) set flush left: `同志们：`, `各位领导、同志们：`. */
export interface Salutation extends NodeBase {
  type: 'salutation';
  /** The salutation text, colon included. */
  children: Inline[];
}

/** One cell of a table. */
export interface TableCell extends NodeBase {
  type: 'tableCell';
  /** Cell content. */
  children: Inline[];
}

/** One row of a table. */
export interface TableRow extends NodeBase {
  type: 'tableRow';
  /** The cells, left to right. */
  children: TableCell[];
}

/** A table from the source (Markdown or Word); the first row is a header when `header` is set. */
export interface Table extends NodeBase {
  type: 'table';
  /** Whether row 0 is a header row (repeated on each page in the PDF). */
  header: boolean;
  /** The rows, top to bottom. */
  children: TableRow[];
}

/** Block content of a speech, in reading order. */
export type Block = Heading | Paragraph | Salutation | Table;

/** The root: one speech. */
export interface Speech extends NodeBase {
  type: 'speech';
  /** Title block and metadata. */
  meta: SpeechMeta;
  /** Body blocks in order. */
  children: Block[];
}

/** Every node type of the tree. */
export type Node = Speech | Block | TableRow | TableCell | Inline;

/** Nodes that have children. */
export type Parent = Extract<Node, { children: unknown[] }>;
