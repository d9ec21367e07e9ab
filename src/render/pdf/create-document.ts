/**
 * The pdfkit document of one render: page-less, no default font, metadata set, faces registered,
 * XMP written by us (escaped, PDF/A-consistent) instead of pdfkit's.
 */
import '../../adapters/brotli.ts'; // before pdfkit (which imports fontkit): its WOFF2 decoder loads on first use
import PDFDocument from 'pdfkit';
import type { PagedDocument } from '../../layout/types.ts';
import { pageLines } from '../../layout/frame-lines.ts';
import type { FontSet } from '../../fonts/types.ts';
import { xmpDescriptions, type XmpFields } from './xmp.ts';
import { deflateStream } from '../deflate.ts';
import { useFastSubset } from '../../adapters/fontkit.ts';
import { catalog, registerParsedFont, replaceXmpDescriptions, deflateStreams } from '../../adapters/pdfkit.ts';

/** Fixed Producer: a version would make the bytes change with every release for no reader's benefit. */
export const PRODUCER = 'speechdoc';

/** What the document is created with (the resolved render options). */
export interface DocumentSettings {
  /** CreationDate and ModDate. */
  date: Date;
  /** Write PDF/A-2b. */
  pdfa: boolean;
  /** Info Creator. */
  creator: string;
  /** Info Keywords, joined with a comma. */
  keywords: string[];
}

/** Info dictionary values; Subject is the occasion, or the subtitle without its leading dashes. */
export function documentInfo(doc: PagedDocument, s: DocumentSettings): XmpFields {
  const subject = doc.meta.occasion ?? doc.meta.subtitle?.replace(/^[—－-]+/, '').trim();
  const info: XmpFields = { creator: s.creator, producer: PRODUCER, date: s.date, lang: doc.meta.lang || 'zh-CN' };
  if (doc.meta.title) info.title = doc.meta.title;
  if (doc.meta.speaker) info.author = doc.meta.speaker;
  if (subject) info.subject = subject;
  if (s.keywords.length > 0) info.keywords = s.keywords.join(', ');
  return info;
}

/** The Info dictionary: only present fields (pdfkit's file ID hashes every value and fails on undefined). */
function infoDictionary(f: XmpFields): PDFKit.DocumentInfo {
  const info: PDFKit.DocumentInfo = { Creator: f.creator, Producer: f.producer, CreationDate: f.date, ModDate: f.date };
  if (f.title) info.Title = f.title;
  if (f.author) info.Author = f.author;
  if (f.subject) info.Subject = f.subject;
  if (f.keywords) info.Keywords = f.keywords;
  return info;
}

/**
 * zlib level of the PDF's streams (font subsets, page content). Measured over the 39 corpus texts
 * (13.9 MB of streams, CPU time): level 6, pdfkit's, 295 ms for 7.74 MB; level 3 213 ms for
 * 7.97 MB (+3 %); 1–2 no faster than 3; Z_FILTERED no gain; Z_RLE/Huffman-only 130 ms but +35 %.
 */
const DEFLATE_LEVEL = 3;

/** Create the document and register the faces it uses (each once; pdfkit embeds only what is drawn). */
export function createDocument(doc: PagedDocument, fonts: FontSet, s: DocumentSettings): PDFKit.PDFDocument {
  const fields = documentInfo(doc, s);
  const pdf = new PDFDocument({
    autoFirstPage: false,
    size: [doc.widthPt, doc.heightPt],
    margins: { top: 0, left: 0, right: 0, bottom: 0 },
    compress: true,
    // null, not undefined: pdfkit would otherwise load and embed Helvetica as the default font.
    font: null as unknown as string,
    info: infoDictionary(fields),
    lang: fields.lang,
    displayTitle: true,
    tagged: true,
    pdfVersion: '1.7',
    ...(s.pdfa ? { subset: 'PDF/A-2b' as const } : {}),
  });
  deflateStreams(pdf, (data) => deflateStream(data, DEFLATE_LEVEL));
  replaceXmp(pdf, fields);
  const byKey = new Map(fonts.faces().map((f) => [f.key, f]));
  for (const key of facesDrawn(doc)) {
    const face = byKey.get(key);
    if (!face) throw new Error(`renderPdf: face "${key}" used by the layout is not in the font set`);
    useFastSubset(face.font);
    registerParsedFont(pdf, key, face.font);
  }
  return pdf;
}

/**
 * Face keys to register: `facesUsed` plus any a run names (an unregistered key would make pdfkit
 * try to open it as a file path). Registration is lazy: a face nothing is drawn with is not embedded.
 */
function facesDrawn(doc: PagedDocument): Set<string> {
  const keys = new Set(doc.facesUsed);
  for (const page of doc.pages) {
    for (const { line } of pageLines(page)) for (const run of line.runs) keys.add(run.faceKey);
    for (const line of page.footer) for (const run of line.runs) keys.add(run.faceKey);
  }
  return keys;
}

/** Make pdfkit write our XMP descriptions in place of its unescaped ones. */
function replaceXmp(pdf: PDFKit.PDFDocument, fields: XmpFields): void {
  replaceXmpDescriptions(pdf, xmpDescriptions(fields));
}

/** Add a /PageLabels number tree: decimal ranges following the printed page numbers. */
export function addPageLabels(pdf: PDFKit.PDFDocument, doc: PagedDocument): void {
  const nums: unknown[] = [];
  doc.pages.forEach((page, i) => {
    const previous = doc.pages[i - 1];
    if (previous && page.number === previous.number + 1) return;
    nums.push(i, page.number === 1 ? { S: 'D' } : { S: 'D', St: page.number });
  });
  if (nums.length === 0) return;
  catalog(pdf).PageLabels = { Nums: nums };
}
