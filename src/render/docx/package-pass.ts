/**
 * The post-pass over docx's zip: what docx does not expose, then a deterministic re-zip.
 * - styles: the paragraph defaults with the East Asian switches in schema order (kinsoku on,
 *   overflowPunct off since the PDF hangs no punctuation, autoSpaceDE/DN off for the PDF's zero
 *   Han–Latin spacing, snap to the line grid). LibreOffice reads overflowPunct inverted (its
 *   DomainMapper sets hanging = value == 0) and ignores autoSpaceDE/DN: it hangs line-end marks and
 *   spaces Han–Latin. We write what ECMA-376 and Word mean;
 * - settings: embedTrueTypeFonts/saveSubsetFonts, compressPunctuation, a 2-character tab stop;
 * - footers: off the grid, so their exact 14 pt line is what `w:footer` measures;
 * - the font table, its relationships and the obfuscated subsets;
 * - core properties dated `date`; entries in a fixed order with fixed times.
 * Reference: ECMA-376 Part 1 §17.15.1 (settings order), §17.3.1 (pPr order);
 * ../shared/notes/typesetting.md §4.4.
 */
import { strFromU8 } from 'fflate';
import type { Preset } from '../../style/preset.ts';
import { ptToTwip } from '../../style/units.ts';
import type { EmbeddedFont } from './embed-fonts.ts';
import { fontFilePath, fontTableRelsXml, fontTableXml } from './font-table.ts';
import { docxGeometry } from './geometry.ts';
import { dropUnusedStyles } from './unused-styles.ts';
import { zipEntries } from './zip.ts';

/** What the post-pass writes. */
export interface PackageInputs {
  /** Created/modified date and zip entry time. */
  date: Date;
  /** Embedded fonts, in font-table order. */
  fonts: EmbeddedFont[];
  /** Every font name used in rFonts (embedded or not) and whether it is a Chinese face. */
  fontNames: { name: string; chinese: boolean }[];
  /** The preset (tab stop, widow control, keep-lines). */
  preset: Preset;
  /** Ids of the styles the renderer defined; docx's other built-ins are dropped (unused-styles.ts). */
  keepStyles: string[];
}

/**
 * Paragraph defaults in schema order. Widow control and keep-lines are written because absent
 * means off in ECMA-376 (Word's own Normal sets widowControl; ours must too, to match the PDF).
 * Widow control off is written too (`w:val="0"`, the same as absent for Word): LibreOffice keeps
 * two lines at a page break unless told, which left the sample's page 1 a line short and the copy
 * a page longer than the handout.
 */
function pPrDefault(p: Preset): string {
  const keep = (p.keepParagraphsWhole ? '<w:keepLines/>' : '') + (p.minLinesAtBreak >= 2 ? '<w:widowControl/>' : '<w:widowControl w:val="0"/>');
  return (
    `<w:pPrDefault><w:pPr>${keep}<w:kinsoku/><w:wordWrap/><w:overflowPunct w:val="0"/><w:topLinePunct w:val="0"/>` +
    '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:adjustRightInd/><w:snapToGrid/>' +
    '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault>'
  );
}

/** `String.replace` that fails loudly: a patch that silently misses would ship without the setting. */
function patch(xml: string, pattern: RegExp | string, by: string, what: string): string {
  const out = xml.replace(pattern, by);
  if (out === xml) throw new Error(`[docx] Could not patch ${what}: docx's output changed`);
  return out;
}

/** A package's parts by path: XML as docx's compiler gives it (strings, or bytes from the zip round trip), the rest as bytes. */
export type Parts = Record<string, string | Uint8Array>;

const text = (data: string | Uint8Array): string => (typeof data === 'string' ? data : strFromU8(data));

/** Patch docx's package (its parts by path, from adapters/docx.ts) and zip it reproducibly; XML is encoded once, when zipped. */
export function finishPackage(parts: Parts, o: PackageInputs): Promise<Uint8Array> {
  const files: Parts = { ...parts };
  const edit = (name: string, f: (xml: string) => string): void => {
    const data = files[name];
    if (data === undefined) throw new Error(`[docx] ${name} missing from docx's package`);
    files[name] = f(text(data));
  };

  edit('word/styles.xml', (x) => {
    let y = patch(x, /<w:pPrDefault\/>|<w:pPrDefault>.*?<\/w:pPrDefault>/s, pPrDefault(o.preset), 'pPrDefault');
    y = dropUnusedStyles(y, o.keepStyles);
    // The title's exact line must not snap: LibreOffice rounds an exact 579 tw line on the 579 tw
    // grid up to two grid lines (measured), Word ignores the grid for exact lines anyway.
    y = patch(y, /(<w:style [^>]*w:styleId="Title">.*?<w:pPr>)(.*?)<w:spacing /s, '$1$2<w:snapToGrid w:val="0"/><w:spacing ', 'Title pPr');
    // The title's own tracking: the PDF sets a title character in the body cell scaled to the
    // title's size (−0.3 pt at 22 pt), and the lines break where the PDF's do (handout-layout.ts).
    // Written here because docx omits a 0, which would leave the body's tracking inherited.
    const tracking = docxGeometry(o.preset).titleTracking;
    return patch(y, /(<w:style [^>]*w:styleId="Title">.*?<w:rPr>.*?)<w:sz /s, `$1<w:spacing w:val="${tracking}"/><w:sz `, 'Title rPr');
  });
  edit('word/settings.xml', (x) => settings(x, o));
  for (const name of Object.keys(files).filter((n) => /^word\/footer\d+\.xml$/.test(n))) {
    edit(name, (x) => patch(x, /<w:pPr>(.*?)<w:spacing /gs, '<w:pPr>$1<w:snapToGrid w:val="0"/><w:spacing ', name));
  }
  files['word/fontTable.xml'] = fontTableXml(
    o.fontNames.map(({ name, chinese }) => {
      const i = o.fonts.findIndex((f) => f.name === name);
      return { name, chinese, ...(i >= 0 ? { embedded: { font: o.fonts[i]!, n: i + 1 } } : {}) };
    }),
  );
  files['word/_rels/fontTable.xml.rels'] = fontTableRelsXml(o.fonts.length);
  o.fonts.forEach((f, i) => {
    files[`word/${fontFilePath(i + 1)}`] = f.odttf;
  });
  const stamp = o.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  edit('docProps/core.xml', (x) => x.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${stamp}`));
  return deterministicZip(files, o.date);
}

function settings(x: string, o: PackageInputs): string {
  const embed = o.fonts.length > 0 ? '<w:embedTrueTypeFonts/><w:saveSubsetFonts/>' : '';
  const tab = 2 * ptToTwip(o.preset.bodySizePt);
  const y = patch(x, /<w:defaultTabStop [^>]*\/>/, `${embed}<w:defaultTabStop w:val="${tab}"/>`, 'defaultTabStop');
  return patch(y, '<w:compat>', '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat>', 'settings').replace(
    '<w:evenAndOddHeaders w:val="false"/>',
    '',
  );
}

/**
 * Zip with `[Content_Types].xml` first, the rest sorted, one fixed time, fixed compression. The
 * font subsets, most of the package's bytes, are deflated at FONT_LEVEL 1: ~3.5 ms for the sample's
 * 250 KB body subset, 2/3 of level 6's time for 4 % more bytes. Storing them (0) would save those
 * ms but grow the sample's DOCX from 0.21 to 0.33 MB, and a long speech with thousands of distinct
 * characters by megabytes.
 */
export function deterministicZip(files: Parts, date: Date): Promise<Uint8Array> {
  const names = Object.keys(files).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return zipEntries(
    names.map((name) => {
      const data = files[name]!;
      return { name, data: typeof data === 'string' ? utf8.encode(data) : data, level: name.endsWith('.odttf') ? FONT_LEVEL : 6 };
    }),
    date,
  );
}

/** The encoder of the XML parts (a lone surrogate, if any, becomes U+FFFD, as it did when the adapter encoded them). */
const utf8 = new TextEncoder();

/** zlib level of the embedded font subsets; 0 would store them. */
const FONT_LEVEL = 1;

function rank(name: string): number {
  return name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2;
}

/** Point every rFonts attribute naming a face's family at the name its embedded subset carries. */
export function renameFontReferences(parts: Parts, renamed: ReadonlyMap<string, string>): void {
  if (renamed.size === 0) return;
  const attr = /(w:(?:ascii|hAnsi|eastAsia|cs)=")([^"]*)(")/g;
  for (const name of Object.keys(parts).filter((n) => /^word\/(document|styles|numbering|footer\d+|header\d+)\.xml$/.test(n))) {
    const xml = text(parts[name]!);
    parts[name] = xml.replace(attr, (m, a: string, font: string, z: string) => (renamed.has(font) ? `${a}${renamed.get(font)}${z}` : m));
  }
}
