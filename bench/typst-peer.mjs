#!/usr/bin/env node
// The peer of `npm run bench -- --peers`: Typst (@myriaddreamin/typst-ts-node-compiler, one
// compiler kept warm across the batch) typesets every UTF-8 .txt of a folder into a PDF with a
// plain template close to ours: A4, GB/T 9704 margins, Noto Serif CJK SC 16 pt (三号), the first
// line as a centred 22 pt title, paragraphs justified with a 2-character indent, "— N —" page
// numbers. Run as its own process, so its time is a whole process like speechdoc's.
// `node bench/typst-peer.mjs IN_DIR OUT_DIR FONT_DIR`; prints `{"files":N,"pages":P}`.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const [inDir, outDir, fontDir] = process.argv.slice(2);
if (!inDir || !outDir || !fontDir) {
  console.error('usage: node bench/typst-peer.mjs IN_DIR OUT_DIR FONT_DIR');
  process.exit(2);
}

/** Text as Typst markup content: every markup character escaped. */
const escape = (s) => s.replace(/[\\#*_`$<>@[\]~=\-+/"'{}]/g, (c) => `\\${c}`);

const PREAMBLE = `#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),
  footer: context align(if calc.odd(here().page()) { right } else { left })[— #counter(page).display() —])
#set text(font: "Noto Serif CJK SC", size: 16pt, lang: "zh", region: "cn")
#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 12.9pt, spacing: 12.9pt)
`;

const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [fontDir] }] });
mkdirSync(outDir, { recursive: true });
let files = 0;
let pages = 0;
for (const name of readdirSync(inDir).filter((n) => n.endsWith('.txt')).sort()) {
  const lines = readFileSync(join(inDir, name), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const [title = '', ...body] = lines;
  const source = `${PREAMBLE}#align(center, text(size: 22pt, weight: "bold")[${escape(title)}])\n\n${body.map(escape).join('\n\n')}\n`;
  const doc = compiler.compile({ mainFileContent: source });
  const result = doc.result;
  if (!result) {
    console.error(`${name}: ${JSON.stringify(doc.takeDiagnostics?.() ?? 'compile failed')}`);
    process.exit(1);
  }
  pages += result.numOfPages;
  writeFileSync(join(outDir, `${basename(name, '.txt')}.pdf`), compiler.pdf(result));
  compiler.evictCache(10);
  files++;
}
console.log(JSON.stringify({ files, pages }));
