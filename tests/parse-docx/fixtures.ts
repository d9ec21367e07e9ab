/** Fixture makers for the Word-draft tests: hand-written WordprocessingML, the docx package, LibreOffice. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, Packer, type IPropertiesOptions } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { findSoffice } from '../../src/parse/docx/index.ts';
import type { SourceLine } from '../../src/parse/types.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS =
  `xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml"';

/** A minimal .docx from a `w:body` inner XML and optional numbering/styles/footnotes parts. */
export function rawDocx(body: string, parts: { numbering?: string; styles?: string; footnotes?: string } = {}): Uint8Array {
  const rels: string[] = [];
  const files: Record<string, Uint8Array> = {};
  const add = (name: string, type: string, xml: string | undefined, root: string): void => {
    if (xml === undefined) return;
    files[`word/${name}`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:${root} ${NS}>${xml}</w:${root}>`);
    rels.push(`<Relationship Id="r${rels.length}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${name}"/>`);
  };
  add('numbering.xml', 'numbering', parts.numbering, 'numbering');
  add('styles.xml', 'styles', parts.styles, 'styles');
  add('footnotes.xml', 'footnotes', parts.footnotes, 'footnotes');
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${body}</w:body></w:document>`),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    ),
    ...files,
  });
}

/** `<w:p>` with plain runs; `**x**` marks a bold run. */
export function p(text: string, pPr = ''): string {
  const runs = text.split(/(\*\*[^*]+\*\*)/).filter(Boolean).map((s) =>
    s.startsWith('**') ? `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${s.slice(2, -2)}</w:t></w:r>` : `<w:r><w:t xml:space="preserve">${s}</w:t></w:r>`,
  );
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs.join('')}</w:p>`;
}

/** A .docx written by the docx package. */
export async function packageDocx(options: IPropertiesOptions): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document(options)));
}

/** Just text and the bold facts of lines, for compact assertions. */
export function brief(lines: SourceLine[]): Array<string | [string, number?, Array<[number, number]>?]> {
  return lines.map((l) => (l.boldPrefixLength || l.emphasis ? [l.text, l.boldPrefixLength, l.emphasis] : l.text));
}

/** The LibreOffice binary, or undefined (tests that need it skip). */
export const SOFFICE = findSoffice();
/** The skip reason for LibreOffice tests. */
export const NO_SOFFICE = SOFFICE ? false : 'LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui';

/** Convert a file (default: a text file) to another format with LibreOffice, e.g. filter `docx:MS Word 2007 XML`. */
export function sofficeConvert(content: string | Uint8Array, filter: string, outExt: string, inName = 'speech.txt'): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-fixture-'));
  try {
    writeFileSync(join(dir, inName), content);
    // Say the text is UTF-8 rather than rely on the locale of the machine running the tests.
    const infilter = inName.endsWith('.txt') ? ['--infilter=Text (encoded):UTF8,LF,,,'] : [];
    const r = spawnSync(
      SOFFICE!,
      ['--headless', `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, ...infilter, '--convert-to', filter, '--outdir', join(dir, 'out'), join(dir, inName)],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const base = inName.replace(/\.[^.]+$/, '');
    try {
      return new Uint8Array(readFileSync(join(dir, 'out', `${base}.${outExt}`)));
    } catch {
      throw new Error(`LibreOffice conversion to ${filter} failed: ${r.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The model without positions, for comparing parses of differently numbered sources. */
export function stripPositions(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(stripPositions);
  if (x && typeof x === 'object') {
    return Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'position' && k !== 'positions').map(([k, v]) => [k, stripPositions(v)]));
  }
  return x;
}
