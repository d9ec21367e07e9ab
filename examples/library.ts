/**
 * speechdoc as a library: parse a speech, render both outputs, then run a batch build.
 * Run from the repository root: node --import tsx examples/library.ts
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { parseSpeech, renderPdf, renderDocx, build, defineBuildOptions, formatDiagnostic } from '../src/index.ts';

const text = '在全县工作会议上的讲话\n同志们：\n一、提高认识\n一是抓好落实。要把工作做细做实，确保全年目标任务完成。\n';
const { value: speech, diagnostics } = parseSpeech(text, { file: 'speech.txt' });
for (const d of diagnostics) if (d.severity !== 'info') console.error(formatDiagnostic(d));
if (!speech) process.exit(1);

await mkdir('output/example', { recursive: true });
const pdf = await renderPdf(speech, { preset: 'official' });
await writeFile('output/example/speech.pdf', pdf.bytes);
const docx = await renderDocx(speech);
await writeFile('output/example/speech.docx', docx.bytes);
console.log(`speech.pdf: ${pdf.pages} page(s), ${pdf.bytes.length} bytes; speech.docx: ${docx.bytes.length} bytes`);

const summary = await build(defineBuildOptions({ inputs: ['input'], out: 'output/example/batch', jobs: 2, systemFonts: false }));
for (const f of summary.files) console.log(`${f.input}: ${f.status} → ${f.outputs.join(', ')}`);
