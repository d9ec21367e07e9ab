/**
 * src/adapters/docx.ts against the installed docx: its compiler is where the adapter reaches for
 * it and gives exactly the parts `Packer.toBuffer` zips; every docx method the serializer emulates
 * still has the source it was written against; and the serializer writes every part as docx's own
 * formatter does, also for what the Word copy does not use (lists, hyperlinks, notes, a table of
 * contents, two sections, a style that replaces a default TOC style), where it hands the work back
 * to docx. A docx release that moves or changes any of it fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
} from 'docx';
import { unzipSync } from 'fflate';
import { docxCompiler, packageParts, serializerFallbacks, serializerStatus } from '../../src/adapters/docx.ts';

const document = () =>
  new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('同志们：今年以来，全县上下稳中求进。')] })] }] });

/**
 * A part as text, without what docx makes up anew for each document: core.xml's time, a
 * hyperlink's random relationship id, the numbers of bookmarks (a counter all documents share).
 */
const text = (x: string | Uint8Array) =>
  (typeof x === 'string' ? x : new TextDecoder().decode(x))
    .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1')
    .replace(/"rId[-_a-z0-9]{12,}"/g, '"rId?"')
    .replace(/_Toc\d+/g, '_Toc?')
    .replace(/(<w:bookmark(?:Start|End)\b[^>]*w:id=")\d+/g, '$1?');

test("docx's Packer still has its compiler", () => {
  assert.ok(docxCompiler(), 'Packer.compiler.compile is gone: src/adapters/docx.ts falls back to a zip round trip');
});

test('the compiled parts are the parts Packer.toBuffer zips, with docx’s formatter and with ours', async () => {
  const zipped = unzipSync(new Uint8Array(await Packer.toBuffer(document())));
  for (const own of [false, true]) {
    const files = await packageParts(document(), own);
    assert.deepEqual(Object.keys(files).sort(), Object.keys(zipped).sort());
    for (const [path, data] of Object.entries(zipped)) assert.equal(text(files[path]!), text(data), path);
    assert.match(text(files['word/document.xml']!), /同志们：今年以来，全县上下稳中求进。/);
  }
});

test('every docx method the serializer emulates has the source it was written against', () => {
  const { emulated, methods } = serializerStatus();
  const changed = emulated.filter((s) => !s.matches);
  assert.deepEqual(
    changed,
    [],
    `docx changed ${changed.map((s) => `${s.name}.prepForXml (${s.hash})`).join(', ')}: read its new source, update the emulation in src/adapters/docx.ts and its hash (until then docx's own method is used). Methods met: ${methods.join(', ')}`,
  );
});

const p = (t: string) => new Paragraph({ children: [new TextRun(t)] });

/** What the Word copy does not write, in one section: a header, a list, a hyperlink, a note, a table, a page number. */
function oneSection(): Document {
  return new Document({
    numbering: { config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    footnotes: { 1: { children: [p('注释 & <说明>')] } },
    sections: [
      {
        headers: { default: new Header({ children: [p('页眉')] }) },
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页'] })] })] }) },
        children: [
          new Paragraph({ text: '第一步', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: '第二步', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ children: [new ExternalHyperlink({ children: [new TextRun('链接')], link: 'https://example.org/?a=1&b="2"' })] }),
          new Paragraph({ children: [new TextRun("引文'单引号'"), new FootnoteReferenceRun(1)] }),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [p('单元格')] })] })] }),
        ],
      },
    ],
  });
}

/** Two sections, a table of contents and a `toc 1` style of the document's own (docx then drops its default one). */
function twoSections(): Document {
  return new Document({
    styles: { paragraphStyles: [{ id: 'EntryLevel1', name: 'toc 1', basedOn: 'Normal', run: { size: 28 } }] },
    features: { updateFields: true },
    sections: [
      { children: [new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-3' }), new Paragraph({ text: '第一章', heading: HeadingLevel.HEADING_1 })] },
      { children: [p('第二节')] },
    ],
  });
}

const cases: [string, () => Document, RegExp[], string[]][] = [
  ['one section', oneSection, [/w:numId/, /<w:hyperlink /, /w:footnoteReference/, /<w:tbl>/], ['Paragraph <w:p>', 'ParagraphProperties <w:pPr>', 'Table <w:tbl>']],
  ['two sections and a TOC', twoSections, [/TOC \\h \\o &quot;1-3&quot;/, /<w:sectPr/], ['Body <w:body>']],
];

for (const [name, doc, wants, handedBack] of cases) {
  test(`the serializer writes every part as docx does where it hands components back to docx: ${name}`, async () => {
    const ours = await packageParts(doc());
    const docx = await packageParts(doc(), false);
    assert.deepEqual(Object.keys(ours), Object.keys(docx));
    for (const path of Object.keys(docx)) assert.equal(text(ours[path]!), text(docx[path]!), path);
    for (const want of wants) assert.match(text(ours['word/document.xml']!), want);
    const left = await serializerFallbacks(doc());
    for (const n of handedBack) assert.ok(left.includes(n), `${n} handed to docx (${left.join(', ')})`);
  });
}

test("a style of the document's own named like a default TOC style replaces it", async () => {
  const styles = text((await packageParts(twoSections()))['word/styles.xml']!);
  assert.equal(styles.match(/<w:name w:val="toc 1"\/>/g)?.length, 1);
  assert.match(styles, /w:styleId="EntryLevel1"[^>]*>(?:(?!<\/w:style>).)*<w:sz w:val="28"\/>/s);
});
