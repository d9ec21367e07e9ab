/**
 * src/adapters/docx.ts against the installed docx: its compiler is where the adapter reaches for
 * it, and gives exactly the parts `Packer.toBuffer` zips. A docx release that moves it fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { unzipSync } from 'fflate';
import { docxCompiler, packageFiles } from '../../src/adapters/docx.ts';

const document = () =>
  new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('同志们：今年以来，全县上下稳中求进。')] })] }] });

test("docx's Packer still has its compiler", () => {
  assert.ok(docxCompiler(), 'Packer.compiler.compile is gone: src/adapters/docx.ts falls back to a zip round trip');
});

test('the compiled parts are the parts Packer.toBuffer zips', async () => {
  const zipped = unzipSync(new Uint8Array(await Packer.toBuffer(document())));
  const files = await packageFiles(document());
  assert.deepEqual(Object.keys(files).sort(), Object.keys(zipped).sort());
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  for (const [path, data] of Object.entries(zipped)) {
    // docProps/core.xml carries the time of creation; everything else must be the same bytes.
    if (path === 'docProps/core.xml') continue;
    assert.equal(text(files[path]!), text(data), path);
  }
  assert.match(text(files['word/document.xml']!), /同志们：今年以来，全县上下稳中求进。/);
});
