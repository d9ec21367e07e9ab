/**
 * Renders a generated 5 MB speech (about 1.75 M characters) to PDF and DOCX and prints the time
 * and the peak resident memory: the resource bound the README states. Run with
 * `node --import tsx scripts/measure-big.ts [chars]`.
 */
import { generateSpeech } from '../bench/generate-speech.ts';
import { parseSpeech } from '../src/parse/index.ts';
import { renderPdf, renderDocx } from '../src/pipeline/render.ts';
import { loadFontSet } from '../src/fonts/index.ts';

const chars = Number(process.argv[2] ?? 1_750_000);
const text = generateSpeech(chars, 9);
const { fontSet } = await loadFontSet({ useSystemFonts: false });
const t0 = performance.now();
const { value: speech } = parseSpeech(text, { file: 'big.txt' });
const t1 = performance.now();
const pdf = await renderPdf(speech!, { fonts: fontSet, date: new Date(0) });
const t2 = performance.now();
const docx = await renderDocx(speech!, { fonts: fontSet, date: new Date(0) });
const t3 = performance.now();
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
console.log(
  `input ${mb(Buffer.byteLength(text))} (${text.length} chars): parse ${(t1 - t0).toFixed(0)} ms; ` +
    `PDF ${pdf.pages} pages, ${mb(pdf.bytes.length)}, ${(t2 - t1).toFixed(0)} ms; DOCX ${mb(docx.bytes.length)}, ${(t3 - t2).toFixed(0)} ms; ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
