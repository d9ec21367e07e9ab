/**
 * Renderer benchmark (not a test: no timed assertions anywhere). Lays the sample speeches in
 * input/ (first 5,200 characters, real vocabulary) out with the test layout and renders them repeatedly.
 * With `--real`, the same text goes through the real parser, layout and bundled fonts instead.
 * Run: node --import tsx tests/render-pdf/bench.ts [runs] [--real]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderPdf } from '../../src/render/pdf/render-pdf.ts';
import { parseSpeech } from '../../src/parse/index.ts';
import { layoutSpeech } from '../../src/layout/index.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import type { FontSet } from '../../src/fonts/types.ts';
import type { Measurer, PagedDocument } from '../../src/layout/types.ts';
import { testFonts } from './test-fonts.ts';
import { layoutSample, sampleMeta, type SampleBlock } from './sample-document.ts';
import { linesOf } from '../layout/helpers.ts';

const dir = resolve(import.meta.dirname, '../../input');
const text = readdirSync(dir)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n')
  .slice(0, 5200);
const blocks: SampleBlock[] = text
  .split('\n')
  .map((l) => l.replace(/[#*>|`-]/g, '').trim())
  .filter((l) => l.length > 0)
  .map((l, i) => (i % 9 === 4 ? { role: 'heading' as const, tag: 'H1' as const, text: l.slice(0, 20), depth: 1 as const, fauxBold: true } : { role: 'paragraph' as const, tag: 'P' as const, text: l, indentEm: 2 }));
const real = process.argv.includes('--real');
let doc: PagedDocument = layoutSample(sampleMeta(), blocks);
let fonts: FontSet = testFonts();
if (real) {
  // Computed specifier: typechecks before the fonts module exists.
  const m = (await import(pathToFileURL(resolve(import.meta.dirname, '../../src/fonts/index.ts')).href)) as {
    loadFontSet(o: { useSystemFonts: boolean }): Promise<{ fontSet: FontSet }>;
    createMeasurer(f: FontSet): Measurer;
  };
  fonts = (await m.loadFontSet({ useSystemFonts: false })).fontSet;
  const { value: speech } = parseSpeech(text, { format: 'text', file: 'bench.txt' });
  doc = layoutSpeech(speech!, OFFICIAL, m.createMeasurer(fonts)).value;
}
const chars = doc.pages.flatMap((p) => linesOf(p).flatMap((l) => l.runs.map((r) => r.text))).join('');
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 30);
// CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const c = process.cpuUsage();
  await renderPdf(doc, fonts, { date: new Date(0) });
  const used = process.cpuUsage(c);
  wall.push(performance.now() - t);
  cpu.push((used.user + used.system) / 1000);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `${real ? 'real layout + bundled fonts' : 'test layout + test fonts'}: ${doc.pages.length} pages, ${doc.facesUsed.length} faces, ${Array.from(chars).length} chars, ${new Set(chars).size} distinct; ` +
    `first ${wall[0]!.toFixed(0)} ms; steady (${runs - 5} runs) wall median ${median(wall.slice(5)).toFixed(1)} ms, ` +
    `min ${Math.min(...wall.slice(5)).toFixed(1)} ms; CPU median ${median(cpu.slice(5)).toFixed(1)} ms`,
);
