/**
 * The XMP metadata packet body. pdfkit writes XMP for every PDF ≥ 1.4 but pastes Info values into it
 * unescaped (a title with `&` or `<` makes the packet malformed) and omits ModifyDate, which PDF/A
 * requires to match the Info dictionary. So we write the descriptions ourselves.
 */
import { escapeXml } from '../xml.ts';

/** The document properties mirrored in XMP; each must equal its Info dictionary entry (PDF/A 6.6.2.3). */
export interface XmpFields {
  /** Info Title → dc:title. */
  title?: string;
  /** Info Author → dc:creator. */
  author?: string;
  /** Info Subject → dc:description. */
  subject?: string;
  /** Info Keywords → pdf:Keywords. */
  keywords?: string;
  /** Info Creator → xmp:CreatorTool. */
  creator: string;
  /** Info Producer → pdf:Producer. */
  producer: string;
  /** Info CreationDate and ModDate → xmp:CreateDate, xmp:ModifyDate, xmp:MetadataDate. */
  date: Date;
  /** BCP 47 language of the document → dc:language. */
  lang?: string;
}

/** XMP date: ISO 8601 to the second in UTC, as pdfkit writes the Info dates (`D:…Z`). */
export function xmpDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The rdf:Description elements for the fields (to go inside the packet's rdf:RDF). */
export function xmpDescriptions(f: XmpFields): string {
  const date = xmpDate(f.date);
  const alt = (tag: string, value: string) =>
    `<${tag}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt></${tag}>`;
  const dc: string[] = ['<dc:format>application/pdf</dc:format>'];
  if (f.title) dc.push(alt('dc:title', f.title));
  if (f.author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${escapeXml(f.author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (f.subject) dc.push(alt('dc:description', f.subject));
  if (f.lang) dc.push(`<dc:language><rdf:Bag><rdf:li>${escapeXml(f.lang)}</rdf:li></rdf:Bag></dc:language>`);
  const pdf = [`<pdf:Producer>${escapeXml(f.producer)}</pdf:Producer>`];
  if (f.keywords) pdf.push(`<pdf:Keywords>${escapeXml(f.keywords)}</pdf:Keywords>`);
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escapeXml(f.creator)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    ...dc,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    ...pdf,
    '</rdf:Description>',
  ].join('\n');
}
